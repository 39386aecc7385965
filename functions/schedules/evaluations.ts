/**
 * The `evaluations` schedule (daily, 10:00 Riyadh): evaluation invitations to the attendees of
 * yesterday's shifts and a digest to their managers. See shared/domain/evaluations/invitations.ts.
 */
import { attendanceReads } from '../../shared/db/attendance-reads.js';
import { managerContacts, reminderSource } from '../../shared/db/notification-reads.js';
import { runEvaluationInvitations, type EndedShift, type InvitationSummary } from '../../shared/domain/evaluations/invitations.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { job } from '../../shared/middleware/job.js';
import { evaluationsSchedule } from './index.js';

/** Shifts last at most this long: seats starting this much before the day can end in it. */
const LONGEST_SHIFT_MS = 2 * 86_400_000;

export const handler = job(evaluationsSchedule).handler(async ({ now }): Promise<InvitationSummary> => {
  const source = reminderSource();
  const attendance = attendanceReads();
  const notify = notifier({ now: () => now });
  return runEvaluationInvitations(
    {
      async shiftsEnded(from, to) {
        const shifts = new Map<string, EndedShift>();
        const since = new Date(Date.parse(from) - LONGEST_SHIFT_MS).toISOString();
        for await (const page of source.bookingsStarting(since, to)) {
          for (const b of page) {
            if (b.end >= from && b.end < to) shifts.set(b.shiftId, { shiftId: b.shiftId, opportunityId: b.opportunityId, orgId: b.orgId, start: b.start, end: b.end });
          }
        }
        return [...shifts.values()];
      },
      attendees: (shiftId) => attendance.attendees(shiftId),
      async context(shift) {
        const context = await source.shiftContext(shift);
        return context?.params;
      },
      managers: (orgId) => managerContacts(orgId),
      notify: (request) => notify.notify(request),
    },
    now,
  );
});
