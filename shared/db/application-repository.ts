/**
 * Applications in the single table (layout and access patterns in entities/application.ts,
 * applied-marker.ts, booking.ts, waitlist.ts). Every invariant is
 * a condition inside a transaction, never a read first:
 * - one application per volunteer and shift: the APPLIED# marker's attribute_not_exists(PK);
 * - never more than `capacity` seats: `seatsTaken < #capacity` on the shift item, in the same
 *   transaction as the application's transition and the booking;
 * - no overlapping approved shifts anywhere on the platform: the BOOKINGS version the overlap
 *   was screened against must still be current when the booking is written;
 * - one decision, one transition per status: `#status = :from AND version = :seen`.
 * A transaction cancelled only by TransactionConflict (another transaction on the same items
 * at the same moment) is retried with jittered backoff and counted (`transactionStats`); a
 * failed condition becomes the named domain error of the item it was on.
 *
 * Each concern is its own module over the shared write helpers (application-writes.ts):
 * application-core.ts, application-seats.ts, application-waitlist.ts, application-decisions.ts;
 * items, cursors and the contention counter are in application-items.ts.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRepository } from '../domain/applications/ports.js';
import { env } from '../env.js';
import { applicationCore } from './application-core.js';
import { applicationDecisions } from './application-decisions.js';
import { applicationSeats } from './application-seats.js';
import { applicationWaitlist } from './application-waitlist.js';
import { applicationWrites } from './application-writes.js';
import { documentClient } from './client.js';

export { bookingWriteItems, newApplicationItems, transactionStats, type TransactionStats } from './application-items.js';

export const applicationRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): ApplicationRepository => {
  const writes = applicationWrites(client, tableName);
  return { ...applicationCore(writes), ...applicationSeats(writes), ...applicationWaitlist(writes), ...applicationDecisions(writes) };
};

/** Creating, reading and listing applications and plain transitions (application-core.ts): no seat, waitlist or decision writes (issue 17). */
export const applicationCoreRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) =>
  applicationCore(applicationWrites(client, tableName));
