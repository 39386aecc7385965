/**
 * A volunteer in the matching index (design in shared/domain/matching/retrieval.ts): the view
 * in its shard (the unit of work of MatchingRun) and one posting per gate feature and cell (who
 * can be a candidate for an opportunity gated by `feature` in `cell`). Both carry the whole
 * indexed entry, so one Query of a partition is all a run reads.
 */
import * as z from '../../zod.js';
import type { IndexedVolunteer } from '../../domain/matching/service.js';
import { defineEntity, storedRecord } from './entity.js';

/** Zero-padded so that sort keys order numerically. */
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const IndexedVolunteerItem = /* @__PURE__ */ storedRecord<IndexedVolunteer>({
  view: /* @__PURE__ */ z.looseObject({ id: /* @__PURE__ */ z.string() }),
  card: /* @__PURE__ */ z.looseObject({}),
  shard: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()),
  cell: /* @__PURE__ */ z.string(),
  features: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
});
const shardPartition = (shard: number) => `MATCH#SHARD#${pad(shard, 3)}`;
const postingPartition = (feature: string, cell: string) => `MATCH#VPOST#${feature}#${cell}`;
const volunteerSort = (sub: string) => `VOL#${sub}`;

/** The key builders of `matchShardMember` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const matchShardMemberKeys = {
  item: (shard: number, sub: string) => ({ PK: shardPartition(shard), SK: volunteerSort(sub) }),
  partition: shardPartition,
};

export const matchShardMember = /* @__PURE__ */ defineEntity({
  name: 'MatchShardMember',
  schema: IndexedVolunteerItem,
  keys: matchShardMemberKeys,
  accessPatterns: [{ pattern: 'volunteers of one matching shard (MatchingRun, one shard per child)', key: 'PK = MATCH#SHARD#<nnn>', index: 'table', operation: 'Query' }],
});

/** The key builders of `matchVolunteerPosting` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const matchVolunteerPostingKeys = {
  item: (feature: string, cell: string, sub: string) => ({ PK: postingPartition(feature, cell), SK: volunteerSort(sub) }),
  partition: postingPartition,
};

export const matchVolunteerPosting = /* @__PURE__ */ defineEntity({
  name: 'MatchVolunteerPosting',
  schema: IndexedVolunteerItem,
  keys: matchVolunteerPostingKeys,
  accessPatterns: [
    {
      pattern: 'candidate volunteers of an opportunity: those posted under its gate feature in a cell within reach',
      key: 'PK = MATCH#VPOST#<prof:x|skill:x|cause:x>#<cell> (one Query per feature and cell, bounded)',
      index: 'table',
      operation: 'Query',
    },
  ],
});
