/**
 * TrainingMissingAtCheckIn (issue 13) → the volunteer is told which training is missing, and
 * every manager of the organisation is warned. The check-in stands (the managers decide). The
 * notifications' dedupe keys (type, recipient, shift) make a redelivery a no-op.
 */
import { managerContacts, reminderSource } from '../../shared/db/notification-reads.js';
import { appPaths } from '../../shared/domain/notifications/links.js';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { notifyTrainingMissing } from './index.js';

export const handler = consumer(notifyTrainingMissing).handler(async ({ detail }): Promise<{ told: number }> => {
  const [shiftContext, managers, volunteer] = await Promise.all([
    reminderSource().shiftContext({ opportunityId: detail.opportunityId, orgId: detail.orgId, shiftId: detail.shiftId, start: detail.checkedInAt, end: detail.checkedInAt }),
    managerContacts(detail.orgId),
    volunteerRepository().get(detail.volunteerId),
  ]);
  const params = {
    titleAr: shiftContext?.params.titleAr ?? detail.opportunityId,
    titleEn: shiftContext?.params.titleEn ?? detail.opportunityId,
    start: detail.checkedInAt,
    modules: detail.missing.join(', '),
  };
  const notify = notifier();
  await notify.notify({
    type: 'training-lapsed',
    to: { kind: 'volunteer', volunteerId: detail.volunteerId },
    about: detail.shiftId,
    params,
    ...(detail.missing[0] && { link: appPaths.training(detail.missing[0]) }),
  });
  for (const manager of managers) {
    await notify.notify({
      type: 'training-lapsed-manager',
      to: { kind: 'address', email: manager.email, locale: manager.locale },
      about: `${detail.shiftId}:${detail.volunteerId}`,
      params: { ...params, ...(volunteer && { volunteerAr: volunteer.nameAr, volunteerEn: volunteer.nameEn }) },
      link: appPaths.roster(detail.shiftId),
    });
  }
  return { told: 1 + managers.length };
});
