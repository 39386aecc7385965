/**
 * Domain events as the domain builds them. Every event is built here, typed by its contract
 * in events/catalog.ts (the type import keeps the domain free of runtime dependencies on it).
 * Repositories write each event in the same transaction as the state change it describes
 * (the outbox: shared/db/entities/outbox-event.ts); a relay delivers them to the bus.
 */
import type { EventDetail, EventType } from '../../events/catalog.js';

export { EVENT_SOURCE } from './event-source.js';

/** An event on the wire: `detail` is its contract's output type. */
export interface DomainEvent<T = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly detail: T;
}

/** The port through which the domain hands events to whatever delivers them (bus, outbox). */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** A domain event of a catalogued type. */
export type TypedEvent<T extends EventType> = DomainEvent<EventDetail<T>> & { readonly type: T };

/**
 * Builds a domain event of a catalogued type. `id` is a ULID from the caller's `ids` port (so
 * tests pin it) and becomes the consumers' idempotency key (`eventId`).
 */
export const domainEvent = <T extends EventType>(type: T, detail: EventDetail<T>, at: { id: string; time: Date }): TypedEvent<T> => ({
  id: at.id,
  type,
  time: at.time.toISOString(),
  detail,
});
