/** Append-only trail of a volunteer's contact-consent changes (email/SMS opt-in and opt-out), oldest first. */
import * as z from 'zod';
import { defineEntity } from './entity.js';
import { volunteerPartition } from './partitions.js';

export const consentChange = defineEntity({
  name: 'ConsentChange',
  schema: z.object({ volunteerId: z.string(), channel: z.enum(['email', 'sms']), granted: z.boolean(), at: z.string() }).loose(),
  keys: {
    item: (sub: string, at: string, channel: string) => ({ PK: volunteerPartition(sub), SK: `CONSENT#${at}#${channel}` }),
    prefix: 'CONSENT#',
  },
  accessPatterns: [
    {
      pattern: "list a volunteer's contact-consent changes (opt-in/opt-out history)",
      key: 'PK = VOL#<sub> AND begins_with(SK, CONSENT#)',
      index: 'table',
      operation: 'Query',
    },
  ],
});
