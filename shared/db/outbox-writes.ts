/**
 * The writing side of the notification outbox (entities/notification.ts): a new record is put
 * only if its dedupe key is new (`attribute_not_exists`), a queued one with its
 * `NotificationQueued` event in the same transaction. Its own module so that the functions that
 * only ask for messages (the notifier's side) carry no record schema and none of the delivery
 * consumer's reads and updates (issue 17); notification-outbox.ts is the whole store.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../domain/events.js';
import type { OutboxRecord } from '../domain/notifications/schema.js';
import { expiresAt } from '../domain/personal-data/retention.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { entityItem } from './entities/entity.js';
import { NOTIFICATION, notificationKeys } from './entities/notification.js';
import { outboxPut } from './entities/outbox-event.js';
import { failedAt, transactWrite } from './transactions.js';

export interface OutboxWrites {
  /**
   * Writes a new record, with its `NotificationQueued` event in the same transaction when it is
   * `queued`; false when one with the same id (dedupe key) already exists.
   */
  create(record: OutboxRecord, queued?: DomainEvent): Promise<boolean>;
  /**
   * `create` of many records, in transactions of up to 100 items (each record still conditioned
   * on its dedupe key being new, a queued one with its event); for each, true when written,
   * false when it already existed. `queued[i]` is the event of `records[i]`, if it is queued.
   */
  createMany(records: readonly OutboxRecord[], queued?: readonly (DomainEvent | undefined)[]): Promise<boolean[]>;
}

/** Runs a conditional write: true when it was written, false when its condition failed. */
export const conditionally = async (run: () => Promise<unknown>): Promise<boolean> => {
  try {
    await run();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/** The most items one TransactWriteItems takes. */
export const TRANSACTION_ITEMS = 100;

export const outboxWrites = (client: DynamoDBDocumentClient = documentClient(), tableName: string = env.tableName): OutboxWrites => {
  /** The new record, put only if its dedupe key is new (`attribute_not_exists`). */
  const creation = (record: OutboxRecord) => ({
    TableName: tableName,
    Item: entityItem(NOTIFICATION, record, {
      ...notificationKeys.item(record.id),
      ...(record.status === 'deferred' && record.sendAfter && notificationKeys.deferredIndex(record.sendAfter, record.id)),
      ...notificationKeys.recipientIndex(record.recipientId, record.createdAt, record.id),
      expiresAt: expiresAt('messages', record.createdAt),
    }),
    ConditionExpression: 'attribute_not_exists(PK)',
  });

  /** Writes records (a queued one with its event) in one transaction; the indexes of those whose dedupe key exists, or none. */
  const createTogether = async (pending: readonly { record: OutboxRecord; event?: DomainEvent }[]): Promise<Set<number>> => {
    // The records first, so record j is item j of the transaction (events carry no condition).
    const items = [...pending.map(({ record }) => ({ Put: creation(record) })), ...pending.flatMap(({ event }) => (event ? [outboxPut(event, tableName)] : []))];
    const cancelled = await transactWrite(client, items, {
      attempts: 5,
      contended: (attempts, cause) => new Error(`writing ${pending.length} outbox records met concurrent writes ${attempts} times`, { cause }),
    });
    if (!cancelled) return new Set();
    const existing = new Set(pending.flatMap((_, j) => (failedAt(cancelled.CancellationReasons, j) ? [j] : [])));
    if (existing.size === 0) throw cancelled;
    return existing;
  };

  return {
    async create(record, queued) {
      if (!queued) return conditionally(() => client.send(new PutCommand(creation(record))));
      return (await createTogether([{ record, event: queued }])).size === 0;
    },

    async createMany(records, queued = []) {
      const created = records.map(() => true);
      let chunk: { record: OutboxRecord; event?: DomainEvent; index: number }[] = [];
      let items = 0;
      const flush = async () => {
        // The records whose dedupe key already exists drop out; the rest are tried again.
        let pending = chunk;
        while (pending.length > 0) {
          const existing = await createTogether(pending);
          if (existing.size === 0) break;
          for (const j of existing) created[pending[j]!.index] = false;
          pending = pending.filter((_, j) => !existing.has(j));
        }
        chunk = [];
        items = 0;
      };
      for (const [index, record] of records.entries()) {
        const event = queued[index];
        if (items + (event ? 2 : 1) > TRANSACTION_ITEMS) await flush();
        chunk.push({ record, ...(event && { event }), index });
        items += event ? 2 : 1;
      }
      await flush();
      return created;
    },
  };
};
