/**
 * Publishing domain events. In the cloud they go to the stack's EventBridge bus
 * (EVENT_BUS_NAME); in local mode to the in-process bus that the local platform wires to
 * the same consumers. Contracts live in events/catalog.ts.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { env } from '../env.js';
import { eventOutboxRepository } from '../db/event-outbox-repository.js';
import { logger } from '../powertools/logger.js';
import { localBus } from './local-bus.js';

import { EVENT_SOURCE, type DomainEvent, type EventPublisher } from '../domain/events.js';

export { EVENT_SOURCE, type DomainEvent, type EventPublisher };


let client: EventBridgeClient | undefined;

/** Sends one batch (≤ 10 events, PutEvents' limit) and returns the events that were refused. */
export type EventBatchSender = (batch: readonly DomainEvent[]) => Promise<readonly DomainEvent[]>;

export const eventBridgeSender: EventBatchSender = async (batch) => {
  client ??= new EventBridgeClient({ region: env.region });
  const result = await client.send(
    new PutEventsCommand({
      Entries: batch.map((event) => ({
        EventBusName: env.eventBusName,
        Source: EVENT_SOURCE,
        DetailType: event.type,
        Time: new Date(event.time),
        Detail: JSON.stringify({ ...event.detail, eventId: event.id }),
      })),
    }),
  );
  return result.FailedEntryCount ? batch.filter((_, i) => result.Entries?.[i]?.ErrorCode) : [];
};

/**
 * Events are published after the write they describe. If EventBridge refuses them (after the
 * SDK's own retries), they are parked in the table instead of being lost while the write
 * stands; the `event-outbox` schedule publishes them again. Consumers are idempotent on
 * `eventId`, so a late or repeated delivery is harmless. Only if the table refuses too does
 * publish() throw (the request then fails and its caller retries).
 */
export const publisherWithOutbox = (
  send: EventBatchSender,
  park: (events: readonly DomainEvent[], reason: string) => Promise<void>,
): EventPublisher => ({
  async publish(events) {
    const refused: DomainEvent[] = [];
    let reason = '';
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
      try {
        const failed = await send(batch);
        if (failed.length > 0) {
          refused.push(...failed);
          reason = 'refused by EventBridge';
        }
      } catch (error) {
        refused.push(...batch);
        reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
    if (refused.length === 0) return;
    logger.warn('domain events parked for a later publish', { count: refused.length, reason });
    await park(refused, reason);
  },
});

export const eventPublisher = (): EventPublisher =>
  env.mode === 'local'
    ? localBus
    : publisherWithOutbox(eventBridgeSender, (events, reason) => eventOutboxRepository().park(events, reason));
