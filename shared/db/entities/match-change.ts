/** Change marker: this volunteer or opportunity must be matched again by the next job. */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

const CHANGES = 'MATCH#CHANGES';

/** The key builders of `matchChange` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const matchChangeKeys = {
  item: (kind: 'VOL' | 'OPP', id: string) => ({ PK: CHANGES, SK: `${kind}#${id}` }),
  partition: CHANGES,
};

export const matchChange = /* @__PURE__ */ defineEntity({
  name: 'MatchChange',
  schema: /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.enum(['VOL', 'OPP']), id: /* @__PURE__ */ z.string(), changedAt: /* @__PURE__ */ z.string() }),
  keys: matchChangeKeys,
  accessPatterns: [
    { pattern: 'pending matching changes (volunteers and opportunities to match again)', key: 'PK = MATCH#CHANGES', index: 'table', operation: 'Query' },
    {
      pattern: 'consume a change marker unless it changed meanwhile',
      key: 'Delete PK = MATCH#CHANGES, SK = <VOL|OPP>#<id> if changedAt = :seen',
      index: 'table',
      operation: 'DeleteItem',
    },
  ],
});
