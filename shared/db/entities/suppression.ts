/** Suppressions (SMS STOP, hard bounces, complaints) are per address, so they hold whoever owns the number or mailbox. */
import * as z from 'zod';
import { Channel } from '../../domain/notifications/schema.js';
import { defineEntity } from './entity.js';

export const suppression = defineEntity({
  name: 'Suppression',
  schema: z.object({ channel: Channel, address: z.string(), reason: z.string(), source: z.string(), at: z.string() }),
  keys: {
    item: (channel: 'email' | 'sms', address: string) => ({ PK: `SUPPRESS#${channel.toUpperCase()}#${address.toLowerCase()}`, SK: 'SUPPRESS' }),
  },
  accessPatterns: [
    {
      pattern: 'is an address suppressed (STOP, bounce, complaint) — both channels of a person at once',
      key: 'PK = SUPPRESS#<EMAIL|SMS>#<address> AND SK = SUPPRESS',
      index: 'table',
      operation: 'BatchGetItem',
    },
  ],
});
