/**
 * Application events (issue 4's ApplicationReview workflow) → the volunteer is told, in their
 * language, by email (and SMS for decisions); a decision left waiting → the organisation's
 * managers are nudged (shared/domain/notifications/applications.ts). The outbox dedupe key
 * (type, recipient, application, event) makes a redelivered event a no-op.
 */
import { managerContacts, reminderSource } from '../../shared/db/notification-repository.js';
import { applicationNotices } from '../../shared/domain/notifications/applications.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { notifyApplications } from './index.js';

export const handler = consumer(notifyApplications).handler(async (event): Promise<{ sent: number }> => {
  const { detail } = event;
  const context = await reminderSource().shiftContext({ ...detail, start: detail.shiftStart, end: detail.shiftEnd });
  if (!context) return { sent: 0 };
  const reminder = event.type === 'ApplicationPendingDecision' && event.detail.reminder;
  const managers = reminder ? await managerContacts(detail.orgId) : [];
  const notify = notifier();
  let sent = 0;
  for (const request of applicationNotices(event.type, detail, context, managers)) {
    sent += (await notify.notify(request)).filter((r) => r.outcome === 'sent').length;
  }
  return { sent };
});
