/**
 * NotificationQueued in batches (issue 17): each event names an outbox record the notifier
 * wrote `queued`; the sender claims it, renders it and sends it (shared/messaging/sender.ts).
 * A redelivered event finds its record sent and sends nothing; a record another delivery still
 * holds fails the batch after the others went out, and the queue delivers it again.
 */
import { sender } from '../../shared/messaging/sender.js';
import { batchConsumer } from '../../shared/middleware/consumer.js';
import { deliverNotifications } from './index.js';

export const handler = batchConsumer(deliverNotifications).handler(async (events) => {
  const results = await sender().deliver(events.map((event) => event.detail.notificationId));
  return { sent: results.filter((r) => r.outcome === 'sent').length, delivered: results.length };
});
