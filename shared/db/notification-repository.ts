/**
 * The notifications area's adapters, each in its own module: the outbox
 * (notification-outbox.ts), recipients' contacts and the suppression list
 * (notification-contacts.ts), the local SMS box (local-sms-box.ts), the reminder cursors
 * (reminder-cursors.ts) and the read model over other areas' items (notification-reads.ts).
 * `notificationRepository()` is all four stores over one client and table, for the callers
 * that use several.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { localSmsBox, type LocalSmsBox } from './local-sms-box.js';
import { notificationContacts, type ContactStore } from './notification-contacts.js';
import { notificationOutbox, type OutboxStore } from './notification-outbox.js';
import { reminderCursors, type ReminderCursors } from './reminder-cursors.js';

export type { LocalSms, LocalSmsBox } from './local-sms-box.js';
export { suppressionKey, type ContactStore, type Suppression } from './notification-contacts.js';
export type { OutboxStore, SendResult } from './notification-outbox.js';
export { approvedShifts, cancelledShifts, managerContacts, managerEmails, pendingQueues, reminderSource } from './notification-reads.js';
export type { ReminderCursors } from './reminder-cursors.js';

export type NotificationRepository = OutboxStore & ContactStore & LocalSmsBox & ReminderCursors;

export const notificationRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): NotificationRepository => ({
  ...notificationOutbox(client, tableName),
  ...notificationContacts(client, tableName),
  ...localSmsBox(client, tableName),
  ...reminderCursors(client, tableName),
});
