/**
 * Application events (issue 4's ApplicationReview workflow) → the volunteer is told, in their
 * language, by email (and SMS for decisions); a decision left waiting → the organisation's
 * managers are nudged. The outbox dedupe key (type, recipient, application, event) makes a
 * redelivered event a no-op.
 */
import * as z from 'zod';
import type { DomainEventEnvelope } from './definition.js';
import { managerEmails, reminderSource } from '../../shared/db/notification-repository.js';
import type { NotificationRequest, NotificationType, Params } from '../../shared/domain/notifications/schema.js';
import { notifier } from '../../shared/messaging/notifier.js';

/** The part of an application event's detail notifications read (contract: events/catalog.ts). */
const ApplicationEventDetail = z.object({
  applicationId: z.string(),
  volunteerId: z.string(),
  opportunityId: z.string(),
  shiftId: z.string(),
  orgId: z.string(),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  reason: z.string().optional(),
  reminder: z.boolean().optional(),
});

const toVolunteer: Readonly<Record<string, { type: NotificationType; sms: boolean }>> = {
  ApplicationSubmitted: { type: 'application-submitted', sms: false },
  ApplicationApproved: { type: 'application-approved', sms: true },
  ApplicationRejected: { type: 'application-rejected', sms: true },
  ApplicationWaitlisted: { type: 'application-waitlisted', sms: true },
  ApplicationPromoted: { type: 'application-promoted', sms: true },
  ApplicationWithdrawn: { type: 'application-withdrawn', sms: false },
  ApplicationExpired: { type: 'application-expired', sms: true },
};

export const handler = async (event: DomainEventEnvelope): Promise<{ sent: number }> => {
  const detail = ApplicationEventDetail.parse(event.detail);
  const context = await reminderSource().shiftContext({ ...detail, start: detail.shiftStart, end: detail.shiftEnd });
  if (!context) return { sent: 0 };
  const params: Params = { ...context.params, ...(detail.reason && { reason: detail.reason }) };
  const requests: NotificationRequest[] = [];

  const message = toVolunteer[event['detail-type']];
  if (message) {
    requests.push({
      type: message.type,
      to: { kind: 'volunteer', volunteerId: detail.volunteerId },
      about: detail.applicationId,
      channels: message.sms ? ['email', 'sms'] : ['email'],
      params,
      calendar: context.calendar,
      // After the shift has started, news about the application only confuses.
      staleAfter: detail.shiftStart,
    });
  } else if (event['detail-type'] === 'ApplicationPendingDecision' && detail.reminder) {
    for (const email of await managerEmails(detail.orgId)) {
      requests.push({
        type: 'pending-decisions',
        to: { kind: 'address', email, locale: 'ar' },
        about: detail.applicationId,
        window: 'decision-timeout',
        params: { orgNameAr: params.orgNameAr ?? '', orgNameEn: params.orgNameEn ?? '', count: '1' },
      });
    }
  }

  const notify = notifier();
  let sent = 0;
  for (const request of requests) sent += (await notify.notify(request)).filter((r) => r.outcome === 'sent').length;
  return { sent };
};
