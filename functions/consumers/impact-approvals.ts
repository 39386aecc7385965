/**
 * HoursApproved in batches (issue 16): an SQS batch of up to 100 approvals becomes a few
 * transactions (shared/domain/impact/recorder.ts `recordApprovalBatch`): each reads its events'
 * volunteers and shifts in one BatchGet, the counters merged per item. Each approval's ledger entry is
 * written with `attribute_not_exists`, so a redelivered batch, or an approval also in another
 * batch, is counted once.
 */
import { impactRepository } from '../../shared/db/impact-repository.js';
import { recordApprovalBatch } from '../../shared/domain/impact/recorder.js';
import { batchConsumer } from '../../shared/middleware/consumer.js';
import { impactApprovals } from './index.js';

export const handler = batchConsumer(impactApprovals).handler(async (events) =>
  recordApprovalBatch(
    impactRepository(),
    events.map((event) => ({ eventId: event.eventId, hours: event.detail })),
  ),
);
