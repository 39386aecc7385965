/**
 * What every application write shares: the contended-transaction runner, the transition update
 * (version and status conditioned), the closing TTLs, the marker release, list queries with
 * cursors, and the outbox items of a write's events. The per-concern modules
 * (application-core/-seats/-waitlist/-decisions.ts) are built on it.
 */
import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TooMuchContentionError } from '../domain/applications/errors.js';
import type { BookingsSnapshot, Page, Transition, WriteEvents } from '../domain/applications/ports.js';
import type { ApplicationRecord, StatusChange } from '../domain/applications/schema.js';
import { encodeCursor } from '../domain/cursor.js';
import { expiresAt } from '../domain/personal-data/retention.js';
import { queryAll } from './client.js';
import { outboxPuts } from './entities/outbox-event.js';
import { transactWrite, type TransactItem } from './transactions.js';
import { appliedMarkerKeys } from './entities/applied-marker.js';
import { applicationKeys as applicationEntityKeys, applicationHistoryKeys } from './entities/application.js';
import { shiftKeys } from './entities/shift.js';
import { type Item, transactionStats, MAX_ATTEMPTS, toRecord, historyItem, bookingWriteItems, SORT, cursorSortKey, CLOSED_STATUSES } from './application-items.js';

export const applicationWrites = (client: DynamoDBDocumentClient, tableName: () => string) => {
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
    const queue = applicationEntityKeys.reviewQueue(application.orgId, change.to, change.at, application.id);
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
          Key: applicationEntityKeys.item(application.id),
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
        ExpressionAttributeValues: { ':pk': applicationEntityKeys.item(application.id).PK, ':h': applicationHistoryKeys.prefix },
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
      Key: appliedMarkerKeys.item(application.volunteerId, application.shiftId),
      ConditionExpression: 'applicationId = :id',
      ExpressionAttributeValues: { ':id': application.id },
    },
  });

  const bookingWrites = (application: ApplicationRecord, bookings: Pick<BookingsSnapshot, 'version' | 'longestMs'>, approvedAt: string) =>
    bookingWriteItems(tableName(), application, bookings, approvedAt);

  const shiftKey = (application: ApplicationRecord) => shiftKeys.item(application.opportunityId, application.shiftId);

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
          ExclusiveStartKey: { ...applicationEntityKeys.item(id), [input.partitionAttribute]: input.partition, [input.sortAttribute]: after },
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
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: applicationEntityKeys.item(id), ConsistentRead: true }));
    return Item ? toRecord(Item) : undefined;
  };

  /** The outbox items of a write's events, last in its transaction (the indexes of the items before them keep their meaning). */
  const eventItems = (events: WriteEvents | undefined, next: ApplicationRecord): TransactItem[] =>
    outboxPuts(typeof events === 'function' ? events(next) : (events ?? []), tableName());

  return { client, tableName, transact, applicationUpdate, closingHistory, releaseMarker, bookingWrites, shiftKey, query, getApplication, eventItems };
};

export type ApplicationWrites = ReturnType<typeof applicationWrites>;
