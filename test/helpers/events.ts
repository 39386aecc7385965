/**
 * A hand-built domain event for tests of delivery (the bus, the outbox relay, a consumer's
 * envelope handling) where the event's contract is not what is tested. Code builds events with
 * the typed `domainEvent` of shared/domain/events.ts.
 */
import { ulid } from 'ulid';
import type { DomainEvent } from '../../shared/domain/events.js';

export const testEvent = <T extends Record<string, unknown>>(type: string, detail: T, time = new Date()): DomainEvent<T> => ({
  id: ulid(time.getTime()),
  type,
  time: time.toISOString(),
  detail,
});
