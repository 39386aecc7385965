/**
 * Training in the single table (entities: training-module, training-completion,
 * training-attempt). Invariants are conditions, never a read first:
 * - one module per id: the head's attribute_not_exists(PK);
 * - versions written only from the head as read: `latestVersion = :seen AND publishedVersion = :seenPublished`;
 * - at most 3 attempts in 24 h: the attempts log written only if its `seq` is still the one read;
 * - a completion and its TrainingCompleted event in one transaction (the outbox).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../domain/events.js';
import { AttemptContentionError, TrainingChangedError, TrainingIdTakenError } from '../domain/training/errors.js';
import type { TrainingRepository } from '../domain/training/ports.js';
import type { CompletionRecord } from '../domain/training/schema.js';
import type { UpcomingSeat } from '../domain/training/expiry.js';
import { env } from '../env.js';
import { bookingKeys } from './entities/booking.js';
import { documentClient, queryAll } from './client.js';
import { outboxPut } from './entities/outbox-event.js';
import { trainingAttempt, trainingAttemptLog } from './entities/training-attempt.js';
import { trainingCompletions } from './training-completions.js';
import { EXPIRY_SHARDS, trainingCompletion } from './entities/training-completion.js';
import { trainingModule, trainingVersion } from './entities/training-module.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

const ATTEMPTS = 10;

export const completionPut = (tableName: string, completion: CompletionRecord): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: trainingCompletion.toItem(completion, {
      ...trainingCompletion.keys.completion(completion.volunteerId, completion.trainingId),
      ...(completion.validUntil && trainingCompletion.keys.expiry(completion.volunteerId, completion.trainingId, completion.validUntil)),
    }),
  },
});

export const trainingRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): TrainingRepository & {
  /** Completions expiring on a Riyadh day (every shard). */
  expiringOn(day: string): Promise<CompletionRecord[]>;
  /** The volunteer's approved seats on shifts starting at or after `from` (their BOOKING items). */
  seatsFrom(volunteerId: string, from: string): Promise<UpcomingSeat[]>;
} => {
  const transact = (items: TransactItem[], what: string) =>
    transactWrite(client, items, { attempts: ATTEMPTS, contended: (n, cause) => new AttemptContentionError(`${what} kept conflicting after ${n} attempts`, { cause }) });

  return {
    async create(head, version) {
      const TableName = tableName();
      const cancelled = await transact(
        [
          {
            Put: {
              TableName,
              Item: trainingModule.toItem(head, { ...trainingModule.keys.head(head.id), ...trainingModule.keys.byOwner(head.orgId, head.createdAt, head.id) }),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName, Item: trainingVersion.toItem(version, trainingVersion.keys.version(head.id, version.version)) } },
        ],
        `training ${head.id}`,
      );
      if (cancelled) throw new TrainingIdTakenError(head.id, { cause: cancelled });
    },

    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: trainingModule.keys.head(id), ConsistentRead: true }));
      return Item && Item.entity === 'TrainingModule' ? trainingModule.fromItem(Item) : undefined;
    },

    async version(id, version) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: trainingVersion.keys.version(id, version), ConsistentRead: true }));
      return Item ? trainingVersion.fromItem(Item) : undefined;
    },

    async saveVersion(seen, next, version) {
      const TableName = tableName();
      const cancelled = await transact(
        [
          {
            Put: {
              TableName,
              Item: trainingModule.toItem(next, { ...trainingModule.keys.head(next.id), ...trainingModule.keys.byOwner(next.orgId, next.createdAt, next.id) }),
              ConditionExpression: 'latestVersion = :latest AND publishedVersion = :published',
              ExpressionAttributeValues: { ':latest': seen.latestVersion, ':published': seen.publishedVersion },
            },
          },
          { Put: { TableName, Item: trainingVersion.toItem(version, trainingVersion.keys.version(version.trainingId, version.version)) } },
        ],
        `training ${seen.id}`,
      );
      if (cancelled) throw new TrainingChangedError(seen.id, { cause: cancelled });
    },

    async attempts(volunteerId, trainingId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName(), Key: trainingAttemptLog.keys.log(volunteerId, trainingId), ConsistentRead: true }),
      );
      if (!Item) return { times: [], seq: 0 };
      const log = trainingAttemptLog.fromItem(Item);
      return { times: log.times, seq: log.seq };
    },

    async recordAttempt(write) {
      const TableName = tableName();
      const items: TransactItem[] = [
        {
          Put: {
            TableName,
            Item: trainingAttemptLog.toItem(
              { volunteerId: write.volunteerId, trainingId: write.trainingId, times: [...write.times], seq: write.seen + 1 },
              trainingAttemptLog.keys.log(write.volunteerId, write.trainingId),
            ),
            ...(write.seen === 0
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : { ConditionExpression: 'seq = :seen', ExpressionAttributeValues: { ':seen': write.seen } }),
          },
        },
        {
          Put: {
            TableName,
            Item: trainingAttempt.toItem(
              { ...write.attempt, answers: [...write.attempt.answers], volunteerId: write.volunteerId, trainingId: write.trainingId },
              trainingAttempt.keys.attempt(write.volunteerId, write.trainingId, write.attempt.at, write.attempt.id),
            ),
          },
        },
        ...(write.completion ? [completionPut(TableName, write.completion)] : []),
        ...(write.event ? [outboxPut(write.event, TableName)] : []),
      ];
      const cancelled = await transact(items, `attempt on training ${write.trainingId}`);
      if (!cancelled) return true;
      if (failedAt(cancelled.CancellationReasons, 0)) return false;
      throw cancelled;
    },

    async recordCompletion(completion: CompletionRecord, event: DomainEvent) {
      const TableName = tableName();
      const cancelled = await transact([completionPut(TableName, completion), outboxPut(event, TableName)], `completion of training ${completion.trainingId}`);
      if (cancelled) throw cancelled;
    },

    completions: trainingCompletions(client, tableName).completions,

    async expiringOn(day) {
      const shards = Array.from({ length: EXPIRY_SHARDS }, (_, shard) =>
        queryAll(
          {
            TableName: tableName(),
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk',
            ExpressionAttributeValues: { ':pk': trainingCompletion.keys.expiryPartition(day, shard) },
          },
          client,
        ),
      );
      return (await Promise.all(shards)).flat().map((item) => trainingCompletion.fromItem(item));
    },

    async seatsFrom(volunteerId, from) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': bookingKeys.partition(volunteerId),
            ':from': bookingKeys.sort(from),
            ':to': bookingKeys.last,
          },
          ProjectionExpression: 'shiftId, opportunityId, #start',
          ExpressionAttributeNames: { '#start': 'start' },
        },
        client,
      );
      return items.map((item) => ({ shiftId: String(item.shiftId), opportunityId: String(item.opportunityId), start: String(item.start) }));
    },
  };
};
