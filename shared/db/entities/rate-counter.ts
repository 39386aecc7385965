/** Fixed-window request counters per client (public lookups), one item per client and minute, expiring after two. */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

/** The key builders of `rateCounter` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const rateCounterKeys = { item: (key: string, client: string, window: number) => ({ PK: `RATE#${key}#${client}#${window}`, SK: 'RATE' }) };

export const rateCounter = /* @__PURE__ */ defineEntity({
  name: 'RateCounter',
  schema: /* @__PURE__ */ z.object({ count: /* @__PURE__ */ z.int() }),
  keys: rateCounterKeys,
  accessPatterns: [{ pattern: 'count a request of a client in the current window', key: 'Update PK = RATE#<key>#<client>#<minute> ADD count 1', index: 'table', operation: 'UpdateItem' }],
});
