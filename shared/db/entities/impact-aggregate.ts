/**
 * Impact aggregates (issue 16): counters per scope and month, maintained by the
 * ImpactAggregates consumer, and the little state the consumer needs to stay exact.
 *
 * - Aggregate: `AGG#CITY#<city>` | `AGG#ORG#<orgId>`, SK `M#<YYYY-MM>` (months) or `TOTAL`
 *   (all-time). One partition per scope, so a range of months is one Query
 *   (`SK BETWEEN M#<from> AND M#<to>`; up to `TOTAL` to include it).
 *   The nation and the 13 regions are read together by the national view, so each is ONE
 *   partition whose sort key carries the month first: `AGG#NAT`, SK `M#<YYYY-MM>#<shard>` |
 *   `TOTAL#<shard>`, and `AGG#REG`, SK `M#<YYYY-MM>#<region>` | `TOTAL#<region>`: a range of
 *   months of the nation (all its shards) or of every region is one Query (`SK BETWEEN
 *   M#<from> AND M#<to>#~`, or up to `TOTAL#~`). The national counters are still spread over
 *   NATIONAL_SHARDS items per month (by volunteer) so that concurrent batches rarely touch the
 *   same item (a transaction conflict); readers sum the shards. (Issue 16: the region view was
 *   4 + 13 Queries, one per shard and region; it is 2.)
 * - Hours entry: `AGGLEDGER#<orgId>#<month>`, SK `<hoursId>`: what an approval added (and what
 *   reversals took back). Its `attribute_not_exists` Put is the approval's idempotency marker,
 *   and the partition is the ledger the reconciliation recounts an organisation-month from.
 * - Volunteer activity: `AGGVOL#<volunteerId>` / `ACTIVITY`: minutes per scope and month
 *   (shared/domain/impact/activity.ts), versioned.
 * - Shift counter: `AGGSHIFT#<shiftId>` / `SHIFT`: approved attendances of the shift.
 * - Applied marker: `AGGAPPLIED#<eventId>` / `APPLIED` (TTL 400 days) for events without an
 *   entry of their own (registrations, departments, no-shows, beneficiaries).
 * - Targets: `TARGETS` / `<effectiveFrom>#<setAt>`: history kept, never overwritten.
 * - Snapshot: `IMPACTSNAP#<month>` / `NATIONAL` | `ORG#<orgId>`: frozen monthly figures.
 */
import { createHash } from 'node:crypto';
import * as z from '../../zod.js';
import type { AggregateScope, Period } from '../../domain/impact/aggregates.js';
import { defineEntity } from './entity.js';

export const NATIONAL_SHARDS = 4;

/** The national shard of a volunteer: all of one volunteer's national counters go to one shard. */
export const nationalShardOf = (volunteerId: string): number => createHash('sha1').update(volunteerId).digest()[0]! % NATIONAL_SHARDS;

const scopePartition = (scope: AggregateScope): string => {
  switch (scope.kind) {
    case 'national':
      return 'AGG#NAT';
    case 'region':
      return 'AGG#REG';
    case 'city':
      return `AGG#CITY#${scope.id}`;
    case 'organization':
      return `AGG#ORG#${scope.id}`;
  }
};

export const periodKey = (period: Period): string => (period === 'TOTAL' ? 'TOTAL' : `M#${period}`);

/** The sort key: the period, then (nation, regions) the shard or the region, which share one partition. */
const scopeSortKey = (scope: AggregateScope, period: Period, shard: number): string => {
  switch (scope.kind) {
    case 'national':
      return `${periodKey(period)}#${shard}`;
    case 'region':
      return `${periodKey(period)}#${scope.id}`;
    default:
      return periodKey(period);
  }
};

/** A stored sort key back to its period and, in the national and region partitions, its shard or region. */
export const parseAggregateSortKey = (sk: string): { period: Period; member?: string } => {
  const [head, month, member] = sk.split('#');
  if (head === 'TOTAL') return { period: 'TOTAL', ...(month !== undefined && { member: month }) };
  return { period: month!, ...(member !== undefined && { member }) };
};

/** The key builders of `impactAggregate` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const impactAggregateKeys = {
  item: (scope: AggregateScope, period: Period, shard = 0) => ({ PK: scopePartition(scope), SK: scopeSortKey(scope, period, shard) }),
  partition: scopePartition,
  month: (month: string) => `M#${month}`,
  total: 'TOTAL',
  /** Sorts after every sort key of the nation's and the regions' months (and, after TOTAL, their all-time items). */
  last: (period: Period) => `${periodKey(period)}#~`,
};

export const impactAggregate = /* @__PURE__ */ defineEntity({
  name: 'ImpactAggregate',
  // Counters only: every attribute besides the keys is a number.
  schema: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.number()),
  keys: impactAggregateKeys,
  accessPatterns: [
    { pattern: 'add to the counters of a scope-month (with the event marker)', key: 'Update PK = AGG#<scope>, SK = M#<month>[#<shard>|#<region>] ADD …', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'counters of a city or organisation over a range of months (and all-time)', key: 'PK = AGG#CITY#<city> | AGG#ORG#<orgId> AND SK BETWEEN M#<from> AND M#<to> | TOTAL', index: 'table', operation: 'Query' },
    { pattern: 'counters of the nation (every shard) or of every region over a range of months (and all-time)', key: 'PK = AGG#NAT | AGG#REG AND SK BETWEEN M#<from> AND M#<to>#~ | TOTAL#~', index: 'table', operation: 'Query' },
  ],
});

export const HoursEntryRecord = /* @__PURE__ */ z.object({
  hoursId: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  shiftId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  kind: /* @__PURE__ */ z.enum(['shift', 'claim']),
  month: /* @__PURE__ */ z.string(),
  region: /* @__PURE__ */ z.string(),
  city: /* @__PURE__ */ z.string(),
  track: /* @__PURE__ */ z.string(),
  causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  minutes: /* @__PURE__ */ z.number(),
  valueHalalas: /* @__PURE__ */ z.number(),
  reversalIds: /* @__PURE__ */ z.pipe(/* @__PURE__ */ z.transform((v) => (v instanceof Set ? [...v] : (v ?? []))), /* @__PURE__ */ z.array(/* @__PURE__ */ z.string())),
  eventId: /* @__PURE__ */ z.string(),
  /** a disputed cut's extra minutes: not a second attendance */
  disputeOf: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});

/** The key builders of `impactHoursEntry` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const impactHoursEntryKeys = {
  item: (orgId: string, month: string, hoursId: string) => ({ PK: `AGGLEDGER#${orgId}#${month}`, SK: hoursId }),
  ledger: (orgId: string, month: string) => `AGGLEDGER#${orgId}#${month}`,
};

export const impactHoursEntry = /* @__PURE__ */ defineEntity({
  name: 'ImpactHoursEntry',
  schema: HoursEntryRecord,
  keys: impactHoursEntryKeys,
  accessPatterns: [
    { pattern: 'apply an approval once (marker + ledger entry)', key: 'Put PK = AGGLEDGER#<orgId>#<month>, SK = <hoursId> attribute_not_exists', index: 'table', operation: 'TransactWriteItems' },
    { pattern: "an organisation-month's ledger (reconciliation)", key: 'PK = AGGLEDGER#<orgId>#<month>', index: 'table', operation: 'Query' },
  ],
});

export const ActivityRecord = /* @__PURE__ */ z.object({
  volunteerId: /* @__PURE__ */ z.string(),
  months: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.number())),
  version: /* @__PURE__ */ z.number(),
});

/** The key builders of `volunteerActivity` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const volunteerActivityKeys = { item: (volunteerId: string) => ({ PK: `AGGVOL#${volunteerId}`, SK: 'ACTIVITY' }) };

export const volunteerActivity = /* @__PURE__ */ defineEntity({
  name: 'VolunteerActivity',
  schema: ActivityRecord,
  keys: volunteerActivityKeys,
  accessPatterns: [
    { pattern: "a volunteer's activity per scope and month", key: 'PK = AGGVOL#<volunteerId>, SK = ACTIVITY', index: 'table', operation: 'BatchGetItem' },
    { pattern: 'replace it (optimistic: version must match)', key: 'Put PK = AGGVOL#<volunteerId> if version = :seen', index: 'table', operation: 'TransactWriteItems' },
  ],
});

/** The key builders of `shiftAttendance` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const shiftAttendanceKeys = { item: (shiftId: string) => ({ PK: `AGGSHIFT#${shiftId}`, SK: 'SHIFT' }) };

export const shiftAttendance = /* @__PURE__ */ defineEntity({
  name: 'ShiftAttendanceCount',
  schema: /* @__PURE__ */ z.object({ n: /* @__PURE__ */ z._default(/* @__PURE__ */ z.number(), 0) }),
  keys: shiftAttendanceKeys,
  accessPatterns: [{ pattern: "a shift's approved attendances", key: 'PK = AGGSHIFT#<shiftId>, SK = SHIFT', index: 'table', operation: 'BatchGetItem' }],
});

/** The key builders of `appliedEvent` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const appliedEventKeys = { item: (eventId: string) => ({ PK: `AGGAPPLIED#${eventId}`, SK: 'APPLIED' }) };

export const appliedEvent = /* @__PURE__ */ defineEntity({
  name: 'ImpactAppliedEvent',
  schema: /* @__PURE__ */ z.object({ eventId: /* @__PURE__ */ z.string(), type: /* @__PURE__ */ z.string(), appliedAt: /* @__PURE__ */ z.string() }),
  keys: appliedEventKeys,
  accessPatterns: [{ pattern: 'apply an event once', key: 'Put PK = AGGAPPLIED#<eventId> attribute_not_exists', index: 'table', operation: 'TransactWriteItems' }],
});

export const TargetRecord = /* @__PURE__ */ z.object({
  volunteers: /* @__PURE__ */ z.number(),
  organizations: /* @__PURE__ */ z.number(),
  effectiveFrom: /* @__PURE__ */ z.string(),
  noteAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  noteEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  setBy: /* @__PURE__ */ z.string(),
  setAt: /* @__PURE__ */ z.string(),
});

/** The key builders of `nationalTarget` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const nationalTargetKeys = {
  item: (effectiveFrom: string, setAt: string) => ({ PK: 'TARGETS', SK: `${effectiveFrom}#${setAt}` }),
  partition: 'TARGETS',
};

export const nationalTarget = /* @__PURE__ */ defineEntity({
  name: 'NationalTarget',
  schema: TargetRecord,
  keys: nationalTargetKeys,
  accessPatterns: [
    { pattern: 'the target in force on a day', key: 'PK = TARGETS AND SK <= <day>#~ (newest first, limit 1)', index: 'table', operation: 'Query' },
    { pattern: 'target history', key: 'PK = TARGETS', index: 'table', operation: 'Query' },
  ],
});

/** The key builders of `impactSnapshot` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const impactSnapshotKeys = {
  national: (month: string) => ({ PK: `IMPACTSNAP#${month}`, SK: 'NATIONAL' }),
  organization: (month: string, orgId: string) => ({ PK: `IMPACTSNAP#${month}`, SK: `ORG#${orgId}` }),
};

export const impactSnapshot = /* @__PURE__ */ defineEntity({
  name: 'ImpactSnapshot',
  schema: /* @__PURE__ */ z.object({ month: /* @__PURE__ */ z.string(), scope: /* @__PURE__ */ z.string(), frozenAt: /* @__PURE__ */ z.string(), report: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()) }),
  keys: impactSnapshotKeys,
  accessPatterns: [
    { pattern: 'freeze a month (once)', key: 'Put PK = IMPACTSNAP#<month>, SK = NATIONAL | ORG#<orgId> attribute_not_exists', index: 'table', operation: 'PutItem' },
    { pattern: 'a frozen month', key: 'PK = IMPACTSNAP#<month>, SK = …', index: 'table', operation: 'GetItem' },
  ],
});
