/**
 * Recognition items. A volunteer's standing is one small partition (`RECOG#<volunteerId>`):
 * counters, minutes per organisation and per month, badges, redemption markers. The points
 * ledger has its own partition (append-only, paged). Leaderboard entries are one item per
 * volunteer and board (no hot partition); they are ranked on GSI1 in 8 shards per board, so
 * the national board under a burst spreads over 8 index partitions, and the top N is the
 * merge of 8 short queries. Change markers (8 shards) tell the daily run whom to evaluate.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { PointsEntry } from '../../domain/recognition/schema.js';
import { defineEntity } from './entity.js';

export const RECOGNITION_SHARDS = 8;
export const shardOfVolunteer = (volunteerId: string): number => createHash('sha256').update(volunteerId).digest()[0]! % RECOGNITION_SHARDS;

const Counters = z.object({
  approvedMinutes: z.number().default(0),
  professionalMinutes: z.number().default(0),
  shifts: z.number().default(0),
  points: z.number().default(0),
  trainings: z.number().default(0),
});

export const recognitionStats = defineEntity({
  name: 'RecognitionStats',
  schema: Counters,
  keys: {
    standing: (volunteerId: string) => `RECOG#${volunteerId}`,
    stats: (volunteerId: string) => ({ PK: `RECOG#${volunteerId}`, SK: 'STATS' }),
    orgMinutes: (volunteerId: string, orgId: string) => ({ PK: `RECOG#${volunteerId}`, SK: `ORG#${orgId}` }),
    monthMinutes: (volunteerId: string, month: string) => ({ PK: `RECOG#${volunteerId}`, SK: `MONTH#${month}` }),
    badge: (volunteerId: string, badgeId: string) => ({ PK: `RECOG#${volunteerId}`, SK: `BADGE#${badgeId}` }),
    redeemed: (volunteerId: string, rewardId: string, period: string) => ({ PK: `RECOG#${volunteerId}`, SK: `REDEEMED#${rewardId}#${period}` }),
    training: (volunteerId: string, trainingId: string) => ({ PK: `RECOG#${volunteerId}`, SK: `TRAINING#${trainingId}` }),
    prefixes: { org: 'ORG#', month: 'MONTH#', badge: 'BADGE#' },
  },
  accessPatterns: [
    { pattern: "a volunteer's standing (counters, organisations, months, badges)", key: 'PK = RECOG#<volunteerId>', index: 'table', operation: 'Query' },
  ],
});

export const appliedHours = defineEntity({
  name: 'RecognizedHours',
  schema: z.object({
    hoursId: z.string(),
    minutes: z.number(),
    professionalMinutes: z.number(),
    shifts: z.number(),
    points: z.number(),
    city: z.string(),
    month: z.string(),
    year: z.string(),
  }),
  keys: {
    approved: (hoursId: string) => ({ PK: `RECOGHOURS#${hoursId}`, SK: 'APPROVED' }),
    reversed: (hoursId: string) => ({ PK: `RECOGHOURS#${hoursId}`, SK: 'REVERSED' }),
  },
  accessPatterns: [
    { pattern: 'what an approval gave (to take it back on reversal); once per approval and reversal', key: 'PK = RECOGHOURS#<hoursId>', index: 'table', operation: 'GetItem / conditional Put' },
  ],
});

export const pointsLedger = defineEntity({
  name: 'PointsEntry',
  schema: PointsEntry,
  keys: {
    partition: (volunteerId: string) => `POINTS#${volunteerId}`,
    entry: (volunteerId: string, at: string, entryId: string) => ({ PK: `POINTS#${volunteerId}`, SK: `${at}#${entryId}` }),
  },
  accessPatterns: [{ pattern: "a volunteer's points ledger, newest first", key: 'PK = POINTS#<volunteerId>', index: 'table', operation: 'Query' }],
});

export const changeMarker = defineEntity({
  name: 'RecognitionChange',
  schema: z.object({ volunteerId: z.string(), markedAt: z.string() }),
  keys: {
    shard: (shard: number) => `RECOGCHANGED#${shard}`,
    marker: (volunteerId: string) => ({ PK: `RECOGCHANGED#${shardOfVolunteer(volunteerId)}`, SK: volunteerId }),
  },
  accessPatterns: [{ pattern: 'volunteers whose standing changed since the last daily run', key: 'PK = RECOGCHANGED#<shard>', index: 'table', operation: 'Query' }],
});

export const leaderboardEntry = defineEntity({
  name: 'LeaderboardEntry',
  schema: z.object({ volunteerId: z.string(), minutes: z.number(), reachedAt: z.string().optional(), displayName: z.string().optional() }),
  keys: {
    entry: (volunteerId: string, board: string) => ({ PK: `LB#${volunteerId}`, SK: board }),
    /** Every board entry of one volunteer (their copy and erasure). */
    volunteerPartition: (volunteerId: string) => `LB#${volunteerId}`,
    board: (scope: string, id: string, period: string) => `${scope}#${id}#${period}`,
    rank: (board: string, volunteerId: string, rankKey: string) => ({ GSI1PK: `LBRANK#${board}#${shardOfVolunteer(volunteerId)}`, GSI1SK: rankKey }),
    rankPartition: (board: string, shard: number) => `LBRANK#${board}#${shard}`,
  },
  accessPatterns: [
    { pattern: "a volunteer's minutes on a board (scope, id, period)", key: 'PK = LB#<volunteerId>, SK = <scope>#<id>#<period>', index: 'table', operation: 'UpdateItem' },
    { pattern: 'top N of a board', key: 'GSI1PK = LBRANK#<board>#<shard> (8 shards, GSI1SK descending), merged', index: 'GSI1', operation: 'Query' },
  ],
});

export const achievement = defineEntity({
  name: 'Achievement',
  schema: z.object({ at: z.string(), displayName: z.string(), kind: z.enum(['badge', 'award']), titleAr: z.string(), titleEn: z.string() }),
  keys: {
    day: (date: string) => `ACH#${date}`,
    item: (date: string, at: string, id: string) => ({ PK: `ACH#${date}`, SK: `${at}#${id}` }),
  },
  accessPatterns: [{ pattern: 'published achievements of a Riyadh day, newest first', key: 'PK = ACH#<date>', index: 'table', operation: 'Query' }],
});

export const nomination = defineEntity({
  name: 'Nomination',
  schema: z.object({ volunteerId: z.string(), award: z.literal('volunteer-of-the-month'), month: z.string(), reasonAr: z.string(), reasonEn: z.string(), by: z.string(), at: z.string() }),
  keys: { item: (orgId: string, month: string) => ({ PK: `NOMINATION#${orgId}`, SK: month }) },
  accessPatterns: [{ pattern: "an organisation's nomination for a month (the last one stands)", key: 'PK = NOMINATION#<orgId>, SK = <month>', index: 'table', operation: 'GetItem / Put' }],
});

export const activeOrganization = defineEntity({
  name: 'AwardCandidateOrganization',
  schema: z.object({ orgId: z.string(), month: z.string() }),
  keys: {
    shard: (month: string, shard: number) => `VOTMORGS#${month}#${shard}`,
    item: (month: string, orgId: string) => ({
      PK: `VOTMORGS#${month}#${createHash('sha256').update(orgId).digest()[0]! % RECOGNITION_SHARDS}`,
      SK: orgId,
    }),
  },
  accessPatterns: [{ pattern: 'organisations with approved hours in a month', key: 'PK = VOTMORGS#<month>#<shard>', index: 'table', operation: 'Query' }],
});

const Candidate = z.object({ volunteerId: z.string(), displayName: z.string(), orgId: z.string(), minutes: z.number(), reachedAt: z.string() });

/** A region's or the Kingdom's volunteer of the month, while the ministry chooses and once decided (HonourNomination). */
export const honour = defineEntity({
  name: 'Honour',
  schema: z.object({
    id: z.string(),
    month: z.string(),
    scope: z.enum(['region', 'national']),
    scopeId: z.string(),
    status: z.enum(['pending', 'decided']),
    candidates: z.array(Candidate),
    openedAt: z.string(),
    taskToken: z.string().optional(),
    decideBy: z.string().optional(),
    volunteerId: z.string().optional(),
    basis: z.enum(['ministry', 'rule']).optional(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    reasonAr: z.string().optional(),
    reasonEn: z.string().optional(),
  }),
  keys: {
    /** `<month>.<scope>.<scopeId>` → the month's partition, one item per scope. */
    item: (id: string) => ({ PK: `HONOUR#${id.slice(0, 7)}`, SK: id.slice(8) }),
    month: (month: string) => `HONOUR#${month}`,
  },
  accessPatterns: [
    { pattern: 'an honour (pending or decided), once per month and scope', key: 'PK = HONOUR#<month>, SK = <scope>.<scopeId>', index: 'table', operation: 'GetItem / conditional Put / UpdateItem' },
    { pattern: 'the honours of a month', key: 'PK = HONOUR#<month>', index: 'table', operation: 'Query' },
  ],
});

export const award = defineEntity({
  name: 'Award',
  schema: z.object({
    month: z.string(),
    award: z.literal('volunteer-of-the-month'),
    scope: z.enum(['org', 'region', 'national']),
    scopeId: z.string(),
    volunteerId: z.string(),
    displayName: z.string(),
    minutes: z.number(),
    basis: z.enum(['nomination', 'rule', 'ministry']),
    reasonAr: z.string().optional(),
    reasonEn: z.string().optional(),
    awardedAt: z.string(),
  }),
  keys: { item: (month: string, scope: string, scopeId: string) => ({ PK: `AWARD#${month}`, SK: `${scope}#${scopeId}` }), month: (month: string) => `AWARD#${month}` },
  accessPatterns: [{ pattern: 'awards of a month', key: 'PK = AWARD#<month>', index: 'table', operation: 'Query' }],
});

export const reward = defineEntity({
  name: 'Reward',
  schema: z.object({
    id: z.string(),
    titleAr: z.string(),
    titleEn: z.string(),
    descriptionAr: z.string(),
    descriptionEn: z.string(),
    partner: z.string().optional(),
    pointsCost: z.number(),
    stockLeft: z.number(),
    minApprovedHours: z.number(),
    perVolunteer: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  }),
  keys: {
    item: (rewardId: string) => ({ PK: `REWARD#${rewardId}`, SK: 'REWARD' }),
    catalogue: (validUntil: string, rewardId: string) => ({ GSI1PK: 'REWARDS', GSI1SK: `${validUntil}#${rewardId}` }),
    cataloguePartition: 'REWARDS',
  },
  accessPatterns: [
    { pattern: 'a reward (stock is decremented in the redemption transaction)', key: 'PK = REWARD#<id>', index: 'table', operation: 'GetItem / TransactWrite' },
    { pattern: 'rewards still valid', key: 'GSI1PK = REWARDS, GSI1SK >= <now>', index: 'GSI1', operation: 'Query' },
  ],
});

export const redemption = defineEntity({
  name: 'Redemption',
  schema: z.object({ id: z.string(), rewardId: z.string(), volunteerId: z.string(), code: z.string(), pointsSpent: z.number(), at: z.string() }),
  keys: { byCode: (code: string) => ({ PK: `REDEMPTION#${code}`, SK: 'REDEMPTION' }) },
  accessPatterns: [{ pattern: 'a redemption by the code the partner verifies', key: 'PK = REDEMPTION#<code>', index: 'table', operation: 'GetItem' }],
});
