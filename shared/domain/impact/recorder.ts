/**
 * The write side of the impact aggregates: each domain event becomes counter updates applied
 * once (the consumer is thin; this is the rule). Optimistic: read the state, compute, commit
 * with conditions; `stale` means another event of the same volunteer or shift got in between,
 * so read again.
 */
import { applyApproval, applyBeneficiaries, applyCertifiedManager, applyDepartment, applyNoShow, applyRegistration, applyReversal, type ApprovedHours, type ReversedHours } from './aggregates.js';
import { emptyActivity, type Activity } from './activity.js';
import { AggregateContendedError, ApprovalNotAppliedYetError } from './errors.js';
import { riyadhMonth } from './months.js';
import type { AggregateStore, OrganizationDirectory } from './ports.js';

const ATTEMPTS = 8;

export type RecordOutcome = 'applied' | 'duplicate' | 'skipped';

export const recordApproval = async (store: AggregateStore, eventId: string, hours: ApprovedHours): Promise<RecordOutcome> => {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const { activity, shiftAttendances } = await store.loadForApproval(hours.volunteerId, hours.shiftId);
    const first = hours.shiftId !== undefined && shiftAttendances === 0;
    const { activity: after, updates, entry } = applyApproval(hours, activity, first);
    const outcome = await store.commitApproval({
      eventId,
      entry,
      activity: after,
      ...(hours.shiftId && { shift: { shiftId: hours.shiftId, first } }),
      updates,
    });
    if (outcome !== 'stale') return outcome;
  }
  throw new AggregateContendedError(`approval of hours ${hours.hoursId} met concurrent changes ${ATTEMPTS} times`);
};

/** Items one transaction may hold; a batch leaves room for its merged counters. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Many approvals at once (an SQS batch, the benchmark): read every volunteer and shift once,
 * apply the events in memory in order, and commit them in as few transactions as fit in 100
 * items, the counters of all events merged per item. A chunk that meets a duplicate or a
 * concurrent change is applied again event by event (recordApproval), which sorts out both.
 */
export const recordApprovalBatch = async (
  store: AggregateStore,
  events: readonly { readonly eventId: string; readonly hours: ApprovedHours }[],
  attempt = 0,
): Promise<{ applied: number; duplicates: number; transactions: number; fallbacks: number }> => {
  const seen = new Set<string>();
  const unique = events.filter((e) => !seen.has(e.hours.hoursId) && seen.add(e.hours.hoursId));
  const duplicatesInBatch = events.length - unique.length;
  const volunteerIds = [...new Set(unique.map((e) => e.hours.volunteerId))];
  const shiftIds = [...new Set(unique.flatMap((e) => (e.hours.shiftId ? [e.hours.shiftId] : [])))];
  const { activities, shiftAttendances } = await store.loadMany(volunteerIds, shiftIds);

  const result = { applied: 0, duplicates: duplicatesInBatch, transactions: 0, fallbacks: 0 };
  let chunk: { eventId: string; hours: ApprovedHours; entry: ReturnType<typeof applyApproval>['entry']; updates: ReturnType<typeof applyApproval>['updates'] }[] = [];
  let chunkActivities = new Map<string, Activity>();
  let chunkShifts = new Map<string, { added: number; wasZero: boolean }>();
  const counterKeys = new Set<string>();
  const counterSlots = () => [...counterKeys].reduce((n, key) => n + (key.startsWith('national') ? NATIONAL_ITEMS_PER_PERIOD : 1), 0);

  const flush = async () => {
    if (chunk.length === 0) return;
    result.transactions += 1;
    const outcome = await store.commitApprovalBatch({ events: chunk, activities: chunkActivities, shifts: chunkShifts });
    if (outcome === 'applied') {
      result.applied += chunk.length;
      // The next chunk expects the versions this one wrote.
      for (const [volunteerId, activity] of chunkActivities) activities.set(volunteerId, { ...activity, version: activity.version + 1 });
      for (const [shiftId, { added }] of chunkShifts) shiftAttendances.set(shiftId, (shiftAttendances.get(shiftId) ?? 0) + added);
    } else {
      result.fallbacks += 1;
      // Another batch moved one of these volunteers or shifts, or an event was applied before:
      // read again and retry the chunk as a batch, then event by event (which sorts duplicates out).
      const retry = attempt < 2 ? await recordApprovalBatch(store, chunk, attempt + 1) : undefined;
      if (retry) {
        result.applied += retry.applied;
        result.duplicates += retry.duplicates;
        result.transactions += retry.transactions;
        result.fallbacks += retry.fallbacks;
      } else {
        for (const e of chunk) {
          const outcome = await recordApproval(store, e.eventId, e.hours);
          if (outcome === 'applied') result.applied += 1;
          else result.duplicates += 1;
        }
      }
      const reread = await store.loadMany(volunteerIds, shiftIds);
      reread.activities.forEach((a, id) => activities.set(id, a));
      reread.shiftAttendances.forEach((n, id) => shiftAttendances.set(id, n));
    }
    chunk = [];
    chunkActivities = new Map();
    chunkShifts = new Map();
    counterKeys.clear();
  };

  for (const { eventId, hours } of unique) {
    const activity = chunkActivities.get(hours.volunteerId) ?? activities.get(hours.volunteerId) ?? emptyActivity;
    const pending = hours.shiftId ? chunkShifts.get(hours.shiftId) : undefined;
    const stored = hours.shiftId ? (shiftAttendances.get(hours.shiftId) ?? 0) : 0;
    const first = hours.shiftId !== undefined && stored + (pending?.added ?? 0) === 0;
    const applied = applyApproval(hours, activity, first);
    // Items this event adds to the chunk: its entry, a new volunteer, a new shift, new counter items (national ×4 shards at worst).
    const newItems =
      1 +
      (chunkActivities.has(hours.volunteerId) ? 0 : 1) +
      (hours.shiftId && !chunkShifts.has(hours.shiftId) ? 1 : 0) +
      applied.updates.filter((u) => !counterKeys.has(counterKey(u))).reduce((n, u) => n + (u.scope.kind === 'national' ? NATIONAL_ITEMS_PER_PERIOD : 1), 0);
    if (chunk.length > 0 && chunkItems(chunk.length, chunkActivities.size, chunkShifts.size, counterSlots()) + newItems > MAX_TRANSACTION_ITEMS) {
      await flush();
      return recordApprovalBatchRest(store, unique.slice(unique.findIndex((e) => e.eventId === eventId)), result);
    }
    chunk.push({ eventId, hours, entry: applied.entry, updates: applied.updates });
    chunkActivities.set(hours.volunteerId, { ...applied.activity, version: activity.version });
    if (hours.shiftId) chunkShifts.set(hours.shiftId, { added: (pending?.added ?? 0) + 1, wasZero: pending ? pending.wasZero : stored === 0 });
    for (const u of applied.updates) counterKeys.add(counterKey(u));
  }
  await flush();
  return result;
};

const chunkItems = (entries: number, volunteers: number, shifts: number, counters: number) => entries + volunteers + shifts + counters;

/** Counter items are per scope and period; a national period may take one item per shard (storage shards it, the domain does not know how: at most 4). */
const NATIONAL_ITEMS_PER_PERIOD = 4;
const counterKey = (u: { scope: { kind: string; id?: string }; period: string }) => `${u.scope.kind}:${u.scope.id ?? ''}|${u.period}`;

/** The rest of a batch after a full chunk: read again (state moved) and carry on, adding to the same tally. */
const recordApprovalBatchRest = async (
  store: AggregateStore,
  rest: readonly { readonly eventId: string; readonly hours: ApprovedHours }[],
  tally: { applied: number; duplicates: number; transactions: number; fallbacks: number },
) => {
  const next = await recordApprovalBatch(store, rest);
  return {
    applied: tally.applied + next.applied,
    duplicates: tally.duplicates + next.duplicates,
    transactions: tally.transactions + next.transactions,
    fallbacks: tally.fallbacks + next.fallbacks,
  };
};

export const recordReversal = async (store: AggregateStore, eventId: string, reversal: ReversedHours): Promise<RecordOutcome> => {
  const month = reversal.date.slice(0, 7);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const { entry, activity, shiftAttendances } = await store.loadForReversal(reversal.orgId, month, reversal.hoursId);
    if (!entry) throw new ApprovalNotAppliedYetError(reversal.hoursId);
    if (entry.reversalIds.includes(reversal.reversalId)) return 'duplicate';
    if (entry.minutes === 0) return 'skipped';
    const last = entry.shiftId !== undefined && shiftAttendances <= 1;
    const applied = applyReversal(reversal, entry, activity, last);
    const outcome = await store.commitReversal({
      eventId,
      reversalId: reversal.reversalId,
      before: entry,
      entry: applied.entry,
      activity: applied.activity,
      ...(entry.shiftId && { shift: { shiftId: entry.shiftId, last, emptied: applied.emptied } }),
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
