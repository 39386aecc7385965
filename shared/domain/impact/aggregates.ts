/**
 * What each domain event adds to the impact aggregates (pure). The consumer reads the little
 * state an event needs (the volunteer's activity, the shift's counter, the hours entry), asks
 * this module for the counter updates, and the repository writes them all in one transaction
 * with the event's marker, so a redelivered event changes nothing.
 *
 * Aggregates are counters per scope (nation, region, city, organisation) and month (Riyadh).
 * Every counter is additive over months except the gap buckets `g1..g36`, which give distinct
 * volunteers over a range (activity.ts). Minutes per cause count an entry's minutes under each
 * of its causes, so they do not add up across causes.
 */
import { bucketCounter, bucketDeltas, withMinutes, type Activity, type ScopeKey } from './activity.js';
import type { Month } from './months.js';

export type AggregateScope =
  | { readonly kind: 'national' }
  | { readonly kind: 'region'; readonly id: string }
  | { readonly kind: 'city'; readonly id: string }
  | { readonly kind: 'organization'; readonly id: string };

/** `TOTAL`: all-time counters (registrations, organisations) next to the months. */
export type Period = Month | 'TOTAL';

export interface CounterUpdate {
  readonly scope: AggregateScope;
  readonly period: Period;
  readonly add: Readonly<Record<string, number>>;
}

/** Counter attribute names on an aggregate item. */
export const COUNTER = {
  minutes: 'min',
  /** value in halalas (SAR × 100, integers, so sums never drift) */
  valueHalalas: 'val',
  /** approved entries (an entry reversed in full is taken out) */
  entries: 'n',
  /** approved entries of kind `shift`: attendances */
  attended: 'att',
  noShows: 'ns',
  /** shifts with at least one approved attendance (organisations only) */
  shifts: 'sh',
  beneficiaries: 'ben',
  registered: 'reg',
  /** organisations whose volunteer department was established */
  organizations: 'org',
  /** organisations with a volunteer manager holding a valid certification (+1 when gained, −1 when lost) */
  certified: 'cm',
  reversals: 'rev',
} as const;
export const trackCounter = (track: string): string => `t_${track}`;
export const causeCounter = (cause: string): string => `c_${cause}`;

export const toHalalas = (sar: number): number => Math.round(sar * 100);

/** The facts of an approved hours entry the aggregates use (a subset of HoursApproved). */
export interface ApprovedHours {
  readonly hoursId: string;
  readonly volunteerId: string;
  readonly orgId: string;
  readonly shiftId?: string | undefined;
  readonly kind: 'shift' | 'claim';
  /** YYYY-MM-DD in Riyadh */
  readonly date: string;
  readonly minutes: number;
  readonly track: string;
  readonly causes: readonly string[];
  readonly city: string;
  readonly region: string;
  readonly valueSar: number;
  /** a disputed cut's extra minutes: the approved record they add to (the same attendance) */
  readonly disputeOf?: string | undefined;
}

/**
 * The shift whose attendance an entry is: none for a claim, and none for the extra minutes of a
 * disputed cut (`disputeOf`): the volunteer attended once, their first record counted it.
 */
export const attendanceShift = (e: { readonly kind: string; readonly shiftId?: string | undefined; readonly disputeOf?: string | undefined }): string | undefined =>
  e.kind === 'shift' && !e.disputeOf ? e.shiftId : undefined;

/** A reversal (a subset of HoursReversed). */
export interface ReversedHours {
  readonly hoursId: string;
  readonly reversalId: string;
  readonly volunteerId: string;
  readonly orgId: string;
  readonly minutes: number;
  readonly valueSar: number;
  readonly track: string;
  readonly causes: readonly string[];
  readonly city: string;
  readonly region: string;
  readonly date: string;
}

/** What the aggregates remember of an applied entry (the ledger the reconciliation recounts). */
export interface HoursEntry {
  readonly hoursId: string;
  readonly volunteerId: string;
  readonly orgId: string;
  readonly shiftId?: string | undefined;
  readonly kind: 'shift' | 'claim';
  readonly month: Month;
  readonly region: string;
  readonly city: string;
  readonly track: string;
  readonly causes: readonly string[];
  /** minutes still approved (after reversals) */
  readonly minutes: number;
  readonly valueHalalas: number;
  readonly reversalIds: readonly string[];
  readonly disputeOf?: string | undefined;
}

const scopeKeys = (e: { orgId: string; region: string; city: string }): Record<ScopeKey, AggregateScope> => ({
  n: { kind: 'national' },
  [`r:${e.region}`]: { kind: 'region', id: e.region },
  [`c:${e.city}`]: { kind: 'city', id: e.city },
  [`o:${e.orgId}`]: { kind: 'organization', id: e.orgId },
});

const scopeId = (scope: AggregateScope): string => (scope.kind === 'national' ? 'national' : `${scope.kind}:${scope.id}`);

/** Merges updates of the same item (a transaction may touch an item once). */
export const mergeUpdates = (updates: readonly CounterUpdate[]): CounterUpdate[] => {
  const merged = new Map<string, { scope: AggregateScope; period: Period; add: Record<string, number> }>();
  for (const u of updates) {
    const key = `${scopeId(u.scope)}|${u.period}`;
    const target = merged.get(key) ?? { scope: u.scope, period: u.period, add: {} };
    for (const [name, value] of Object.entries(u.add)) target.add[name] = (target.add[name] ?? 0) + value;
    merged.set(key, target);
  }
  return [...merged.values()]
    .map((u) => ({ ...u, add: Object.fromEntries(Object.entries(u.add).filter(([, v]) => v !== 0)) }))
    .filter((u) => Object.keys(u.add).length > 0);
};

const additive = (
  e: { orgId: string; region: string; city: string; track: string; causes: readonly string[] },
  month: Month,
  sign: 1 | -1,
  minutes: number,
  halalas: number,
  counts: Record<string, number>,
): CounterUpdate[] => {
  const add: Record<string, number> = {
    [COUNTER.minutes]: sign * minutes,
    [COUNTER.valueHalalas]: sign * halalas,
    [trackCounter(e.track)]: sign * minutes,
    ...Object.fromEntries([...new Set(e.causes)].map((c) => [causeCounter(c), sign * minutes])),
    ...counts,
  };
  return Object.values(scopeKeys(e)).map((scope) => ({ scope, period: month, add }));
};

const histogramUpdates = (before: Activity, after: Activity, scopes: Record<ScopeKey, AggregateScope>, known: (key: ScopeKey) => AggregateScope | undefined): CounterUpdate[] =>
  bucketDeltas(before, after).map((d) => {
    const scope = scopes[d.scope] ?? known(d.scope);
    if (!scope) throw new Error(`unknown activity scope ${d.scope}`);
    return { scope, period: d.month, add: { [bucketCounter(d.bucket)]: d.delta } };
  });

/** Any scope key back to its scope (for bucket moves in scopes the event itself does not name). */
export const scopeOfKey = (key: ScopeKey): AggregateScope | undefined => {
  if (key === 'n') return { kind: 'national' };
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (!id) return undefined;
  if (kind === 'r') return { kind: 'region', id };
  if (kind === 'c') return { kind: 'city', id };
  if (kind === 'o') return { kind: 'organization', id };
  return undefined;
};

export interface Applied {
  readonly activity: Activity;
  readonly updates: CounterUpdate[];
}

/**
 * An approval: minutes, value, entries, attendances (shift entries), tracks and causes in its
 * four scopes; the volunteer's activity and the gap buckets it moves; a new shift for the
 * organisation when this is the shift's first approved attendance (`firstOfShift`).
 */
export const applyApproval = (hours: ApprovedHours, activity: Activity, firstOfShift: boolean): Applied & { entry: HoursEntry } => {
  const month = hours.date.slice(0, 7);
  const scopes = scopeKeys(hours);
  const after = withMinutes(activity, month, Object.keys(scopes), hours.minutes);
  const halalas = toHalalas(hours.valueSar);
  const updates = [
    ...additive(hours, month, 1, hours.minutes, halalas, {
      [COUNTER.entries]: 1,
      ...(attendanceShift(hours) !== undefined && { [COUNTER.attended]: 1 }),
    }),
    ...(firstOfShift ? [{ scope: scopes[`o:${hours.orgId}`]!, period: month, add: { [COUNTER.shifts]: 1 } }] : []),
    ...histogramUpdates(activity, after, scopes, scopeOfKey),
  ];
  return {
    activity: after,
    updates: mergeUpdates(updates),
    entry: {
      hoursId: hours.hoursId,
      volunteerId: hours.volunteerId,
      orgId: hours.orgId,
      ...(hours.shiftId && { shiftId: hours.shiftId }),
      kind: hours.kind,
      month,
      region: hours.region,
      city: hours.city,
      track: hours.track,
      causes: [...hours.causes],
      minutes: hours.minutes,
      valueHalalas: halalas,
      reversalIds: [],
      ...(hours.disputeOf && { disputeOf: hours.disputeOf }),
    },
  };
};

/**
 * A reversal takes back minutes and value in the scopes of the original entry. When it takes
 * back every remaining minute, the entry (and its attendance) no longer counts, and the shift
 * loses it (`lastOfShift`: it was the shift's only approved attendance).
 */
export const applyReversal = (
  reversal: ReversedHours,
  entry: HoursEntry,
  activity: Activity,
  lastOfShift: boolean,
): Applied & { entry: HoursEntry; emptied: boolean } => {
  const minutes = Math.min(reversal.minutes, entry.minutes);
  const remaining = entry.minutes - minutes;
  const emptied = remaining === 0;
  const halalas = Math.min(toHalalas(reversal.valueSar), entry.valueHalalas);
  const scopes = scopeKeys(entry);
  const after = withMinutes(activity, entry.month, Object.keys(scopes), -minutes);
  const updates = [
    ...additive(entry, entry.month, -1, minutes, halalas, {
      [COUNTER.reversals]: 1,
      ...(emptied && { [COUNTER.entries]: -1 }),
      ...(emptied && attendanceShift(entry) !== undefined && { [COUNTER.attended]: -1 }),
    }),
    ...(emptied && lastOfShift ? [{ scope: scopes[`o:${entry.orgId}`]!, period: entry.month, add: { [COUNTER.shifts]: -1 } }] : []),
    ...histogramUpdates(activity, after, scopes, scopeOfKey),
  ];
  return {
    activity: after,
    updates: mergeUpdates(updates),
    emptied,
    entry: { ...entry, minutes: remaining, valueHalalas: entry.valueHalalas - halalas, reversalIds: [...entry.reversalIds, reversal.reversalId] },
  };
};

/** A new volunteer profile: registrations of its month and all-time, nationally and in its region. */
export const applyRegistration = (region: string, month: Month): CounterUpdate[] =>
  (['TOTAL', month] as const).flatMap((period) => [
    { scope: { kind: 'national' } as const, period, add: { [COUNTER.registered]: 1 } },
    { scope: { kind: 'region', id: region } as const, period, add: { [COUNTER.registered]: 1 } },
  ]);

/** An organisation's volunteer department was established (it was approved). */
export const applyDepartment = (region: string, month: Month): CounterUpdate[] =>
  (['TOTAL', month] as const).flatMap((period) => [
    { scope: { kind: 'national' } as const, period, add: { [COUNTER.organizations]: 1 } },
    { scope: { kind: 'region', id: region } as const, period, add: { [COUNTER.organizations]: 1 } },
  ]);

/** An organisation gained (+1) or lost (−1) its certified volunteer manager. */
export const applyCertifiedManager = (region: string, month: Month, delta: 1 | -1): CounterUpdate[] =>
  (['TOTAL', month] as const).flatMap((period) => [
    { scope: { kind: 'national' } as const, period, add: { [COUNTER.certified]: delta } },
    { scope: { kind: 'region', id: region } as const, period, add: { [COUNTER.certified]: delta } },
  ]);

/**
 * A no-show on one of the organisation's shifts (+1), or one taken back (−1) because the
 * managers upheld the volunteer's dispute: they were there. Their attendance and minutes come
 * with the approval of the hours the upheld dispute creates (HoursApproved, kind `shift`).
 */
export const applyNoShow = (orgId: string, month: Month, delta: 1 | -1 = 1): CounterUpdate[] => [
  { scope: { kind: 'organization', id: orgId }, period: month, add: { [COUNTER.noShows]: delta } },
];

/** Beneficiaries a manager reported when closing an opportunity. */
export const applyBeneficiaries = (orgId: string, month: Month, beneficiaries: number): CounterUpdate[] =>
  beneficiaries > 0 ? [{ scope: { kind: 'organization', id: orgId }, period: month, add: { [COUNTER.beneficiaries]: beneficiaries } }] : [];
