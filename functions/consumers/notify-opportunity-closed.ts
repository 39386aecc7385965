/**
 * OpportunityClosed (issue 3) → every volunteer with an approved seat on a shift of it that has
 * not started yet is told it is cancelled (shared/domain/notifications/cancellation.ts).
 */
import { reminderSource } from '../../shared/db/notification-repository.js';
import { notifyOpportunityClosed as tellVolunteers } from '../../shared/domain/notifications/cancellation.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { notifyOpportunityClosed } from './index.js';

export const handler = consumer(notifyOpportunityClosed).handler(async ({ detail }) => {
  const notify = notifier();
  const ports = { ...reminderSource(), notify: (request: Parameters<typeof notify.notify>[0]) => notify.notify(request) };
  return tellVolunteers(ports, detail.opportunityId, new Date(detail.closedAt));
});
