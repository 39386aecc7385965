/**
 * The message types that have an SMS text; the others are email only. The notifier queues an
 * SMS only of these, without importing the templates themselves (issue 17: the functions that
 * queue messages carry no templates). test/unit/template-channels.test.ts checks it against
 * the templates.
 */
import type { NotificationType } from '../../domain/notifications/schema.js';

const SMS_TYPES: readonly NotificationType[] = [
  'application-approved',
  'application-rejected',
  'application-waitlisted',
  'application-promoted',
  'application-expired',
  'opportunity-cancelled',
  'shift-cancelled',
  'shift-reminder-24h',
  'shift-reminder-2h',
  'invitation',
  'checked-in',
  'hours-cut',
  'hours-rejected',
  'badge-earned',
  'opportunity-changed',
];

export const hasSms = (type: NotificationType): boolean => SMS_TYPES.includes(type);
