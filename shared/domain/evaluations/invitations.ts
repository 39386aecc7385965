/**
 * The daily `evaluations` job: the day after a shift (Asia/Riyadh), each volunteer who attended
 * is invited to rate the experience and the organisation's managers get a digest asking them to
 * rate the attendees. Idempotent: each message's dedupe key is (type, recipient, shift), so a
 * retried or repeated run sends nothing twice.
 */
import { appPaths } from '../notifications/links.js';
import type { NotificationRequest, Params } from '../notifications/schema.js';
import { addDays, riyadhDate, riyadhDayBounds } from '../time.js';

export interface EndedShift {
  readonly shiftId: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
}

export interface InvitationPorts {
  /** Shifts with approved seats that ended in [from, to). */
  shiftsEnded(from: string, to: string): Promise<readonly EndedShift[]>;
  attendees(shiftId: string): Promise<readonly string[]>;
  /** Titles and the organisation's name, as bilingual params (`titleAr`, `orgNameEn`…). */
  context(shift: EndedShift): Promise<Params | undefined>;
  /** The organisation's managers, each with the language to write to them in. */
  managers(orgId: string): Promise<readonly { readonly email: string; readonly locale: 'ar' | 'en' }[]>;
  notify(request: NotificationRequest): Promise<readonly { outcome: string }[]>;
}

export interface InvitationSummary {
  readonly day: string;
  readonly shifts: number;
  readonly invitations: number;
  readonly digests: number;
}

export const runEvaluationInvitations = async (ports: InvitationPorts, now: Date): Promise<InvitationSummary> => {
  const day = addDays(riyadhDate(now), -1);
  const { start, end } = riyadhDayBounds(day);
  const shifts = await ports.shiftsEnded(start.toISOString(), end.toISOString());
  let invitations = 0;
  let digests = 0;
  for (const shift of shifts) {
    const attendees = await ports.attendees(shift.shiftId);
    if (attendees.length === 0) continue;
    const context = await ports.context(shift);
    if (!context) continue;
    const params = { ...context, start: shift.start };
    for (const volunteerId of attendees) {
      await ports.notify({ type: 'evaluation-invitation', to: { kind: 'volunteer', volunteerId }, about: shift.shiftId, params, link: appPaths.evaluation(shift.shiftId) });
      invitations += 1;
    }
    for (const { email, locale } of await ports.managers(shift.orgId)) {
      await ports.notify({
        type: 'evaluation-digest',
        to: { kind: 'address', email, locale },
        about: shift.shiftId,
        params: { ...params, attended: String(attendees.length) },
        link: appPaths.evaluation(shift.shiftId),
      });
      digests += 1;
    }
  }
  return { day, shifts: shifts.length, invitations, digests };
};
