/**
 * Publishing domain events. In the cloud they go to the stack's EventBridge bus
 * (EVENT_BUS_NAME); in local mode to the in-process bus that the local platform wires to
 * the same consumers. Contracts live in events/catalog.ts.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ulid } from 'ulid';
import { env } from '../env.js';
import { localBus } from './local-bus.js';

export const EVENT_SOURCE = 'tatawwu';

export interface DomainEvent<T = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly detail: T;
}

export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

export const domainEvent = <T>(type: string, detail: T, time = new Date()): DomainEvent<T> => ({
  id: ulid(time.getTime()),
  type,
  time: time.toISOString(),
  detail,
});

let client: EventBridgeClient | undefined;

const eventBridgePublisher: EventPublisher = {
  async publish(events) {
    client ??= new EventBridgeClient({ region: env.region });
    // PutEvents takes at most 10 entries per call.
    for (let i = 0; i < events.length; i += 10) {
      const batch = events.slice(i, i + 10);
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
      if (result.FailedEntryCount) {
        throw new Error(`eventbridge refused ${result.FailedEntryCount} of ${batch.length} events`);
      }
    }
  },
};

export const eventPublisher = (): EventPublisher => (env.mode === 'local' ? localBus : eventBridgePublisher);
