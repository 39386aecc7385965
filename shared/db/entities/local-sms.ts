/** Local mode only: the SMS "phone network" (infra/local/sms.ts), newest first. */
import * as z from 'zod';
import { defineEntity } from './entity.js';

const LOCAL_SMS = 'LOCALSMS';

export const localSms = defineEntity({
  name: 'LocalSms',
  schema: z.object({ id: z.string(), to: z.string(), body: z.string(), at: z.string() }),
  keys: {
    item: (at: string, id: string) => ({ PK: LOCAL_SMS, SK: `${at}#${id}` }),
    partition: LOCAL_SMS,
  },
  accessPatterns: [{ pattern: 'local SMS box, newest first (local mode)', key: 'PK = LOCALSMS', index: 'table', operation: 'Query' }],
});
