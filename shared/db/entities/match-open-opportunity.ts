/** An open opportunity's matching view, spread over a few partitions (read whole by every run). */
import * as z from '../../zod.js';
import type { MatchOpportunity } from '../../domain/matching/schema.js';
import { defineEntity, storedRecord } from './entity.js';
import { pad } from './match-volunteer.js';

const OPP = 'OPP#';
const bucketPartition = (bucket: number) => `MATCH#OPEN#${pad(bucket, 2)}`;

/** The key builders of `matchOpenOpportunity` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const matchOpenOpportunityKeys = {
  item: (bucket: number, id: string) => ({ PK: bucketPartition(bucket), SK: `${OPP}${id}` }),
  partition: bucketPartition,
  /** The opportunity id of an item's sort key. */
  idOf: (sk: string) => sk.slice(OPP.length),
};

export const matchOpenOpportunity = /* @__PURE__ */ defineEntity({
  name: 'MatchOpenOpportunity',
  schema: /* @__PURE__ */ z.object({ view: /* @__PURE__ */ storedRecord<MatchOpportunity>({ id: /* @__PURE__ */ z.string(), orgId: /* @__PURE__ */ z.string() }) }),
  keys: matchOpenOpportunityKeys,
  accessPatterns: [
    { pattern: 'every open opportunity (matching runs build their in-memory index from it)', key: 'PK = MATCH#OPEN#<00..15>', index: 'table', operation: 'Query' },
  ],
});
