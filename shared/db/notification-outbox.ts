/**
 * The notification outbox (entities/notification.ts): "written once, sent once" is a condition
 * expression: a record is put with `attribute_not_exists(PK)` before sending, and every later
 * state change is conditioned on the state the caller saw.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../domain/events.js';
import type { OutboxRecord, OutboxStatus } from '../domain/notifications/schema.js';
import { env } from '../env.js';
import { batchGetAll, documentClient } from './client.js';
import { notification } from './entities/notification.js';
import { outboxPut } from './entities/outbox-event.js';
import { conditionally, outboxWrites, TRANSACTION_ITEMS, type OutboxWrites } from './outbox-writes.js';
import { failedAt, transactWrite } from './transactions.js';

export { conditionally } from './outbox-writes.js';

export interface SendResult {
  readonly status: Extract<OutboxStatus, 'sent' | 'failed' | 'dead' | 'suppressed'>;
  readonly attempts: number;
  readonly at: string;
  readonly reason?: string;
  readonly providerMessageId?: string;
}

export interface OutboxStore extends OutboxWrites {
  /** Moves a `queued` record to `sending` (the delivery consumer's claim); false if it is not queued any more. */
  claimQueued(id: string, leaseUntil: string): Promise<boolean>;
  /**
   * Moves a `sending` record back to `queued` for `address`, with its `NotificationQueued`
   * event, in one transaction (a deferred SMS whose quiet hours ended); false if it is not
   * `sending` any more.
   */
  requeue(id: string, address: string, queued: DomainEvent): Promise<boolean>;
  get(id: string): Promise<OutboxRecord | undefined>;
  /** The records of `ids` that exist (strongly consistent BatchGetItem calls of 100). */
  getMany(ids: readonly string[]): Promise<OutboxRecord[]>;
  /** Takes over a `sending` record whose lease (`seenLease`) ran out; false if someone else did. */
  takeOver(id: string, seenLease: string, leaseUntil: string): Promise<boolean>;
  /** Moves a due `deferred` record to `sending`; false if another run claimed it. */
  claimDeferred(id: string, leaseUntil: string): Promise<boolean>;
  /** Records the outcome of a `sending` record. */
  complete(id: string, result: SendResult): Promise<void>;
  /** `complete` of many records, in transactions of up to 100. */
  completeMany(outcomes: readonly { id: string; result: SendResult }[]): Promise<void>;
  /**
   * Records that a `sending` record failed every try (`dead`) and writes `event` (its
   * NotificationDeadLettered) in the same transaction: the dead letter is never without its event.
   */
  deadLetter(id: string, result: Omit<SendResult, 'status'>, event: DomainEvent): Promise<void>;
  /** Moves a `dead` record back to `sending` (a re-drive); false if it is not dead any more. */
  reviveDead(id: string, leaseUntil: string): Promise<boolean>;
  /** Deferred records due at `now` (sendAfter ≤ now), oldest first. */
  dueDeferred(now: Date, limit?: number): Promise<OutboxRecord[]>;
  listDead(limit?: number): Promise<OutboxRecord[]>;
  listDeferred(from: Date, days?: number, limit?: number): Promise<OutboxRecord[]>;
}

const toRecord = (item: Record<string, unknown>): OutboxRecord => notification.fromItem(item);

/** The update that records the outcome of a `sending` record (conditioned on it still being `sending`). */
const completionOf = (tableName: string) => (id: string, result: SendResult) => {
  const values: Record<string, unknown> = {
    ':status': result.status,
    ':attempts': result.attempts,
    ':now': result.at,
    ':sending': 'sending',
  };
  const sets = ['#status = :status', 'attempts = :attempts', 'updatedAt = :now'];
  if (result.reason) {
    sets.push('reason = :reason');
    values[':reason'] = result.reason;
  }
  if (result.status === 'sent') sets.push('sentAt = :now');
  if (result.providerMessageId) {
    sets.push('providerMessageId = :pid');
    values[':pid'] = result.providerMessageId;
  }
  if (result.status === 'dead') {
    const index = notification.keys.deadIndex(result.at, id);
    sets.push('GSI1PK = :gpk', 'GSI1SK = :gsk');
    values[':gpk'] = index.GSI1PK;
    values[':gsk'] = index.GSI1SK;
  }
  return {
    TableName: tableName,
    Key: notification.keys.item(id),
    UpdateExpression: `SET ${sets.join(', ')} REMOVE leaseUntil`,
    ConditionExpression: '#status = :sending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: values,
  };
};

export const notificationOutbox = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): OutboxStore => {
  const completion = completionOf(tableName);
  const complete = async (id: string, result: SendResult): Promise<void> => {
    await client.send(new UpdateCommand(completion(id, result)));
  };

  const queryOutbox = async (input: {
    partition: string;
    upTo?: string;
    newestFirst?: boolean;
    limit: number;
  }): Promise<OutboxRecord[]> => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: input.upTo ? 'GSI1PK = :pk AND GSI1SK <= :upTo' : 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': input.partition, ...(input.upTo && { ':upTo': input.upTo }) },
        ScanIndexForward: !input.newestFirst,
        Limit: input.limit,
      }),
    );
    return Items.map(toRecord);
  };

  /**
   * Moves a record from `from` (queued, deferred or dead) to `sending` under a lease: the one way a
   * sender takes a message. Out of the deferred and dead lists (GSI1); false if it is not `from` any more.
   */
  const claimFrom = (from: OutboxStatus, id: string, leaseUntil: string): Promise<boolean> =>
    conditionally(() =>
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: notification.keys.item(id),
          UpdateExpression: 'SET #status = :sending, leaseUntil = :lease, updatedAt = :now REMOVE GSI1PK, GSI1SK',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':from': from, ':lease': leaseUntil, ':now': new Date().toISOString() },
        }),
      ),
    );

  return {
    ...outboxWrites(client, tableName),

    claimQueued: (id, leaseUntil) => claimFrom('queued', id, leaseUntil),

    async requeue(id, address, queued) {
      const cancelled = await transactWrite(
        client,
        [
          {
            Update: {
              TableName: tableName,
              Key: notification.keys.item(id),
              UpdateExpression: 'SET #status = :queued, address = :address, updatedAt = :now REMOVE leaseUntil',
              ConditionExpression: '#status = :sending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':queued': 'queued', ':sending': 'sending', ':address': address, ':now': new Date().toISOString() },
            },
          },
          outboxPut(queued, tableName),
        ],
        { attempts: 5, contended: (attempts, cause) => new Error(`queueing notification ${id} met concurrent writes ${attempts} times`, { cause }) },
      );
      if (cancelled && !failedAt(cancelled.CancellationReasons, 0)) throw cancelled;
      return !cancelled;
    },

    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: notification.keys.item(id), ConsistentRead: true }));
      return Item ? toRecord(Item) : undefined;
    },

    async getMany(ids) {
      const keys = [...new Set(ids)].map((id) => notification.keys.item(id));
      return (await batchGetAll(client, tableName, keys, { ConsistentRead: true })).map(toRecord);
    },

    async takeOver(id, seenLease, leaseUntil) {
      return conditionally(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: notification.keys.item(id),
            // `takeovers` counts the sends abandoned mid-way: the one case where a message may have gone out twice.
            UpdateExpression: 'SET leaseUntil = :lease, updatedAt = :now ADD takeovers :one',
            ConditionExpression: '#status = :sending AND leaseUntil = :seen',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':lease': leaseUntil, ':now': new Date().toISOString(), ':sending': 'sending', ':seen': seenLease, ':one': 1 },
          }),
        ),
      );
    },

    claimDeferred: (id, leaseUntil) => claimFrom('deferred', id, leaseUntil),

    complete,

    async completeMany(outcomes) {
      for (let i = 0; i < outcomes.length; i += TRANSACTION_ITEMS) {
        const chunk = outcomes.slice(i, i + TRANSACTION_ITEMS);
        const cancelled = await transactWrite(client, chunk.map(({ id, result }) => ({ Update: completion(id, result) })), {
          attempts: 5,
          contended: (attempts, cause) => new Error(`completing ${chunk.length} outbox records met concurrent writes ${attempts} times`, { cause }),
        });
        if (!cancelled) continue;
        // A record is no longer `sending` (taken over): record the others one by one, then fail as complete() does.
        const failed = chunk.filter((_, j) => failedAt(cancelled.CancellationReasons, j));
        for (const { id, result } of chunk.filter((_, j) => !failedAt(cancelled.CancellationReasons, j))) await complete(id, result);
        throw new ConditionalCheckFailedException({ message: `outbox records ${failed.map((f) => f.id).join(', ')} are no longer being sent`, $metadata: {} });
      }
    },

    async deadLetter(id, result, event) {
      const update = completion(id, { ...result, status: 'dead' });
      const cancelled = await transactWrite(client, [{ Update: update }, outboxPut(event, tableName)], {
        attempts: 5,
        contended: (attempts, cause) => new Error(`dead-lettering notification ${id} met concurrent writes ${attempts} times`, { cause }),
      });
      if (cancelled) throw new Error(`notification ${id} is no longer being sent: not dead-lettered`, { cause: cancelled });
    },

    reviveDead: (id, leaseUntil) => claimFrom('dead', id, leaseUntil),

    async dueDeferred(now, limit = 500) {
      const today = now.toISOString().slice(0, 10);
      const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
      const upTo = `${now.toISOString()}#\uffff`;
      const results: OutboxRecord[] = [];
      for (const day of [yesterday, today]) {
        results.push(...(await queryOutbox({ partition: notification.keys.deferredPartition(day), upTo, limit: limit - results.length })));
        if (results.length >= limit) break;
      }
      return results;
    },

    async listDead(limit = 100) {
      return queryOutbox({ partition: notification.keys.deadPartition, newestFirst: true, limit });
    },

    async listDeferred(from, days = 2, limit = 100) {
      const results: OutboxRecord[] = [];
      for (let d = 0; d < days && results.length < limit; d++) {
        const day = new Date(from.getTime() + d * 86_400_000).toISOString().slice(0, 10);
        results.push(...(await queryOutbox({ partition: notification.keys.deferredPartition(day), limit: limit - results.length })));
      }
      return results;
    },
  };
};
