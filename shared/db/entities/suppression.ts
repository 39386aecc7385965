/** Suppressions (SMS STOP, hard bounces, complaints) are per address, so they hold whoever owns the number or mailbox. */
import * as z from '../../zod.js';
import { Channel } from '../../domain/notifications/schema.js';
import { defineEntity } from './entity.js';

/** The key builders of `suppression` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const suppressionKeys = {
  item: (channel: 'email' | 'sms', address: string) => ({ PK: `SUPPRESS#${channel.toUpperCase()}#${address.toLowerCase()}`, SK: 'SUPPRESS' }),
};

export const suppression = /* @__PURE__ */ defineEntity({
  name: 'Suppression',
  schema: /* @__PURE__ */ z.object({ channel: Channel, address: /* @__PURE__ */ z.string(), reason: /* @__PURE__ */ z.string(), source: /* @__PURE__ */ z.string(), at: /* @__PURE__ */ z.string() }),
  keys: suppressionKeys,
  accessPatterns: [
    {
      pattern: 'is an address suppressed (STOP, bounce, complaint) — both channels of a person at once',
      key: 'PK = SUPPRESS#<EMAIL|SMS>#<address> AND SK = SUPPRESS',
      index: 'table',
      operation: 'BatchGetItem',
    },
  ],
});
