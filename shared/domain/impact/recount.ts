/**
 * Recount of the aggregates from the ledger of hours entries (what the reconciliation job and
 * the tests compare the incremental counters with). Never on a request path.
 */
import { bucketCounter, gapBuckets, GAP_CAP } from './activity.js';
import { attendanceShift, causeCounter, COUNTER, trackCounter, type HoursEntry } from './aggregates.js';
import type { Month } from './months.js';

export type CounterTable = Map<string, Record<string, number>>;

/** `national|2026-03`, `region:riyadh|2026-03`, `organization:<id>|2026-03`… */
export const cellKey = (scope: string, month: Month): string => `${scope}|${month}`;

const scopesOf = (e: HoursEntry): string[] => ['national', `region:${e.region}`, `city:${e.city}`, `organization:${e.orgId}`];

const bump = (table: CounterTable, key: string, name: string, value: number) => {
  if (value === 0) return;
  const cell = table.get(key) ?? table.set(key, {}).get(key)!;
  cell[name] = (cell[name] ?? 0) + value;
};

/** Entries whose reversals took back every minute no longer count as entries. */
const counts = (e: HoursEntry): boolean => !(e.minutes === 0 && e.reversalIds.length > 0);

/** Every hours counter of every scope-month, recounted from the entries as they stand. */
export const recountHours = (entries: readonly HoursEntry[]): CounterTable => {
  const table: CounterTable = new Map();
  const minutesBy = new Map<string, Map<string, Record<Month, number>>>(); // scope → volunteer → month → minutes
  const shifts = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const scope of scopesOf(e)) {
      const key = cellKey(scope, e.month);
      bump(table, key, COUNTER.minutes, e.minutes);
      bump(table, key, COUNTER.valueHalalas, e.valueHalalas);
      bump(table, key, trackCounter(e.track), e.minutes);
      for (const cause of new Set(e.causes)) bump(table, key, causeCounter(cause), e.minutes);
      bump(table, key, COUNTER.reversals, e.reversalIds.length);
      if (counts(e)) {
        bump(table, key, COUNTER.entries, 1);
        if (attendanceShift(e) !== undefined) bump(table, key, COUNTER.attended, 1);
      }
      const volunteers = minutesBy.get(scope) ?? minutesBy.set(scope, new Map()).get(scope)!;
      const months = volunteers.get(e.volunteerId) ?? volunteers.set(e.volunteerId, {}).get(e.volunteerId)!;
      months[e.month] = (months[e.month] ?? 0) + e.minutes;
    }
    const shiftId = attendanceShift(e);
    if (shiftId && counts(e)) {
      const key = cellKey(`organization:${e.orgId}`, e.month);
      (shifts.get(key) ?? shifts.set(key, new Set()).get(key)!).add(shiftId);
    }
  }
  for (const [key, set] of shifts) bump(table, key, COUNTER.shifts, set.size);
  for (const [scope, volunteers] of minutesBy) {
    for (const months of volunteers.values()) {
      for (const [month, bucket] of gapBuckets(months)) bump(table, cellKey(scope, month), bucketCounter(bucket), 1);
    }
  }
  return table;
};

/** The counters of one cell that a recount can check (zeros dropped, so absent = 0). */
export const comparable = (counters: Readonly<Record<string, number>> | undefined, names?: (name: string) => boolean): Record<string, number> =>
  Object.fromEntries(
    Object.entries(counters ?? {})
      .filter(([name, value]) => value !== 0 && (names ? names(name) : true))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Distinct volunteers of a month: the sum of its gap buckets. */
export const monthlyVolunteers = (counters: Readonly<Record<string, number>> | undefined): number => {
  let total = 0;
  for (let g = 1; g <= GAP_CAP; g++) total += counters?.[bucketCounter(g)] ?? 0;
  return total;
};
