/**
 * Application events (issue 4's ApplicationReview workflow) → the volunteer is told, in their
 * language, by email (and SMS for decisions); a decision left waiting reaches the organisation's
 * managers through their daily digest (the reminders job), not one mail per application. The outbox dedupe key
 * (type, recipient, application, event) makes a redelivered event a no-op.
 */
import { managerContacts, reminderSource } from '../../shared/db/notification-reads.js';
import { applicationNotices } from '../../shared/domain/notifications/applications.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { notifyApplications } from './index.js';

export const handler = consumer(notifyApplications).handler(async (event): Promise<{ sent: number }> => {
  const { detail } = event;
  const context = await reminderSource().shiftContext({ ...detail, start: detail.shiftStart, end: detail.shiftEnd });
  if (!context) return { sent: 0 };
  // A decision left waiting is in the managers' daily digest (the reminders job: one email per
  // organisation and day), not a mail per application.
  const managers: Awaited<ReturnType<typeof managerContacts>> = [];
  const notify = notifier();
  let sent = 0;
  for (const request of applicationNotices(event.type, detail, context, managers)) {
    sent += (await notify.notify(request)).filter((r) => r.outcome === 'queued' || r.outcome === 'sent').length;
  }
  return { sent };
});
