/**
 * The transactional outbox: each domain event is an item written in the same
 * TransactWriteItems as the state change it describes, so a write never loses its event.
 * A relay delivers the items to the bus (in the cloud the table's stream through EventBridge
 * Pipes; locally a stream reader, or the `event-outbox` schedule that drains them).
 *
 * Spread over a few shards so that a burst does not make one hot partition; items expire
 * after 14 days (a relay that has not delivered by then has long been alarmed on).
 */
import { createHash } from 'node:crypto';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from '../../zod.js';
import type { DomainEvent } from '../../domain/events.js';
import { env } from '../../env.js';
import { defineEntity, entityItem } from './entity.js';

export const EVENT_OUTBOX_SHARDS = 8;
const RETENTION_SECONDS = 14 * 24 * 60 * 60;

const OutboxEventRecord = /* @__PURE__ */ z.object({
  event: /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), type: /* @__PURE__ */ z.string(), time: /* @__PURE__ */ z.string(), detail: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()) }),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  parkedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});

const OUTBOX_EVENT = 'OutboxEvent';
/** The key builders of `outboxEvent` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const outboxEventKeys = {
  item: (shard: number, time: string, eventId: string) => ({ PK: `EVENTOUT#${shard}`, SK: `${time}#${eventId}` }),
  shard: (shard: number) => `EVENTOUT#${shard}`,
};

export const outboxEvent = /* @__PURE__ */ defineEntity({
  name: OUTBOX_EVENT,
  schema: OutboxEventRecord,
  keys: outboxEventKeys,
  accessPatterns: [
    { pattern: 'write a domain event with its state change', key: 'Put PK = EVENTOUT#<shard>, SK = <time>#<eventId>', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'oldest undelivered events of a shard', key: 'PK = EVENTOUT#<shard> (SK ascending)', index: 'table', operation: 'Query' },
  ],
});

export const shardOf = (eventId: string): number => createHash('sha256').update(eventId).digest()[0]! % EVENT_OUTBOX_SHARDS;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The Put that writes `event` to the outbox; add it to the TransactItems of the write it describes. */
export const outboxPut = (event: DomainEvent, tableName: string = env.tableName, now = new Date()): TransactItem => ({
  Put: {
    TableName: tableName,
    // `entityItem` and the keys, not the entity: a writer never reads the outbox, so its bundle need not build the record schema (issue 17).
    Item: entityItem(
      OUTBOX_EVENT,
      { event, parkedAt: now.toISOString() },
      outboxEventKeys.item(shardOf(event.id), event.time, event.id),
      {
        expiresAt: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
        // What the cloud's pipe puts on the bus as it is (a Pipes template cannot untype DynamoDB maps).
        eventType: event.type,
        detailJson: JSON.stringify({ ...event.detail, eventId: event.id }),
      },
    ),
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

/** Every outbox Put of a write, in order. */
export const outboxPuts = (events: readonly DomainEvent[], tableName: string = env.tableName, now = new Date()): TransactItem[] =>
  events.map((event) => outboxPut(event, tableName, now));
