/**
 * Domain events reach the bus only through the transactional outbox: an event is an item of the
 * table (shared/db/entities/outbox-event.ts), and the table's stream carries it to the bus (in the
 * cloud an EventBridge Pipe, infra/constructs/event-pipe.ts; locally the relay,
 * infra/local/event-relay.ts). Write events with `outboxPut(event)` in the TransactWriteItems of
 * the state change they describe.
 *
 * `eventPublisher()` is for the writes not yet converted to that: it writes the outbox items
 * right after the write (one BatchWriteItem), which the same relay delivers. It is the same
 * path in the cloud and locally; only a crash between the two writes can still lose an event
 * there, which is why every state change is moving to `outboxPut`. Contracts: events/catalog.ts.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll, documentClient } from '../db/client.js';
import { outboxPut } from '../db/entities/outbox-event.js';
import { EVENT_SOURCE, type DomainEvent, type EventPublisher } from '../domain/events.js';
import { env } from '../env.js';

export { EVENT_SOURCE, type DomainEvent, type EventPublisher };


/** Writes the events' outbox items (idempotent: an event id already written stays as it is). */
export const outboxPublisher = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): EventPublisher => ({
  async publish(events) {
    const table = tableName();
    await batchWriteAll(client, table, events.map((event) => ({ PutRequest: { Item: outboxPut(event, table).Put!.Item! } })), {
      maxAttempts: 8,
      what: 'domain events to the outbox',
    });
  },
});

export const eventPublisher = (): EventPublisher => outboxPublisher();
