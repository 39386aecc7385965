/**
 * Erasure (issue 18): the confirmation code of a requested erasure (`ERASURECODE#<sub>`, a hash
 * only, TTL 15 minutes) and the tombstone (`ERASED#<sub>`) an erasure leaves: no personal data,
 * only that this user id was erased and when, so that a replayed event, a late consumer or a
 * second registration under the same sign-in never recreates the person.
 */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

/** The key builders of `erasureCode` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const erasureCodeKeys = { item: (sub: string) => ({ PK: `ERASURECODE#${sub}`, SK: 'CODE' }) };

export const erasureCode = /* @__PURE__ */ defineEntity({
  name: 'ErasureCode',
  schema: /* @__PURE__ */ z.object({ codeHash: /* @__PURE__ */ z.string(), attempts: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)) }),
  keys: erasureCodeKeys,
  accessPatterns: [
    { pattern: "a volunteer's pending erasure code (replaced by a new request, counted per wrong try)", key: 'PK = ERASURECODE#<sub> AND SK = CODE', index: 'table', operation: 'GetItem / PutItem / UpdateItem if attempts = :seen' },
  ],
});

/** The key builders of `tombstone` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const tombstoneKeys = { item: (sub: string) => ({ PK: `ERASED#${sub}`, SK: 'TOMBSTONE' }) };

export const tombstone = /* @__PURE__ */ defineEntity({
  name: 'ErasureTombstone',
  schema: /* @__PURE__ */ z.object({ status: /* @__PURE__ */ z.enum(['erasing', 'erased']), requestedAt: /* @__PURE__ */ z.string(), erasedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }),
  keys: tombstoneKeys,
  accessPatterns: [
    { pattern: 'was this user erased (registration, consumers)', key: 'PK = ERASED#<sub> AND SK = TOMBSTONE', index: 'table', operation: 'GetItem (registration: ConditionCheck attribute_not_exists)' },
  ],
});
