/**
 * The write side of the impact aggregates: each domain event becomes counter updates applied
 * once (the consumer is thin; this is the rule). Optimistic: read the state, compute, commit
 * with conditions; `stale` means another event of the same volunteer or shift got in between,
 * so read again.
 */
import { applyApproval, applyBeneficiaries, applyCertifiedManager, applyDepartment, applyNoShow, applyRegistration, applyReversal, attendanceShift, type ApprovedHours, type CounterUpdate, type HoursEntry, type ReversedHours } from './aggregates.js';
import { emptyActivity, type Activity } from './activity.js';
import { AggregateContendedError, ApprovalNotAppliedYetError } from './errors.js';
import { riyadhMonth } from './months.js';
import type { AggregateStore, OrganizationDirectory } from './ports.js';

const ATTEMPTS = 8;

export type RecordOutcome = 'applied' | 'duplicate' | 'skipped';

export const recordApproval = async (store: AggregateStore, eventId: string, hours: ApprovedHours): Promise<RecordOutcome> => {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const shiftId = attendanceShift(hours);
    const { activity, shiftAttendances } = await store.loadForApproval(hours.volunteerId, shiftId);
    const first = shiftId !== undefined && shiftAttendances === 0;
    const { activity: after, updates, entry } = applyApproval(hours, activity, first);
    const outcome = await store.commitApproval({
      eventId,
      entry,
      activity: after,
      ...(shiftId && { shift: { shiftId, first } }),
      updates,
    });
    if (outcome !== 'stale') return outcome;
  }
  throw new AggregateContendedError(`approval of hours ${hours.hoursId} met concurrent changes ${ATTEMPTS} times`);
};

/** Items one transaction may hold; a batch leaves room for its merged counters. */
const MAX_TRANSACTION_ITEMS = 100;
/** Reads of the batch's state before a chunk that keeps failing is applied event by event. */
const BATCH_ROUNDS = 4;

type BatchTally = { applied: number; duplicates: number; transactions: number; fallbacks: number };

/**
 * Many approvals at once (an SQS batch, the benchmark): apply the events in memory in order and
 * commit them in as few transactions as fit in 100 items, the counters of all events of a
 * transaction merged per item. Before each transaction, one BatchGet reads the volunteers and
 * shifts of just its events (fresh: concurrent batches move them too; reading the whole batch once
 * made stale versions fail 3× as many transactions). A chunk whose transaction fails names its events that were applied
 * before (their ledger entry exists: a redelivery, or the same hours in another batch): then the
 * ledger entries of the whole rest are read (one BatchGet per 100) and every event applied before
 * is dropped as a duplicate, the state of the rest is read again and they go on as a batch; so
 * does a chunk that met a concurrent change (another batch moved one of its volunteers or shifts).
 * After BATCH_ROUNDS such reads the chunk is applied event by event (recordApproval).
 */
export const recordApprovalBatch = async (store: AggregateStore, events: readonly { readonly eventId: string; readonly hours: ApprovedHours }[]): Promise<BatchTally> => {
  const seen = new Set<string>();
  let pending = events.filter((e) => !seen.has(e.hours.hoursId) && seen.add(e.hours.hoursId));
  const result: BatchTally = { applied: 0, duplicates: events.length - pending.length, transactions: 0, fallbacks: 0 };
  let rounds = 0;
  const activities = new Map<string, Activity>();
  const shiftAttendances = new Map<string, number>();
  while (pending.length > 0) {
    let next = 0;
    let failed: { chunk: readonly { eventId: string }[]; duplicates: ReadonlySet<string> } | undefined;
    while (next < pending.length && !failed) {
      // The events that fit in a transaction; their volunteers and shifts read as they are now (a
      // concurrent batch may have moved them since the last chunk), and the chunk fitted again on that.
      const candidate = nextChunk(pending, next, activities, shiftAttendances, pending.length);
      const fresh = await store.loadMany(
        [...new Set(candidate.events.map((e) => e.entry.volunteerId))],
        [...new Set(candidate.events.flatMap((e) => attendanceShift(e.entry) ?? []))],
      );
      fresh.activities.forEach((activity, volunteerId) => activities.set(volunteerId, activity));
      fresh.shiftAttendances.forEach((n, shiftId) => shiftAttendances.set(shiftId, n));
      const chunk = nextChunk(pending, next, activities, shiftAttendances, candidate.events.length);
      result.transactions += 1;
      const outcome = await store.commitApprovalBatch(chunk);
      if (outcome === 'applied') {
        result.applied += chunk.events.length;
        next += chunk.events.length;
        // The next chunk starts from the versions and counts this one wrote.
        for (const [volunteerId, activity] of chunk.activities) activities.set(volunteerId, { ...activity, version: activity.version + 1 });
        for (const [shiftId, { added }] of chunk.shifts) shiftAttendances.set(shiftId, (shiftAttendances.get(shiftId) ?? 0) + added);
      } else {
        failed = { chunk: chunk.events, duplicates: new Set(outcome.duplicates) };
      }
    }
    if (!failed) break;
    result.fallbacks += 1;
    rounds += 1;
    const rest = pending.slice(next);
    if (failed.duplicates.size > 0) {
      // A redelivered batch, or batches that overlap: find every event of the rest applied before at once.
      const known = await store.appliedEntries(rest.map((e) => ({ orgId: e.hours.orgId, month: e.hours.date.slice(0, 7), hoursId: e.hours.hoursId })));
      pending = rest.filter((e) => !failed.duplicates.has(e.eventId) && !known.has(e.hours.hoursId));
      result.duplicates += rest.length - pending.length;
      continue;
    }
    if (rounds < BATCH_ROUNDS) {
      pending = rest;
      continue;
    }
    // Still contended after BATCH_ROUNDS reads: this chunk event by event (each reads and retries on its own), then the rest as a batch.
    for (const e of rest.slice(0, failed.chunk.length)) {
      if ((await recordApproval(store, e.eventId, e.hours)) === 'applied') result.applied += 1;
      else result.duplicates += 1;
    }
    pending = rest.slice(failed.chunk.length);
    rounds = 0;
  }
  return result;
};

/** The events from `start` that fit in one transaction, applied in memory in order. */
const nextChunk = (
  pending: readonly { readonly eventId: string; readonly hours: ApprovedHours }[],
  start: number,
  activities: ReadonlyMap<string, Activity>,
  shiftAttendances: ReadonlyMap<string, number>,
  limit: number,
) => {
  const events: { eventId: string; entry: HoursEntry; updates: CounterUpdate[] }[] = [];
  const chunkActivities = new Map<string, Activity>();
  const shifts = new Map<string, { added: number; wasZero: boolean }>();
  const counterKeys = new Set<string>();
  let items = 0;
  for (const { eventId, hours } of pending.slice(start, start + limit)) {
    const activity = chunkActivities.get(hours.volunteerId) ?? activities.get(hours.volunteerId) ?? emptyActivity;
    const shiftId = attendanceShift(hours);
    const pendingShift = shiftId ? shifts.get(shiftId) : undefined;
    const stored = shiftId ? (shiftAttendances.get(shiftId) ?? 0) : 0;
    const first = shiftId !== undefined && stored + (pendingShift?.added ?? 0) === 0;
    const applied = applyApproval(hours, activity, first);
    // Items this event adds: its entry, a new volunteer, a new shift, new counter items (a national period: one per shard at worst).
    const newItems =
      1 +
      (chunkActivities.has(hours.volunteerId) ? 0 : 1) +
      (shiftId && !shifts.has(shiftId) ? 1 : 0) +
      applied.updates.filter((u) => !counterKeys.has(counterKey(u))).reduce((n, u) => n + (u.scope.kind === 'national' ? NATIONAL_ITEMS_PER_PERIOD : 1), 0);
    if (events.length > 0 && items + newItems > MAX_TRANSACTION_ITEMS) break;
    items += newItems;
    events.push({ eventId, entry: applied.entry, updates: applied.updates });
    // The activity as it ends, with the version as read (the transaction's condition).
    chunkActivities.set(hours.volunteerId, { ...applied.activity, version: activity.version });
    if (shiftId) shifts.set(shiftId, { added: (pendingShift?.added ?? 0) + 1, wasZero: pendingShift ? pendingShift.wasZero : stored === 0 });
    for (const u of applied.updates) counterKeys.add(counterKey(u));
  }
  return { events, activities: chunkActivities, shifts };
};

/** Counter items are per scope and period; a national period may take one item per shard (storage shards it, the domain does not know how: at most 4). */
const NATIONAL_ITEMS_PER_PERIOD = 4;
const counterKey = (u: { scope: { kind: string; id?: string }; period: string }) => `${u.scope.kind}:${u.scope.id ?? ''}|${u.period}`;

export const recordReversal = async (store: AggregateStore, eventId: string, reversal: ReversedHours): Promise<RecordOutcome> => {
  const month = reversal.date.slice(0, 7);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const { entry, activity, shiftAttendances } = await store.loadForReversal(reversal.orgId, month, reversal.hoursId);
    if (!entry) throw new ApprovalNotAppliedYetError(reversal.hoursId);
    if (entry.reversalIds.includes(reversal.reversalId)) return 'duplicate';
    if (entry.minutes === 0) return 'skipped';
    const shiftId = attendanceShift(entry);
    const last = shiftId !== undefined && shiftAttendances <= 1;
    const applied = applyReversal(reversal, entry, activity, last);
    const outcome = await store.commitReversal({
      eventId,
      reversalId: reversal.reversalId,
      before: entry,
      entry: applied.entry,
      activity: applied.activity,
      ...(shiftId && { shift: { shiftId, last, emptied: applied.emptied } }),
      updates: applied.updates,
    });
    if (outcome !== 'stale') return outcome;
  }
  throw new AggregateContendedError(`reversal ${reversal.reversalId} met concurrent changes ${ATTEMPTS} times`);
};

export const recordRegistration = (store: AggregateStore, eventId: string, detail: { region: string; registeredAt: string }): Promise<RecordOutcome> =>
  store.commitCounters(eventId, 'VolunteerRegistered', applyRegistration(detail.region, riyadhMonth(detail.registeredAt)));

export const recordDepartment = async (
  store: AggregateStore,
  directory: OrganizationDirectory,
  eventId: string,
  detail: { orgId: string; departmentEstablishedAt: string },
): Promise<RecordOutcome> => {
  const location = await directory.location(detail.orgId);
  // An approved organisation always exists; without one there is nothing to place in a region.
  if (!location) return 'skipped';
  return store.commitCounters(eventId, 'OrganizationApproved', applyDepartment(location.region, riyadhMonth(detail.departmentEstablishedAt)));
};

/** OrganizationCertifiedManagerChanged: the organisations with a certified manager, nationally and in the organisation's region. */
export const recordCertifiedManager = async (
  store: AggregateStore,
  directory: OrganizationDirectory,
  eventId: string,
  detail: { orgId: string; hasCertifiedManager: boolean; changedAt: string },
): Promise<RecordOutcome> => {
  const location = await directory.location(detail.orgId);
  if (!location) return 'skipped';
  return store.commitCounters(eventId, 'OrganizationCertifiedManagerChanged', applyCertifiedManager(location.region, riyadhMonth(detail.changedAt), detail.hasCertifiedManager ? 1 : -1));
};

export const recordNoShow = (store: AggregateStore, eventId: string, detail: { orgId: string; date: string }): Promise<RecordOutcome> =>
  store.commitCounters(eventId, 'VolunteerNoShow', applyNoShow(detail.orgId, detail.date.slice(0, 7)));

/** NoShowDisputeDecided: upheld takes the no-show back from its shift's month (once per event); dismissed changes nothing. */
export const recordNoShowDispute = async (store: AggregateStore, eventId: string, detail: { orgId: string; date: string; outcome: 'upheld' | 'dismissed' }): Promise<RecordOutcome> =>
  detail.outcome === 'upheld' ? store.commitCounters(eventId, 'NoShowDisputeDecided', applyNoShow(detail.orgId, detail.date.slice(0, 7), -1)) : 'skipped';

export const recordBeneficiaries = async (
  store: AggregateStore,
  eventId: string,
  detail: { orgId: string; closedAt: string; beneficiaries?: number | undefined },
): Promise<RecordOutcome> => {
  const updates = applyBeneficiaries(detail.orgId, riyadhMonth(detail.closedAt), detail.beneficiaries ?? 0);
  return updates.length === 0 ? 'skipped' : store.commitCounters(eventId, 'OpportunityClosed', updates);
};
