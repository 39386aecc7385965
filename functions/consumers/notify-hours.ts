/**
 * Attendance and hours events → the people concerned, in their language (issue 19):
 * - VolunteerCheckedIn → the volunteer: a confirmation (email, SMS if they opted in);
 * - HoursApproved → the volunteer: approved, or "cut" with the reason and the dispute link when
 *   fewer minutes were approved than recorded;
 * - HoursRejected → the volunteer: the reason and the dispute link;
 * - VolunteerNoShow → the volunteer: recorded absent, with the dispute link;
 * - NoShowDisputed → the organisation's managers: the reason and the roster link (they decide once);
 * - NoShowDisputeDecided → the volunteer: upheld or dismissed (final);
 * - HoursPending → the organisation's managers: a digest, at most one a day per kind (new,
 *   reminder, escalated), with how many records wait.
 * The outbox dedupe keys make a redelivered event a no-op.
 */
import { hoursPendingCounts, hoursShifts } from '../../shared/db/hours-repository.js';
import { hoursApprovalNotices } from '../../shared/db/hours-notice-reads.js';
import { managerContacts, reminderSource } from '../../shared/db/notification-reads.js';
import { appPaths } from '../../shared/domain/notifications/links.js';
import type { NotificationRequest, Params } from '../../shared/domain/notifications/schema.js';
import { riyadhDate } from '../../shared/domain/time.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { notifyHours } from './index.js';

/** Where the app opens the dispute of a record (a link, not an API call: the app posts the dispute). */
export const disputeLink = (hoursId: string) => `https://tatawwu.sa/hours/${hoursId}/dispute`;
const hoursOf = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export const handler = consumer(notifyHours).handler(async (event): Promise<{ sent: number }> => {
  const requests: NotificationRequest[] = [];
  const context = async (d: { opportunityId: string; orgId: string; shiftId?: string | undefined; start: string; end?: string | undefined }) =>
    (await reminderSource().shiftContext({ opportunityId: d.opportunityId, orgId: d.orgId, shiftId: d.shiftId ?? d.opportunityId, start: d.start, end: d.end ?? d.start }))?.params;

  switch (event.type) {
    case 'VolunteerCheckedIn': {
      const d = event.detail;
      const params = await context({ ...d, start: d.checkedInAt });
      if (params) requests.push({ type: 'checked-in', to: { kind: 'volunteer', volunteerId: d.volunteerId }, about: d.shiftId, channels: ['email', 'sms'], params, link: appPaths.attendance(d.shiftId) });
      break;
    }
    case 'HoursApproved': {
      const d = event.detail;
      const record = await hoursApprovalNotices().get(d.hoursId);
      const params = await context({ ...d, start: d.startedAt ?? `${d.date}T09:00:00+03:00` });
      if (!params || !record) break;
      const cut = record.minutes < record.requestedMinutes;
      const decision = record.decisions.at(-1);
      const extra: Params = cut
        ? {
            hours: hoursOf(d.minutes),
            requested: hoursOf(record.requestedMinutes),
            ...(decision?.reason && { reason: decision.reason }),
            disputeLink: disputeLink(d.hoursId),
            disputeUntil: record.disputeUntil ?? d.approvedAt,
          }
        : { hours: hoursOf(d.minutes) };
      requests.push({
        type: cut ? 'hours-cut' : 'hours-approved',
        to: { kind: 'volunteer', volunteerId: d.volunteerId },
        about: d.hoursId,
        channels: cut ? ['email', 'sms'] : ['email'],
        params: { ...params, ...extra },
        link: appPaths.hours(d.hoursId),
      });
      break;
    }
    case 'HoursRejected': {
      const d = event.detail;
      const params = await context({ ...d, start: d.startedAt ?? `${d.date}T09:00:00+03:00` });
      if (!params) break;
      requests.push({
        type: 'hours-rejected',
        to: { kind: 'volunteer', volunteerId: d.volunteerId },
        about: d.hoursId,
        window: d.decidedAt,
        channels: ['email', 'sms'],
        params: { ...params, requested: hoursOf(d.requestedMinutes), reason: d.reason, disputeLink: disputeLink(d.hoursId), ...(d.disputeUntil && { disputeUntil: d.disputeUntil }) },
        link: appPaths.hours(d.hoursId),
      });
      break;
    }
    case 'VolunteerNoShow': {
      const d = event.detail;
      const params = await context({ ...d, start: d.shiftStart, end: d.shiftEnd });
      if (!params) break;
      requests.push({
        type: 'no-show',
        to: { kind: 'volunteer', volunteerId: d.volunteerId },
        about: d.shiftId,
        params: { ...params, disputeLink: `https://tatawwu.sa/shifts/${d.shiftId}/attendance/dispute`, disputeUntil: d.disputeUntil },
        link: appPaths.attendance(d.shiftId),
      });
      break;
    }
    case 'NoShowDisputed': {
      const d = event.detail;
      const params = await context({ ...d, start: d.shiftStart, end: d.shiftEnd });
      if (!params) break;
      for (const { email, locale } of await managerContacts(d.orgId)) {
        requests.push({
          type: 'no-show-disputed',
          to: { kind: 'address', email, locale },
          about: `${d.shiftId}-${d.volunteerId}`,
          params: { ...params, reason: d.reason, disputeLink: `https://tatawwu.sa/shifts/${d.shiftId}/attendance` },
          link: appPaths.roster(d.shiftId),
        });
      }
      break;
    }
    case 'NoShowDisputeDecided': {
      const d = event.detail;
      const found = await hoursShifts().shift(d.shiftId);
      const params = found && (await context({ ...d, start: found.shift.start, end: found.shift.end }));
      if (!params) break;
      requests.push({
        type: 'no-show-dispute-decided',
        to: { kind: 'volunteer', volunteerId: d.volunteerId },
        about: d.shiftId,
        params: { ...params, [d.outcome]: 'yes' },
        link: appPaths.attendance(d.shiftId),
      });
      break;
    }
    case 'HoursPending': {
      const d = event.detail;
      const params = await context({ ...d, start: d.at });
      const count = await hoursPendingCounts().pendingCount(d.orgId, 99_999);
      const kind = d.escalated ? 'escalated' : d.reminder ? 'reminder' : 'new';
      for (const { email, locale } of await managerContacts(d.orgId)) {
        requests.push({
          type: 'hours-pending',
          to: { kind: 'address', email, locale },
          about: d.orgId,
          window: `${kind}-${riyadhDate(d.at)}`,
          params: { orgNameAr: params?.orgNameAr ?? d.orgId, orgNameEn: params?.orgNameEn ?? d.orgId, count: String(Math.max(1, count)) },
          link: appPaths.orgHours(d.orgId),
        });
      }
      break;
    }
  }

  const notify = notifier();
  let sent = 0;
  for (const request of requests) sent += (await notify.notify(request)).filter((r) => r.outcome === 'queued' || r.outcome === 'sent').length;
  return { sent };
});
