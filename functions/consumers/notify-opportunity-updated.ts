/**
 * OpportunityUpdated (issue 11) → the volunteers holding a seat on a shift still to come are told
 * of a change of place (or of time, for a moved shift), by email and SMS; deduplicated per seat
 * and edit (shared/domain/notifications/cancellation.ts).
 */
import { reminderSource } from '../../shared/db/notification-reads.js';
import { notifyOpportunityUpdated as tellVolunteers } from '../../shared/domain/notifications/cancellation.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { notifyOpportunityUpdated } from './index.js';

export const handler = consumer(notifyOpportunityUpdated).handler(async ({ detail }) => {
  const notify = notifier();
  return tellVolunteers({ ...reminderSource(), notify: (request) => notify.notify(request) }, detail);
});
