/**
 * Recognition items. A volunteer's standing is one small partition (`RECOG#<volunteerId>`):
 * counters, minutes per organisation and per month, badges, redemption markers. The points
 * ledger has its own partition (append-only, paged). Leaderboard entries are one item per
 * volunteer and board (no hot partition); they are ranked on GSI1 in 8 shards per board, so
 * the national board under a burst spreads over 8 index partitions, and the top N is the
 * merge of 8 short queries. Change markers (8 shards) tell the daily run whom to evaluate.
 */
import { createHash } from 'node:crypto';
import * as z from '../../zod.js';
import { PointsEntry } from '../../domain/recognition/schema.js';
import { defineEntity } from './entity.js';

export const RECOGNITION_SHARDS = 8;

/** Entity names of the items the recognition writes build from keys alone (recognition-writes.ts), without the entities' schemas (issue 17). */
export const RECOGNITION_STATS = 'RecognitionStats';
export const POINTS_ENTRY = 'PointsEntry';
export const RECOGNITION_CHANGE = 'RecognitionChange';
export const ACHIEVEMENT = 'Achievement';
export const LEADERBOARD_ENTRY = 'LeaderboardEntry';
export const shardOfVolunteer = (volunteerId: string): number => createHash('sha256').update(volunteerId).digest()[0]! % RECOGNITION_SHARDS;

const Counters = /* @__PURE__ */ z.object({
  approvedMinutes: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number(), 0),
  professionalMinutes: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number(), 0),
  shifts: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number(), 0),
  points: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number(), 0),
  trainings: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number(), 0),
});

/** The key builders of `recognitionStats` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const recognitionStatsKeys = {
  standing: (volunteerId: string) => `RECOG#${volunteerId}`,
  stats: (volunteerId: string) => ({ PK: `RECOG#${volunteerId}`, SK: 'STATS' }),
  orgMinutes: (volunteerId: string, orgId: string) => ({ PK: `RECOG#${volunteerId}`, SK: `ORG#${orgId}` }),
  monthMinutes: (volunteerId: string, month: string) => ({ PK: `RECOG#${volunteerId}`, SK: `MONTH#${month}` }),
  badge: (volunteerId: string, badgeId: string) => ({ PK: `RECOG#${volunteerId}`, SK: `BADGE#${badgeId}` }),
  redeemed: (volunteerId: string, rewardId: string, period: string) => ({ PK: `RECOG#${volunteerId}`, SK: `REDEEMED#${rewardId}#${period}` }),
  training: (volunteerId: string, trainingId: string) => ({ PK: `RECOG#${volunteerId}`, SK: `TRAINING#${trainingId}` }),
  prefixes: { org: 'ORG#', month: 'MONTH#', badge: 'BADGE#' },
};

export const recognitionStats = /* @__PURE__ */ defineEntity({
  name: RECOGNITION_STATS,
  schema: Counters,
  keys: recognitionStatsKeys,
  accessPatterns: [
    { pattern: "a volunteer's standing (counters, organisations, months, badges)", key: 'PK = RECOG#<volunteerId>', index: 'table', operation: 'Query' },
  ],
});

/** The key builders of `appliedHours` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const appliedHoursKeys = {
  approved: (hoursId: string) => ({ PK: `RECOGHOURS#${hoursId}`, SK: 'APPROVED' }),
  reversed: (hoursId: string) => ({ PK: `RECOGHOURS#${hoursId}`, SK: 'REVERSED' }),
};

export const appliedHours = /* @__PURE__ */ defineEntity({
  name: 'RecognizedHours',
  schema: /* @__PURE__ */ z.object({
    hoursId: /* @__PURE__ */ z.string(),
    minutes: /* @__PURE__ */ z.number(),
    professionalMinutes: /* @__PURE__ */ z.number(),
    shifts: /* @__PURE__ */ z.number(),
    points: /* @__PURE__ */ z.number(),
    city: /* @__PURE__ */ z.string(),
    month: /* @__PURE__ */ z.string(),
    year: /* @__PURE__ */ z.string(),
  }),
  keys: appliedHoursKeys,
  accessPatterns: [
    { pattern: 'what an approval gave (to take it back on reversal); once per approval and reversal', key: 'PK = RECOGHOURS#<hoursId>', index: 'table', operation: 'GetItem / conditional Put' },
  ],
});

/** The key builders of `pointsLedger` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const pointsLedgerKeys = {
  partition: (volunteerId: string) => `POINTS#${volunteerId}`,
  entry: (volunteerId: string, at: string, entryId: string) => ({ PK: `POINTS#${volunteerId}`, SK: `${at}#${entryId}` }),
};

export const pointsLedger = /* @__PURE__ */ defineEntity({
  name: POINTS_ENTRY,
  schema: PointsEntry,
  keys: pointsLedgerKeys,
  accessPatterns: [{ pattern: "a volunteer's points ledger, newest first", key: 'PK = POINTS#<volunteerId>', index: 'table', operation: 'Query' }],
});

/** The key builders of `changeMarker` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const changeMarkerKeys = {
  shard: (shard: number) => `RECOGCHANGED#${shard}`,
  marker: (volunteerId: string) => ({ PK: `RECOGCHANGED#${shardOfVolunteer(volunteerId)}`, SK: volunteerId }),
};

export const changeMarker = /* @__PURE__ */ defineEntity({
  name: RECOGNITION_CHANGE,
  schema: /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), markedAt: /* @__PURE__ */ z.string() }),
  keys: changeMarkerKeys,
  accessPatterns: [{ pattern: 'volunteers whose standing changed since the last daily run', key: 'PK = RECOGCHANGED#<shard>', index: 'table', operation: 'Query' }],
});

/** The key builders of `leaderboardEntry` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const leaderboardEntryKeys = {
  entry: (volunteerId: string, board: string) => ({ PK: `LB#${volunteerId}`, SK: board }),
  /** Every board entry of one volunteer (their copy and erasure). */
  volunteerPartition: (volunteerId: string) => `LB#${volunteerId}`,
  board: (scope: string, id: string, period: string) => `${scope}#${id}#${period}`,
  rank: (board: string, volunteerId: string, rankKey: string) => ({ GSI1PK: `LBRANK#${board}#${shardOfVolunteer(volunteerId)}`, GSI1SK: rankKey }),
  rankPartition: (board: string, shard: number) => `LBRANK#${board}#${shard}`,
};

export const leaderboardEntry = /* @__PURE__ */ defineEntity({
  name: LEADERBOARD_ENTRY,
  schema: /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.number(), reachedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), displayName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }),
  keys: leaderboardEntryKeys,
  accessPatterns: [
    { pattern: "a volunteer's minutes on a board (scope, id, period)", key: 'PK = LB#<volunteerId>, SK = <scope>#<id>#<period>', index: 'table', operation: 'UpdateItem' },
    { pattern: 'top N of a board', key: 'GSI1PK = LBRANK#<board>#<shard> (8 shards, GSI1SK descending), merged', index: 'GSI1', operation: 'Query' },
  ],
});

/** The key builders of `achievement` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const achievementKeys = {
  day: (date: string) => `ACH#${date}`,
  item: (date: string, at: string, id: string) => ({ PK: `ACH#${date}`, SK: `${at}#${id}` }),
};

export const achievement = /* @__PURE__ */ defineEntity({
  name: ACHIEVEMENT,
  schema: /* @__PURE__ */ z.object({ at: /* @__PURE__ */ z.string(), displayName: /* @__PURE__ */ z.string(), kind: /* @__PURE__ */ z.enum(['badge', 'award']), titleAr: /* @__PURE__ */ z.string(), titleEn: /* @__PURE__ */ z.string() }),
  keys: achievementKeys,
  accessPatterns: [{ pattern: 'published achievements of a Riyadh day, newest first', key: 'PK = ACH#<date>', index: 'table', operation: 'Query' }],
});

/** The key builders of `nomination` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const nominationKeys = { item: (orgId: string, month: string) => ({ PK: `NOMINATION#${orgId}`, SK: month }) };

export const nomination = /* @__PURE__ */ defineEntity({
  name: 'Nomination',
  schema: /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), award: /* @__PURE__ */ z.literal('volunteer-of-the-month'), month: /* @__PURE__ */ z.string(), reasonAr: /* @__PURE__ */ z.string(), reasonEn: /* @__PURE__ */ z.string(), by: /* @__PURE__ */ z.string(), at: /* @__PURE__ */ z.string() }),
  keys: nominationKeys,
  accessPatterns: [{ pattern: "an organisation's nomination for a month (the last one stands)", key: 'PK = NOMINATION#<orgId>, SK = <month>', index: 'table', operation: 'GetItem / Put' }],
});

/** The key builders of `activeOrganization` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const activeOrganizationKeys = {
  shard: (month: string, shard: number) => `VOTMORGS#${month}#${shard}`,
  item: (month: string, orgId: string) => ({
    PK: `VOTMORGS#${month}#${createHash('sha256').update(orgId).digest()[0]! % RECOGNITION_SHARDS}`,
    SK: orgId,
  }),
};

export const activeOrganization = /* @__PURE__ */ defineEntity({
  name: 'AwardCandidateOrganization',
  schema: /* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.string(), month: /* @__PURE__ */ z.string() }),
  keys: activeOrganizationKeys,
  accessPatterns: [{ pattern: 'organisations with approved hours in a month', key: 'PK = VOTMORGS#<month>#<shard>', index: 'table', operation: 'Query' }],
});

const Candidate = /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), displayName: /* @__PURE__ */ z.string(), orgId: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.number(), reachedAt: /* @__PURE__ */ z.string() });

/** The key builders of `honour` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const honourKeys = {
  /** `<month>.<scope>.<scopeId>` → the month's partition, one item per scope. */
  item: (id: string) => ({ PK: `HONOUR#${id.slice(0, 7)}`, SK: id.slice(8) }),
  month: (month: string) => `HONOUR#${month}`,
};

/** A region's or the Kingdom's volunteer of the month, while the ministry chooses and once decided (HonourNomination). */
export const honour = /* @__PURE__ */ defineEntity({
  name: 'Honour',
  schema: /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.string(),
    month: /* @__PURE__ */ z.string(),
    scope: /* @__PURE__ */ z.enum(['region', 'national']),
    scopeId: /* @__PURE__ */ z.string(),
    status: /* @__PURE__ */ z.enum(['pending', 'decided']),
    candidates: /* @__PURE__ */ z.array(Candidate),
    openedAt: /* @__PURE__ */ z.string(),
    taskToken: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    decideBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    volunteerId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    basis: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['ministry', 'rule'])),
    decidedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    decidedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    reasonAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    reasonEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  }),
  keys: honourKeys,
  accessPatterns: [
    { pattern: 'an honour (pending or decided), once per month and scope', key: 'PK = HONOUR#<month>, SK = <scope>.<scopeId>', index: 'table', operation: 'GetItem / conditional Put / UpdateItem' },
    { pattern: 'the honours of a month', key: 'PK = HONOUR#<month>', index: 'table', operation: 'Query' },
  ],
});

/** The key builders of `award` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const awardKeys = { item: (month: string, scope: string, scopeId: string) => ({ PK: `AWARD#${month}`, SK: `${scope}#${scopeId}` }), month: (month: string) => `AWARD#${month}` };

export const award = /* @__PURE__ */ defineEntity({
  name: 'Award',
  schema: /* @__PURE__ */ z.object({
    month: /* @__PURE__ */ z.string(),
    award: /* @__PURE__ */ z.literal('volunteer-of-the-month'),
    scope: /* @__PURE__ */ z.enum(['org', 'region', 'national']),
    scopeId: /* @__PURE__ */ z.string(),
    volunteerId: /* @__PURE__ */ z.string(),
    displayName: /* @__PURE__ */ z.string(),
    minutes: /* @__PURE__ */ z.number(),
    basis: /* @__PURE__ */ z.enum(['nomination', 'rule', 'ministry']),
    reasonAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    reasonEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    awardedAt: /* @__PURE__ */ z.string(),
  }),
  keys: awardKeys,
  accessPatterns: [{ pattern: 'awards of a month', key: 'PK = AWARD#<month>', index: 'table', operation: 'Query' }],
});

/** The key builders of `reward` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const rewardKeys = {
  item: (rewardId: string) => ({ PK: `REWARD#${rewardId}`, SK: 'REWARD' }),
  catalogue: (validUntil: string, rewardId: string) => ({ GSI1PK: 'REWARDS', GSI1SK: `${validUntil}#${rewardId}` }),
  cataloguePartition: 'REWARDS',
};

export const reward = /* @__PURE__ */ defineEntity({
  name: 'Reward',
  schema: /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.string(),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
    descriptionAr: /* @__PURE__ */ z.string(),
    descriptionEn: /* @__PURE__ */ z.string(),
    partner: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    pointsCost: /* @__PURE__ */ z.number(),
    stockLeft: /* @__PURE__ */ z.number(),
    minApprovedHours: /* @__PURE__ */ z.number(),
    perVolunteer: /* @__PURE__ */ z.string(),
    validFrom: /* @__PURE__ */ z.string(),
    validUntil: /* @__PURE__ */ z.string(),
    createdBy: /* @__PURE__ */ z.string(),
    createdAt: /* @__PURE__ */ z.string(),
  }),
  keys: rewardKeys,
  accessPatterns: [
    { pattern: 'a reward (stock is decremented in the redemption transaction)', key: 'PK = REWARD#<id>', index: 'table', operation: 'GetItem / TransactWrite' },
    { pattern: 'rewards still valid', key: 'GSI1PK = REWARDS, GSI1SK >= <now>', index: 'GSI1', operation: 'Query' },
  ],
});

/** The key builders of `redemption` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const redemptionKeys = { byCode: (code: string) => ({ PK: `REDEMPTION#${code}`, SK: 'REDEMPTION' }) };

export const redemption = /* @__PURE__ */ defineEntity({
  name: 'Redemption',
  schema: /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), rewardId: /* @__PURE__ */ z.string(), volunteerId: /* @__PURE__ */ z.string(), code: /* @__PURE__ */ z.string(), pointsSpent: /* @__PURE__ */ z.number(), at: /* @__PURE__ */ z.string() }),
  keys: redemptionKeys,
  accessPatterns: [{ pattern: 'a redemption by the code the partner verifies', key: 'PK = REDEMPTION#<code>', index: 'table', operation: 'GetItem' }],
});
