/**
 * Parked domain events: what EventBridge refused is kept in the table until the `event-outbox`
 * schedule publishes it again (functions/schedules/event-outbox.ts).
 */
import { createHash } from 'node:crypto';
import { BatchWriteCommand, DeleteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../messaging/events.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { EVENT_OUTBOX_SHARDS, outboxEvent } from './entities/outbox-event.js';

const RETENTION_SECONDS = 14 * 24 * 60 * 60;

export interface ParkedEvent {
  readonly shard: number;
  readonly event: DomainEvent;
}

const shardOf = (eventId: string): number => createHash('sha256').update(eventId).digest()[0]! % EVENT_OUTBOX_SHARDS;

export const eventOutboxRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => ({
  /** Writes the events (idempotent: the key is the event's own time and id). Throws if the table refuses. */
  async park(events: readonly DomainEvent[], reason: string, now = new Date()): Promise<void> {
    const items = events.map((event) => ({
      ...outboxEvent.keys.item(shardOf(event.id), event.time, event.id),
      entity: 'ParkedEvent',
      event,
      reason: reason.slice(0, 500),
      parkedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
    }));
    for (let i = 0; i < items.length; i += 25) {
      let pending: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
      };
      for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
        if (attempt === 5) throw new Error(`could not park ${events.length} domain events: the table kept them unprocessed`);
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        const result = await client.send(new BatchWriteCommand({ RequestItems: pending }));
        pending = result.UnprocessedItems as typeof pending;
      }
    }
  },

  /** The oldest parked events of one shard. */
  async oldest(shard: number, limit: number): Promise<ParkedEvent[]> {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': outboxEvent.keys.shard(shard) },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => ({ shard, event: item.event as DomainEvent }));
  },

  async remove(parked: ParkedEvent): Promise<void> {
    await client.send(
      new DeleteCommand({ TableName: tableName(), Key: outboxEvent.keys.item(parked.shard, parked.event.time, parked.event.id) }),
    );
  },
});
