/** A candidate of an opportunity; GSI1 orders them by score (higher first), then volunteer. */
import * as z from '../../zod.js';
import type { StoredCandidate } from '../../domain/matching/service.js';
import { defineEntity, storedRecord } from './entity.js';
import { pad } from './match-volunteer.js';

const partition = (opportunityId: string) => `MATCH#CAND#${opportunityId}`;

/** The key builders of `matchCandidate` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const matchCandidateKeys = {
  item: (opportunityId: string, sub: string) => ({ PK: partition(opportunityId), SK: `VOL#${sub}` }),
  rank: (opportunityId: string, score: number, sub: string) => ({ GSI1PK: partition(opportunityId), GSI1SK: `${pad(10_000 - Math.round(score * 100), 5)}#${sub}` }),
  partition,
  /** A page cursor's key is one of this opportunity's candidates. */
  owns: (opportunityId: string, key: { PK: string; GSI1PK: string }) => key.PK === partition(opportunityId) && key.GSI1PK === partition(opportunityId),
};

export const matchCandidate = /* @__PURE__ */ defineEntity({
  name: 'MatchCandidate',
  schema: /* @__PURE__ */ storedRecord<StoredCandidate & { opportunityId: string }>({
    opportunityId: /* @__PURE__ */ z.string(),
    volunteerId: /* @__PURE__ */ z.string(),
    score: /* @__PURE__ */ z.number(),
    shiftId: /* @__PURE__ */ z.string(),
  }),
  keys: matchCandidateKeys,
  accessPatterns: [
    {
      pattern: "an opportunity's candidates by score, paginated",
      key: 'GSI1PK = MATCH#CAND#<opp> (GSI1SK = <10000 − score×100>#<sub>, ascending)',
      index: 'GSI1',
      operation: 'Query',
    },
  ],
});
