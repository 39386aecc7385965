/** A consumer's record that it finished an event (idempotency on eventId); one partition per marker, no hot key. */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

/** The key builders of `consumedEvent` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const consumedEventKeys = {
  marker: (consumerId: string, eventId: string) => ({ PK: `CONSUMED#${consumerId}#${eventId}`, SK: 'CONSUMED' }),
};

export const consumedEvent = /* @__PURE__ */ defineEntity({
  name: 'ConsumedEvent',
  schema: /* @__PURE__ */ z.object({ consumerId: /* @__PURE__ */ z.string(), eventId: /* @__PURE__ */ z.string(), consumedAt: /* @__PURE__ */ z.string() }),
  keys: consumedEventKeys,
  accessPatterns: [
    { pattern: 'has a consumer finished an event', key: 'PK = CONSUMED#<consumerId>#<eventId>, SK = CONSUMED', index: 'table', operation: 'GetItem' },
    { pattern: 'record a finished event (TTL 7 days)', key: 'Put PK = CONSUMED#<consumerId>#<eventId>', index: 'table', operation: 'PutItem' },
  ],
});
