/** Local mode only: the SMS "phone network" (infra/local/sms.ts), newest first. */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

const LOCAL_SMS = 'LOCALSMS';

/** The key builders of `localSms` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const localSmsKeys = {
  item: (at: string, id: string) => ({ PK: LOCAL_SMS, SK: `${at}#${id}` }),
  partition: LOCAL_SMS,
};

export const localSms = /* @__PURE__ */ defineEntity({
  name: 'LocalSms',
  schema: /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), to: /* @__PURE__ */ z.string(), body: /* @__PURE__ */ z.string(), at: /* @__PURE__ */ z.string() }),
  keys: localSmsKeys,
  accessPatterns: [{ pattern: 'local SMS box, newest first (local mode)', key: 'PK = LOCALSMS', index: 'table', operation: 'Query' }],
});
