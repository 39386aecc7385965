/** Fixed-window request counters per client (public lookups), one item per client and minute, expiring after two. */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

export const rateCounter = /* @__PURE__ */ defineEntity({
  name: 'RateCounter',
  schema: /* @__PURE__ */ z.object({ count: /* @__PURE__ */ z.int() }),
  keys: { item: (key: string, client: string, window: number) => ({ PK: `RATE#${key}#${client}#${window}`, SK: 'RATE' }) },
  accessPatterns: [{ pattern: 'count a request of a client in the current window', key: 'Update PK = RATE#<key>#<client>#<minute> ADD count 1', index: 'table', operation: 'UpdateItem' }],
});
