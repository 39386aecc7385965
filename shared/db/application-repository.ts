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
 */
import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import {
  AlreadyAppliedError,
  ApplicationAlreadyDecidedError,
  ApplicationChangedError,
  BookingsChangedError,
  DecisionNotOpenError,
  SeatAvailableError,
  SeatsExhaustedError,
  TooMuchContentionError,
  WaitlistChangedError,
} from '../domain/applications/errors.js';
import type { ApplicationRepository, BookingsSnapshot, Page, Transition, WriteEvents } from '../domain/applications/ports.js';
import type { ApplicationRecord, ApplicationStatus, StatusChange } from '../domain/applications/schema.js';
import type { Booking } from '../domain/applications/screening.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../domain/cursor.js';
import { expiresAt } from '../domain/personal-data/retention.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { outboxPuts } from './entities/outbox-event.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';
import { appliedMarker } from './entities/applied-marker.js';
import { application as applicationEntity, applicationHistory } from './entities/application.js';
import { booking, bookingsVersion, cancelledSeat } from './entities/booking.js';
import { shift } from './entities/shift.js';
import { waitlistEntry, waitlistSequence } from './entities/waitlist.js';

type Item = Record<string, unknown>;

// ── Contention accounting ────────────────────────────────────────────────────
export interface TransactionStats {
  /** Transactions attempted (first tries). */
  transactions: number;
  /** Extra attempts after a cancellation caused only by TransactionConflict. */
  conflictRetries: number;
}
const statsKey = Symbol.for('tatawwu.applicationTransactionStats');
const statsHolder = globalThis as unknown as Record<symbol, TransactionStats | undefined>;
/** Process-wide (every module instance shares it): the benchmark reads and resets it. */
export const transactionStats: TransactionStats = (statsHolder[statsKey] ??= { transactions: 0, conflictRetries: 0 });

/** Attempts of a contended seat transaction (full-jitter backoff, shared/db/transactions.ts). */
const MAX_ATTEMPTS = 25;


// ── Items ────────────────────────────────────────────────────────────────────
const toRecord = (item: Item): ApplicationRecord => applicationEntity.fromItem(item);

const applicationItem = (application: ApplicationRecord): Item =>
  applicationEntity.toItem(application, {
    ...applicationEntity.keys.item(application.id),
    ...applicationEntity.keys.byVolunteer(application.volunteerId, application.createdAt, application.id),
    ...applicationEntity.keys.reviewQueue(application.orgId, application.status, application.updatedAt, application.id),
  });

const historyItem = (applicationId: string, change: StatusChange, extra?: Item): Item =>
  applicationHistory.toItem({ applicationId, ...change }, applicationHistory.keys.item(applicationId, change.version), extra);

/** A booking approved this close to its start may be inside a reminder window the job already covered. */
const LATE_BOOKING_MS = 24 * 3_600_000;

const bookingItem = (application: ApplicationRecord, approvedAt: string): Item =>
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

const durationMs = (application: Pick<ApplicationRecord, 'shiftStart' | 'shiftEnd'>) =>
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
const SORT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#([0-9A-HJKMNP-TV-Z]{26})$/;
const CursorShape = z.object({ p: z.string().max(300), s: z.string().regex(SORT) }).strict();
/** The sort key after which the page starts; a cursor of another partition is refused. */
const cursorSortKey = (raw: string, partition: string): string => {
  const cursor = decodeCursor(raw, CursorShape);
  if (cursor.p !== partition) throw invalidCursor('belongs to another list');
  return cursor.s;
};

// ── Repository ───────────────────────────────────────────────────────────────
/** Statuses an application never leaves: kept for the retention period, then dropped by the TTL. */
const CLOSED_STATUSES: ReadonlySet<string> = new Set(['rejected', 'withdrawn', 'expired', 'cancelled']);

export const applicationRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): ApplicationRepository => {
  /**
   * Runs a transaction, retrying cancellations caused only by conflicts. Returns the
   * cancellation reasons when a condition failed (undefined on success).
   */
  const transact = async (items: TransactItem[], what: string): Promise<readonly CancellationReason[] | undefined> => {
    transactionStats.transactions += 1;
    const cancelled = await transactWrite(client, items, {
      attempts: MAX_ATTEMPTS,
      contended: (attempts, cause) => new TooMuchContentionError(what, attempts, { cause }),
      onRetry: () => {
        transactionStats.conflictRetries += 1;
      },
    });
    return cancelled && (cancelled.CancellationReasons ?? []);
  };

  const applicationUpdate = (
    application: ApplicationRecord,
    change: Transition,
    extra: { set?: Record<string, unknown>; remove?: readonly string[] } = {},
  ): { update: TransactItem; next: ApplicationRecord; history: Item } => {
    const version = application.version + 1;
    // A closed application (with the volunteer's motivation) and its history are kept 1 year (issue 18, retention table).
    const ttl = CLOSED_STATUSES.has(change.to) ? { expiresAt: expiresAt('closedApplications', change.at) } : undefined;
    const queue = applicationEntity.keys.reviewQueue(application.orgId, change.to, change.at, application.id);
    const set: Record<string, unknown> = {
      status: change.to,
      version,
      updatedAt: change.at,
      GSI2PK: queue.GSI2PK,
      GSI2SK: queue.GSI2SK,
      ...(change.reason !== undefined && { reason: change.reason }),
      ...(change.failures !== undefined && { failures: change.failures }),
      ...ttl,
      ...extra.set,
    };
    // Leaving pending voids the task token; leaving the waitlist its sequence number. `reason`
    // says why the application is in its status: a transition without one drops the previous
    // one (an approval must not keep "waiting for a decision").
    const remove = new Set<string>(extra.remove ?? []);
    if (change.reason === undefined) remove.add('reason');
    if (application.status === 'pending' && change.to !== 'pending') remove.add('taskToken');
    if (application.status === 'waitlisted' && change.to !== 'waitlisted') remove.add('waitlistSeq');
    const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
    const values: Record<string, unknown> = { ':from': application.status, ':seen': application.version };
    const assignments = Object.entries(set).map(([name, value], i) => {
      names[`#s${i}`] = name;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
    const removals = [...remove].map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
    const next = { ...application, ...Object.fromEntries(Object.entries(set).filter(([k]) => !k.startsWith('GSI') && k !== 'expiresAt')) } as ApplicationRecord & Item;
    for (const name of remove) delete next[name];
    const entry: StatusChange = {
      version,
      status: change.to,
      from: application.status,
      at: change.at,
      by: change.by,
      ...(change.reason !== undefined && { reason: change.reason }),
    };
    return {
      update: {
        Update: {
          TableName: tableName(),
          Key: applicationEntity.keys.item(application.id),
          UpdateExpression: `SET ${assignments.join(', ')}${removals.length ? ` REMOVE ${removals.join(', ')}` : ''}`,
          ConditionExpression: '#status = :from AND #version = :seen',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      next: next as ApplicationRecord,
      history: { Put: { TableName: tableName(), Item: historyItem(application.id, entry, ttl), ConditionExpression: 'attribute_not_exists(PK)' } },
    } as { update: TransactItem; next: ApplicationRecord; history: Item };
  };

  /**
   * The TTL of a closing transition on the application's earlier history items (read by key: the
   * partition holds one item per transition), so that every item of a closed application expires
   * with it (issue 18, retention table). Nothing when the transition does not close it.
   */
  const closingHistory = async (application: ApplicationRecord, change: Transition): Promise<TransactItem[]> => {
    if (!CLOSED_STATUSES.has(change.to)) return [];
    const earlier = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :h)',
        ExpressionAttributeValues: { ':pk': applicationEntity.keys.item(application.id).PK, ':h': applicationHistory.keys.prefix },
        ProjectionExpression: 'PK, SK',
        ConsistentRead: true,
      },
      client,
    );
    return earlier.map((key) => ({
      Update: {
        TableName: tableName(),
        Key: { PK: key.PK, SK: key.SK },
        UpdateExpression: 'SET expiresAt = :ttl',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':ttl': expiresAt('closedApplications', change.at) },
      },
    }));
  };

  const releaseMarker = (application: ApplicationRecord): TransactItem => ({
    Delete: {
      TableName: tableName(),
      Key: appliedMarker.keys.item(application.volunteerId, application.shiftId),
      ConditionExpression: 'applicationId = :id',
      ExpressionAttributeValues: { ':id': application.id },
    },
  });

  const bookingWrites = (application: ApplicationRecord, bookings: Pick<BookingsSnapshot, 'version' | 'longestMs'>, approvedAt: string) =>
    bookingWriteItems(tableName(), application, bookings, approvedAt);

  const shiftKey = (application: ApplicationRecord) => shift.keys.item(application.opportunityId, application.shiftId);

  const query = async (input: {
    index?: 'GSI1' | 'GSI2';
    partitionAttribute: string;
    sortAttribute: string;
    partition: string;
    limit: number;
    cursor: string | undefined;
    newestFirst: boolean;
  }): Promise<Page<ApplicationRecord>> => {
    const after = input.cursor === undefined ? undefined : cursorSortKey(input.cursor, input.partition);
    const id = after ? SORT.exec(after)![1]! : undefined;
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: input.index,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': input.partitionAttribute },
        ExpressionAttributeValues: { ':p': input.partition },
        ScanIndexForward: !input.newestFirst,
        Limit: input.limit,
        ...(after && id && {
          ExclusiveStartKey: { ...applicationEntity.keys.item(id), [input.partitionAttribute]: input.partition, [input.sortAttribute]: after },
        }),
      }),
    );
    const items = page.Items ?? [];
    const last = items.at(-1);
    return {
      items: items.map(toRecord),
      ...(page.LastEvaluatedKey && last && { nextCursor: encodeCursor({ p: input.partition, s: String(last[input.sortAttribute]) }) }),
    };
  };

  const getApplication = async (id: string): Promise<ApplicationRecord | undefined> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: applicationEntity.keys.item(id), ConsistentRead: true }));
    return Item ? toRecord(Item) : undefined;
  };

  /** The outbox items of a write's events, last in its transaction (the indexes of the items before them keep their meaning). */
  const eventItems = (events: WriteEvents | undefined, next: ApplicationRecord): TransactItem[] =>
    outboxPuts(typeof events === 'function' ? events(next) : (events ?? []), tableName());

  return {
    async create(application, first, events) {
      const TableName = tableName();
      const reasons = await transact(
        [
          ...newApplicationItems(TableName, application, first),
          ...eventItems(events, application),
        ],
        `application ${application.id}`,
      );
      if (!reasons) return;
      if (failedAt(reasons, 1)) {
        throw new AlreadyAppliedError(application.shiftId, await this.markerOf(application.volunteerId, application.shiftId));
      }
      throw new ApplicationChangedError(application.id);
    },

    get: getApplication,

    async history(id) {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :h)',
          ExpressionAttributeValues: { ':pk': applicationEntity.keys.item(id).PK, ':h': applicationHistory.keys.prefix },
          ConsistentRead: true,
        }),
      );
      return (page.Items ?? []).map((item) => {
        const { applicationId: _a, ...change } = applicationHistory.fromItem(item);
        return change;
      });
    },

    async markerOf(volunteerId, shiftId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: appliedMarker.keys.item(volunteerId, shiftId), ConsistentRead: true }));
      return Item ? appliedMarker.fromItem(Item).applicationId : undefined;
    },

    listByVolunteer: (volunteerId, limit, cursor) =>
      query({
        index: 'GSI1',
        partitionAttribute: 'GSI1PK',
        sortAttribute: 'GSI1SK',
        partition: applicationEntity.keys.volunteerPartition(volunteerId),
        limit,
        cursor,
        newestFirst: true,
      }),

    listByOrganization: (orgId, status, limit, cursor) =>
      query({
        index: 'GSI2',
        partitionAttribute: 'GSI2PK',
        sortAttribute: 'GSI2SK',
        partition: applicationEntity.keys.reviewPartition(orgId, status),
        limit,
        cursor,
        newestFirst: false,
      }),

    async seats(opportunityId, shiftId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName(), Key: shift.keys.item(opportunityId, shiftId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      return { capacity: Number(Item.capacity), seatsTaken: Number(Item.seatsTaken ?? 0), waiting: Number(Item.waiting ?? 0) };
    },

    async bookingsAround(volunteerId, window) {
      // The version first: a booking written after this read bumps it, and the seat
      // transaction's condition on it then fails (BookingsChangedError → screen again).
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: bookingsVersion.keys.item(volunteerId), ConsistentRead: true }));
      const version = Number(Item?.version ?? 0);
      const longestMs = Number(Item?.longestMs ?? 0);
      if (version === 0) return { version, longestMs, bookings: [] };
      const from = new Date(Date.parse(window.start) - longestMs).toISOString();
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          FilterExpression: '#end > :start',
          ExpressionAttributeNames: { '#end': 'end' },
          ExpressionAttributeValues: {
            ':pk': booking.keys.partition(volunteerId),
            ':from': booking.keys.sort(from),
            ':to': booking.keys.sort(window.end),
            ':start': window.start,
          },
          ConsistentRead: true,
        },
        client,
      );
      const bookings: Booking[] = items.map((item) => ({
        shiftId: String(item.shiftId),
        applicationId: String(item.applicationId),
        start: String(item.start),
        end: String(item.end),
        ...(item.project === true && { project: true }),
      }));
      return { version, longestMs, bookings };
    },

    async transition(application, change, options = {}) {
      const { update, next, history } = applicationUpdate(application, change);
      const items: TransactItem[] = [
        update,
        history as TransactItem,
        ...(options.releaseMarker ? [releaseMarker(application)] : []),
        ...eventItems(options.events, next),
        ...(await closingHistory(application, change)),
      ];
      const reasons = await transact(items, `application ${application.id}`);
      if (reasons) throw new ApplicationChangedError(application.id);
      return next;
    },

    async reserveSeat(application, change, bookings, events) {
      const { update, next, history } = applicationUpdate(application, change);
      const reasons = await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: shiftKey(application),
              UpdateExpression: 'SET seatsTaken = seatsTaken + :one',
              ConditionExpression: 'attribute_exists(PK) AND seatsTaken < #capacity',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          update,
          ...bookingWrites(application, bookings, change.at),
          history as TransactItem,
          ...eventItems(events, next),
        ],
        `seat reservation of application ${application.id}`,
      );
      if (!reasons) return next;
      if (failedAt(reasons, 1)) throw new ApplicationChangedError(application.id);
      if (failedAt(reasons, 0)) throw new SeatsExhaustedError(application.shiftId);
      if (failedAt(reasons, 2) || failedAt(reasons, 3)) throw new BookingsChangedError(application.volunteerId);
      throw new ApplicationChangedError(application.id);
    },

    async nextWaitSeq(shiftId) {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: waitlistSequence.keys.item(shiftId),
          UpdateExpression: 'ADD seq :one SET entity = :entity',
          ExpressionAttributeValues: { ':one': 1, ':entity': waitlistSequence.name },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.seq);
    },

    async joinWaitlist(application, change, seq, events) {
      const { update, next, history } = applicationUpdate(application, change, { set: { waitlistSeq: seq } });
      const reasons = await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: shiftKey(application),
              UpdateExpression: 'SET waiting = if_not_exists(waiting, :zero) + :one',
              ConditionExpression: 'attribute_exists(PK) AND seatsTaken >= #capacity',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
            },
          },
          update,
          {
            Put: {
              TableName: tableName(),
              Item: waitlistEntry.toItem(
                { seq, applicationId: application.id, volunteerId: application.volunteerId, at: change.at },
                waitlistEntry.keys.item(application.shiftId, seq),
              ),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          history as TransactItem,
          ...eventItems(events, next),
        ],
        `waitlisting of application ${application.id}`,
      );
      if (!reasons) return next;
      if (failedAt(reasons, 1)) throw new ApplicationChangedError(application.id);
      if (failedAt(reasons, 0)) throw new SeatAvailableError(application.shiftId);
      throw new ApplicationChangedError(application.id);
    },

    async waitlistHead(shiftId, limit) {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :w)',
          ExpressionAttributeValues: { ':pk': waitlistEntry.keys.partition(shiftId), ':w': waitlistEntry.keys.prefix },
          ConsistentRead: true,
          Limit: limit,
        }),
      );
      return (page.Items ?? []).map((item) => ({ seq: Number(item.seq), applicationId: String(item.applicationId), volunteerId: String(item.volunteerId) }));
    },

    async waitlistPosition(shiftId, seq) {
      let count = 0;
      let ExclusiveStartKey: Item | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :mine',
            ExpressionAttributeValues: {
              ':pk': waitlistEntry.keys.item(shiftId, seq).PK,
              ':first': waitlistEntry.keys.item(shiftId, 0).SK,
              ':mine': waitlistEntry.keys.item(shiftId, seq).SK,
            },
            Select: 'COUNT',
            ExclusiveStartKey,
          }),
        );
        count += page.Count ?? 0;
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return count;
    },

    async leaveWaitlist(application, change, options = {}) {
      if (application.waitlistSeq === undefined) throw new ApplicationChangedError(application.id);
      const { update, next, history } = applicationUpdate(application, change);
      const reasons = await transact(
        [
          update,
          {
            Delete: {
              TableName: tableName(),
              Key: waitlistEntry.keys.item(application.shiftId, application.waitlistSeq),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: shiftKey(application),
              UpdateExpression: 'SET waiting = waiting - :one',
              ConditionExpression: 'waiting > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          history as TransactItem,
          ...(options.releaseMarker ? [releaseMarker(application)] : []),
          ...eventItems(options.events, next),
          ...(await closingHistory(application, change)),
        ],
        `application ${application.id} leaving the waitlist`,
      );
      if (reasons) throw new ApplicationChangedError(application.id);
      return next;
    },

    async withdrawApproved(application, change, promotion, events) {
      const TableName = tableName();
      const { update, history, next } = applicationUpdate(application, change);
      const own: TransactItem[] = [
        update,
        history as TransactItem,
        {
          Delete: {
            TableName,
            Key: booking.keys.item(application.volunteerId, application.shiftStart, application.shiftId),
            ConditionExpression: 'applicationId = :id',
            ExpressionAttributeValues: { ':id': application.id },
          },
        },
        releaseMarker(application),
      ];
      let items: TransactItem[];
      if (promotion) {
        const { candidate } = promotion;
        const promoted = applicationUpdate(candidate, promotion.change);
        items = [
          ...own,
          {
            Update: {
              TableName,
              Key: shiftKey(application),
              UpdateExpression: 'SET waiting = waiting - :one',
              ConditionExpression: 'waiting > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          {
            Delete: {
              TableName,
              Key: waitlistEntry.keys.item(candidate.shiftId, candidate.waitlistSeq ?? 0),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          promoted.update,
          ...bookingWrites(candidate, promotion.bookings, promotion.change.at),
          promoted.history as TransactItem,
        ];
      } else {
        items = [
          ...own,
          {
            Update: {
              TableName,
              Key: shiftKey(application),
              UpdateExpression: 'SET seatsTaken = seatsTaken - :one',
              ConditionExpression: 'seatsTaken > :zero AND (attribute_not_exists(waiting) OR waiting = :zero)',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
        ];
      }
      const reasons = await transact([...items, ...eventItems(events, next), ...(await closingHistory(application, change))], `withdrawal of application ${application.id}`);
      if (!reasons) return;
      // 0-3: the withdrawing application; 4: the shift; 5-6: the candidate's WAIT item and
      // status; 7-8: the candidate's booking and bookings version.
      if ([0, 1, 2, 3].some((i) => failedAt(reasons, i))) throw new ApplicationChangedError(application.id);
      if (promotion && (failedAt(reasons, 7) || failedAt(reasons, 8))) throw new BookingsChangedError(promotion.candidate.volunteerId);
      throw new WaitlistChangedError(application.shiftId);
    },

    async approvedOfShift(shiftStart, shiftId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          IndexName: 'GSI3',
          KeyConditionExpression: 'GSI3PK = :pk AND begins_with(GSI3SK, :prefix)',
          ExpressionAttributeValues: { ':pk': booking.keys.startPartition(shiftStart.slice(0, 10)), ':prefix': booking.keys.shiftPrefix(shiftStart, shiftId) },
          ProjectionExpression: 'applicationId',
        },
        client,
      );
      return items.map((item) => String(item.applicationId));
    },

    async cancelApproved(application, change, events) {
      const TableName = tableName();
      const { update, history, next } = applicationUpdate(application, change);
      const reasons = await transact(
        [
          update,
          history as TransactItem,
          {
            Delete: {
              TableName,
              Key: booking.keys.item(application.volunteerId, application.shiftStart, application.shiftId),
              ConditionExpression: 'applicationId = :id',
              ExpressionAttributeValues: { ':id': application.id },
            },
          },
          releaseMarker(application),
          {
            Update: {
              TableName,
              Key: shiftKey(application),
              UpdateExpression: 'SET seatsTaken = seatsTaken - :one',
              ConditionExpression: 'seatsTaken > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          {
            Put: {
              TableName,
              Item: cancelledSeat.toItem(
                {
                  volunteerId: application.volunteerId,
                  applicationId: application.id,
                  opportunityId: application.opportunityId,
                  orgId: application.orgId,
                  shiftId: application.shiftId,
                  start: application.shiftStart,
                  end: application.shiftEnd,
                  cancelledAt: change.at,
                },
                cancelledSeat.keys.item(application.volunteerId, application.shiftStart, application.shiftId),
                // Kept for the calendar feed as long as the cancelled application itself.
                { expiresAt: expiresAt('closedApplications', change.at) },
              ),
            },
          },
          ...eventItems(events, next),
          ...(await closingHistory(application, change)),
        ],
        `cancellation of application ${application.id}`,
      );
      if (reasons) throw new ApplicationChangedError(application.id);
    },

    async recordDecision(id, decision) {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: applicationEntity.keys.item(id),
            UpdateExpression: 'SET decision = :d',
            ConditionExpression: '#status = :pending AND attribute_exists(taskToken) AND attribute_not_exists(decision)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':d': decision, ':pending': 'pending' },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const application = toRecord(Attributes ?? {});
        return { application, taskToken: String(application.taskToken) };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const current = await getApplication(id);
        const status: ApplicationStatus | 'unknown' = current?.status ?? 'unknown';
        if (status === 'pending' && current?.decision === undefined) {
          throw new DecisionNotOpenError(`application ${id} is not waiting for a decision yet (its review is screening it); retry in a moment`, {
            cause: error,
          });
        }
        throw new ApplicationAlreadyDecidedError(id, status, { cause: error });
      }
    },

    async withdrawDecision(id, decision) {
      await client
        .send(
          new UpdateCommand({
            TableName: tableName(),
            Key: applicationEntity.keys.item(id),
            UpdateExpression: 'REMOVE decision',
            ConditionExpression: 'decision.#at = :at AND decision.#by = :by',
            ExpressionAttributeNames: { '#at': 'at', '#by': 'by' },
            ExpressionAttributeValues: { ':at': decision.at, ':by': decision.by },
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },

    async storeTaskToken(id, taskToken) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: applicationEntity.keys.item(id),
            UpdateExpression: 'SET taskToken = :t',
            ConditionExpression: '#status = :pending AND attribute_not_exists(decision)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':t': taskToken, ':pending': 'pending' },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new ApplicationChangedError(id, { cause: error });
        throw error;
      }
    },

    async clearTaskToken(application, events) {
      // Cancelled only when the application left pending: nothing to void, nobody to remind.
      await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: applicationEntity.keys.item(application.id),
              UpdateExpression: 'REMOVE taskToken',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pending': 'pending' },
            },
          },
          ...eventItems(events, application),
        ],
        `the task token of application ${application.id}`,
      );
    },
  };
};
