/**
 * The items of applications (entities/application.ts, applied-marker.ts, booking.ts): mappers, the
 * transactions' item builders, list cursors and the contention counter the benchmark reads.
 */
import type { BookingsSnapshot } from '../domain/applications/ports.js';
import type { ApplicationRecord, StatusChange } from '../domain/applications/schema.js';
import { decodeCursor, invalidCursor } from '../domain/cursor.js';
import type { TransactItem } from './transactions.js';
import { appliedMarker } from './entities/applied-marker.js';
import { application as applicationEntity, applicationHistory } from './entities/application.js';
import { booking, bookingsVersion } from './entities/booking.js';
import * as z from '../zod.js';

export type Item = Record<string, unknown>;

// ── Contention accounting ────────────────────────────────────────────────────
export interface TransactionStats {
  /** Transactions attempted (first tries). */
  transactions: number;
  /** Extra attempts after a cancellation caused only by TransactionConflict. */
  conflictRetries: number;
}
const statsKey = /* @__PURE__ */ Symbol.for('tatawwu.applicationTransactionStats');
const statsHolder = globalThis as unknown as Record<symbol, TransactionStats | undefined>;
/** Process-wide (every module instance shares it): the benchmark reads and resets it. */
export const transactionStats: TransactionStats = (statsHolder[statsKey] ??= { transactions: 0, conflictRetries: 0 });

/** Attempts of a contended seat transaction (full-jitter backoff, shared/db/transactions.ts). */
export const MAX_ATTEMPTS = 25;


// ── Items ────────────────────────────────────────────────────────────────────
export const toRecord = (item: Item): ApplicationRecord => applicationEntity.fromItem(item);

export const applicationItem = (application: ApplicationRecord): Item =>
  applicationEntity.toItem(application, {
    ...applicationEntity.keys.item(application.id),
    ...applicationEntity.keys.byVolunteer(application.volunteerId, application.createdAt, application.id),
    ...applicationEntity.keys.reviewQueue(application.orgId, application.status, application.updatedAt, application.id),
  });

export const historyItem = (applicationId: string, change: StatusChange, extra?: Item): Item =>
  applicationHistory.toItem({ applicationId, ...change }, applicationHistory.keys.item(applicationId, change.version), extra);

/** A booking approved this close to its start may be inside a reminder window the job already covered. */
export const LATE_BOOKING_MS = 24 * 3_600_000;

export const bookingItem = (application: ApplicationRecord, approvedAt: string): Item =>
  booking.toItem(
    {
      volunteerId: application.volunteerId,
      applicationId: application.id,
      opportunityId: application.opportunityId,
      orgId: application.orgId,
      shiftId: application.shiftId,
      start: application.shiftStart,
      end: application.shiftEnd,
      ...(application.project && { project: true }),
    },
    {
      ...booking.keys.item(application.volunteerId, application.shiftStart, application.shiftId),
      // Sparse GSI3: seats by shift start (reminders, cancellations).
      ...booking.keys.startIndex(application.shiftStart, application.shiftId, application.volunteerId),
      // Sparse GSI1: a late seat, by approval time (the reminders job's late pass).
      ...(Date.parse(application.shiftStart) - Date.parse(approvedAt) <= LATE_BOOKING_MS &&
        booking.keys.lateIndex(approvedAt, application.shiftId, application.volunteerId)),
    },
  );

export const durationMs = (application: Pick<ApplicationRecord, 'shiftStart' | 'shiftEnd'>) =>
  Date.parse(application.shiftEnd) - Date.parse(application.shiftStart);

/** The booking item and the bookings version of an approved seat (the overlap guard's condition). */
export const bookingWriteItems = (TableName: string, application: ApplicationRecord, bookings: Pick<BookingsSnapshot, 'version' | 'longestMs'>, approvedAt: string): TransactItem[] => [
  { Put: { TableName, Item: bookingItem(application, approvedAt), ConditionExpression: 'attribute_not_exists(PK)' } },
  {
    Update: {
      TableName,
      Key: bookingsVersion.keys.item(application.volunteerId),
      UpdateExpression: 'SET #version = :next, longestMs = :longest, entity = :entity',
      ConditionExpression: bookings.version === 0 ? 'attribute_not_exists(PK)' : '#version = :seen',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: {
        ':next': bookings.version + 1,
        // A project's period never overlaps anything: it must not widen every overlap query.
        ':longest': application.project ? bookings.longestMs : Math.max(bookings.longestMs, durationMs(application)),
        ':entity': bookingsVersion.name,
        ...(bookings.version !== 0 && { ':seen': bookings.version }),
      },
    },
  },
];

/** A new application's items: the application, its volunteer–shift marker (one per pair) and its first history item. */
export const newApplicationItems = (TableName: string, application: ApplicationRecord, first: StatusChange): TransactItem[] => [
  { Put: { TableName, Item: applicationItem(application), ConditionExpression: 'attribute_not_exists(PK)' } },
  {
    Put: {
      TableName,
      Item: appliedMarker.toItem({ applicationId: application.id, at: application.createdAt }, appliedMarker.keys.item(application.volunteerId, application.shiftId)),
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  },
  { Put: { TableName, Item: historyItem(application.id, first), ConditionExpression: 'attribute_not_exists(PK)' } },
];

// ── Cursors ──────────────────────────────────────────────────────────────────
/**
 * A cursor is base64url JSON `{ p, s }`: the partition queried and the sort key of the last
 * item returned. The ExclusiveStartKey is rebuilt from them (the application id ends the sort
 * key) after checking the partition is the one being queried, so a cursor can never open
 * another volunteer's or organisation's list; anything else is a 400 naming `query.cursor`.
 */
export const SORT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#([0-9A-HJKMNP-TV-Z]{26})$/;
export const CursorShape = /* @__PURE__ */ z.strictObject({ p: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(300)), s: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(SORT)) });
/** The sort key after which the page starts; a cursor of another partition is refused. */
export const cursorSortKey = (raw: string, partition: string): string => {
  const cursor = decodeCursor(raw, CursorShape);
  if (cursor.p !== partition) throw invalidCursor('belongs to another list');
  return cursor.s;
};

/** Statuses an application never leaves: kept for the retention period, then dropped by the TTL. */
export const CLOSED_STATUSES: ReadonlySet<string> = /* @__PURE__ */ new Set(['rejected', 'withdrawn', 'expired', 'cancelled']);
