/**
 * Distinct volunteers without recounting: gap histograms.
 *
 * A volunteer is active in a month of a scope (the nation, a region, a city, an organisation)
 * when they have approved minutes there that month. For every active month X we count the
 * volunteer once in bucket `g<gap>` of X, where gap = X − (their previous active month in that
 * scope), capped at GAP_CAP (also for the first active month ever). Then, for any range of
 * months [a, b] no longer than GAP_CAP:
 *
 *     distinct volunteers in [a, b] = Σ_{X=a..b} Σ_{g > X−a} h_X[g]
 *
 * (each volunteer is counted at their first active month inside the range, exactly once).
 * So monthly actives, "active in the last 12 months", quarters and retention (active in a
 * quarter and in the next one = A(Q) + A(Q+1) − A(Q ∪ Q+1)) all come from the same
 * histograms, read over at most 36 months. Adding or removing one active month of a volunteer
 * changes at most two buckets per scope (its own and the next active month's), so an event
 * costs O(1) counter updates and nothing is ever recounted.
 *
 * The per-volunteer state needed for that (`Activity`) is their minutes per scope and month,
 * kept for KEEP_MONTHS. Pure; the repository stores it in one small item per volunteer.
 */
import { addMonths, monthIndex, type Month } from './months.js';

/** Gaps of 36 months or more, and first active months, share the last bucket. */
export const GAP_CAP = 36;
/** Months of history kept per volunteer: changes older than KEEP_MONTHS − GAP_CAP before the latest active month may miscount (never happens in practice: hours are approved within weeks). */
export const KEEP_MONTHS = 60;

/** `n` (national), `r:<region>`, `c:<city>`, `o:<orgId>`. */
export type ScopeKey = string;

export interface Activity {
  /** minutes per scope key and month; absent = 0 */
  readonly months: Readonly<Record<ScopeKey, Readonly<Record<Month, number>>>>;
  /** Optimistic-concurrency version of the stored item (0 = none yet). */
  readonly version: number;
}

export const emptyActivity: Activity = { months: {}, version: 0 };

export interface BucketDelta {
  readonly scope: ScopeKey;
  readonly month: Month;
  readonly bucket: number;
  readonly delta: number;
}

/** month → bucket of each active month of one scope. */
export const gapBuckets = (minutes: Readonly<Record<Month, number>>): Map<Month, number> => {
  const active = Object.keys(minutes)
    .filter((m) => (minutes[m] ?? 0) > 0)
    .sort();
  const out = new Map<Month, number>();
  let previous: number | undefined;
  for (const month of active) {
    const index = monthIndex(month);
    out.set(month, previous === undefined ? GAP_CAP : Math.min(GAP_CAP, index - previous));
    previous = index;
  }
  return out;
};

/** The bucket changes that turn the histograms of `before` into those of `after`, scope by scope. */
export const bucketDeltas = (before: Activity, after: Activity): BucketDelta[] => {
  const deltas: BucketDelta[] = [];
  const scopes = new Set([...Object.keys(before.months), ...Object.keys(after.months)]);
  for (const scope of [...scopes].sort()) {
    const was = gapBuckets(before.months[scope] ?? {});
    const now = gapBuckets(after.months[scope] ?? {});
    for (const month of new Set([...was.keys(), ...now.keys()])) {
      const b0 = was.get(month);
      const b1 = now.get(month);
      if (b0 === b1) continue;
      if (b0 !== undefined) deltas.push({ scope, month, bucket: b0, delta: -1 });
      if (b1 !== undefined) deltas.push({ scope, month, bucket: b1, delta: +1 });
    }
  }
  return deltas;
};

/** Adds (or, negative, takes back) minutes in some scopes of one month; drops history older than KEEP_MONTHS. */
export const withMinutes = (activity: Activity, month: Month, scopes: readonly ScopeKey[], minutes: number): Activity => {
  const months: Record<ScopeKey, Record<Month, number>> = {};
  for (const [scope, byMonth] of Object.entries(activity.months)) months[scope] = { ...byMonth };
  for (const scope of scopes) {
    const byMonth = (months[scope] ??= {});
    const next = Math.max(0, (byMonth[month] ?? 0) + minutes);
    if (next > 0) byMonth[month] = next;
    else delete byMonth[month];
  }
  const latest = Object.values(months)
    .flatMap((byMonth) => Object.keys(byMonth))
    .sort()
    .at(-1);
  if (latest) {
    const oldest = addMonths(latest, -KEEP_MONTHS);
    for (const scope of Object.keys(months)) {
      for (const month of Object.keys(months[scope]!)) if (month < oldest) delete months[scope]![month];
      if (Object.keys(months[scope]!).length === 0) delete months[scope];
    }
  }
  return { months, version: activity.version };
};

/** Counter attribute of bucket `g`. */
export const bucketCounter = (bucket: number): string => `g${bucket}`;

/**
 * Distinct volunteers active in [from, to] (≤ GAP_CAP months) from the monthly histograms.
 * `counters(month)` gives the counters of one month of one scope (missing → empty).
 */
export const distinctVolunteers = (counters: (month: Month) => Readonly<Record<string, number>> | undefined, from: Month, to: Month): number => {
  const span = monthIndex(to) - monthIndex(from);
  if (span < 0) return 0;
  if (span >= GAP_CAP) throw new Error(`a distinct count spans at most ${GAP_CAP} months, got ${from}..${to}`);
  let total = 0;
  for (let d = 0; d <= span; d++) {
    const month = addMonths(from, d);
    const c = counters(month);
    if (!c) continue;
    for (let g = d + 1; g <= GAP_CAP; g++) total += c[bucketCounter(g)] ?? 0;
  }
  return total;
};
