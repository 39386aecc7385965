/**
 * The composition root of matching: the matching service's ports in this process, for the
 * matching job, the matching consumers and the MatchingRun workflow.
 */
import { appPaths } from '../../../shared/domain/notifications/links.js';
import { systemClock } from '../../../shared/clock.js';
import { matchingRepository } from '../../../shared/db/matching-repository.js';
import { organizationReads } from '../../../shared/db/organization-reads.js';
import type { MatchingPorts } from '../../../shared/domain/matching/service.js';
import { cityById } from '../../../shared/domain/reference/cities.js';
import { notifier } from '../../../shared/messaging/notifier.js';

/** The index and the runs (the matching consumers, the MatchingRun steps): table and clock, no notifier (issue 17: its SES and SMS clients stay out). */
export const matchingStorePorts = (): Pick<MatchingPorts, 'store' | 'clock'> => ({ store: matchingRepository(), clock: systemClock });

/**
 * The ports of the matching service in this process (the `matching` job, which invites): the
 * table, invitations through the notifier of shared/messaging (outbox, consent, quiet hours; the
 * invitation id is the dedupe key) and the system clock.
 */
export const matchingPorts = (): MatchingPorts => ({
  ...matchingStorePorts(),
  invitations: {
    async send(invitation, volunteer, opportunity) {
      if (invitation.channel === 'none') return;
      const organization = await organizationReads().get(opportunity.orgId);
      const shift = opportunity.shifts.find((s) => s.id === invitation.shiftId);
      const city = cityById(opportunity.city);
      await notifier().notify({
        type: 'invitation',
        to: { kind: 'volunteer', volunteerId: volunteer.view.id },
        about: invitation.id,
        params: {
          titleAr: opportunity.titleAr,
          titleEn: opportunity.titleEn,
          orgNameAr: organization?.nameAr ?? opportunity.orgId,
          orgNameEn: organization?.nameEn ?? opportunity.orgId,
          ...(shift && { start: shift.start }),
          ...(city && { placeAr: city.nameAr, placeEn: city.nameEn }),
        },
        channels: [invitation.channel],
        link: appPaths.opportunity(opportunity.id),
      });
    },
  },
});
