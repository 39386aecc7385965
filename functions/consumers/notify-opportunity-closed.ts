/**
 * OpportunityClosed (issues 3 and 11) → every volunteer with an approved seat on a shift of it
 * that has not started yet is told it is cancelled (shared/domain/notifications/cancellation.ts),
 * then the applications of those shifts end as `cancelled`: seats freed, bookings removed,
 * waitlisted and pending applications ended (shared/domain/applications/cancellation.ts). The
 * notices go first: they read the bookings the cancellation removes (a redelivery after a partial
 * run finds the notices deduplicated and the rest of the cancellations still to do).
 */
import { reminderSource } from '../../shared/db/notification-reads.js';
import { cancelClosedOpportunity } from '../../shared/domain/applications/cancellation.js';
import { notifyOpportunityClosed as tellVolunteers } from '../../shared/domain/notifications/cancellation.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { cancellationPorts } from '../workflows/application-review/ports.js';
import { notifyOpportunityClosed } from './index.js';

export const handler = consumer(notifyOpportunityClosed).handler(async ({ detail }) => {
  const notify = notifier();
  const ports = { ...reminderSource(), notify: (request: Parameters<typeof notify.notify>[0]) => notify.notify(request) };
  const { told } = await tellVolunteers(ports, detail.opportunityId, new Date(detail.closedAt));
  const { cancelled } = await cancelClosedOpportunity(cancellationPorts(), detail);
  return { told, cancelled };
});
