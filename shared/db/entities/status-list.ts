/**
 * Bitstring status lists (revocation). A list is one item (`STATUSLIST#<shard>-<n>`) holding
 * the revoked indexes as a number set (revoking is an atomic `ADD`, no read), a `version`
 * bumped by each revocation, and the last signed list credential with the version it shows.
 * Indexes are handed out by a counter per shard (`STATUSALLOC#<shard>`), so issuing spreads
 * over a few items instead of one hot one; a full list rolls the shard to its next list.
 */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

export const STATUS_LIST_SHARDS = 4;

/** The key builders of `statusList` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const statusListKeys = { item: (listId: string) => ({ PK: `STATUSLIST#${listId}`, SK: 'LIST' }) };

export const statusList = /* @__PURE__ */ defineEntity({
  name: 'StatusList',
  schema: /* @__PURE__ */ z.object({
    listId: /* @__PURE__ */ z.string(),
    size: /* @__PURE__ */ z.int(),
    revoked: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.set(/* @__PURE__ */ z.number())),
    version: /* @__PURE__ */ z.int(),
    credential: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    credentialVersion: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
    credentialBase: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  }),
  keys: statusListKeys,
  accessPatterns: [
    { pattern: 'a status list (and its cached signed credential)', key: 'PK = STATUSLIST#<list> AND SK = LIST', index: 'table', operation: 'GetItem' },
    { pattern: 'keep the signed credential of a version', key: 'Update STATUSLIST#<list> SET credential if version = <seen>', index: 'table', operation: 'UpdateItem' },
  ],
});

/** The key builders of `statusAllocator` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const statusAllocatorKeys = { item: (shard: number) => ({ PK: `STATUSALLOC#${shard}`, SK: 'ALLOC' }) };

export const statusAllocator = /* @__PURE__ */ defineEntity({
  name: 'StatusListAllocator',
  schema: /* @__PURE__ */ z.object({ listSeq: /* @__PURE__ */ z.int(), next: /* @__PURE__ */ z.int() }),
  keys: statusAllocatorKeys,
  accessPatterns: [
    {
      pattern: 'next free status list index of a shard',
      key: 'Update STATUSALLOC#<shard> ADD next 1 if next < size (else roll: SET listSeq + 1, next = 0 if listSeq = <seen>)',
      index: 'table',
      operation: 'UpdateItem',
    },
  ],
});
