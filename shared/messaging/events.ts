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
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../db/client.js';
import { outboxPut } from '../db/entities/outbox-event.js';
import { EVENT_SOURCE, type DomainEvent, type EventPublisher } from '../domain/events.js';
import { env } from '../env.js';

export { EVENT_SOURCE, type DomainEvent, type EventPublisher };


/** Writes the events' outbox items (idempotent: an event id already written stays as it is). */
export const outboxPublisher = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): EventPublisher => ({
  async publish(events) {
    for (let i = 0; i < events.length; i += 25) {
      const table = tableName();
      let pending: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
        [table]: events.slice(i, i + 25).map((event) => ({ PutRequest: { Item: outboxPut(event, table).Put!.Item! } })),
      };
      for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
        if (attempt === 8) throw new Error(`could not write ${events.length} domain events to the outbox: the table kept them unprocessed`);
        if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        const result = await client.send(new BatchWriteCommand({ RequestItems: pending }));
        pending = result.UnprocessedItems as typeof pending;
      }
    }
  },
});

export const eventPublisher = (): EventPublisher => outboxPublisher();
