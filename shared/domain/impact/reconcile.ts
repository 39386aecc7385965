/**
 * Reconciliation: recount a sample of organisation-months and compare with the incremental
 * counters, from two sources:
 * - `hours`: the hours area's own records (approved, reversed): what the aggregates must say.
 *   This finds what the aggregates never saw (a lost or dead-lettered event) as well as wrong
 *   arithmetic. An organisation-month with a record changed after `settledBefore` is skipped for
 *   this source (its event may still be on its way).
 * - `ledger`: the aggregates' own ledger of applied entries: finds counters that drifted from
 *   what was applied (a manual edit, a partial write).
 * Any difference is drift: the job reports it as the `ImpactAggregateDrift` metric, which alarms.
 */
import type { Month } from './months.js';
import type { AggregateStore, HoursLedger } from './ports.js';
import { comparable, monthlyVolunteers, recountHours } from './recount.js';

/** Counters the ledger of one organisation-month determines (gap buckets need other months: only their sum is checked). */
const additive = (name: string) => !/^g\d+$/.test(name) && name !== 'ns' && name !== 'ben';

export interface Drift {
  readonly orgId: string;
  readonly month: Month;
  /** Which recount disagrees with the counters. */
  readonly source: 'hours' | 'ledger';
  readonly expected: Record<string, number>;
  readonly actual: Record<string, number>;
}

export const reconcile = async (
  store: AggregateStore,
  orgIds: readonly string[],
  months: readonly Month[],
  hours?: { readonly ledger: HoursLedger; readonly settledBefore: Date },
): Promise<{ checked: number; drifts: Drift[]; unsettled: number }> => {
  const drifts: Drift[] = [];
  let checked = 0;
  let unsettled = 0;
  const figures = (counters: Readonly<Record<string, number>> | undefined) => ({ ...comparable(counters, additive), volunteers: monthlyVolunteers(counters) });
  for (const orgId of orgIds) {
    for (const month of months) {
      const cell = `organization:${orgId}|${month}`;
      const actual = figures((await store.counters({ kind: 'organization', id: orgId }, month, month)).months.get(month));
      const fromLedger = figures(recountHours(await store.ledger(orgId, month)).get(cell));
      checked += 1;
      if (JSON.stringify(fromLedger) !== JSON.stringify(actual)) drifts.push({ orgId, month, source: 'ledger', expected: fromLedger, actual });
      if (!hours) continue;
      const { entries, latestChange } = await hours.ledger.entries(orgId, month);
      if (latestChange && latestChange >= hours.settledBefore.toISOString()) {
        unsettled += 1;
        continue;
      }
      const fromHours = figures(recountHours(entries).get(cell));
      if (JSON.stringify(fromHours) !== JSON.stringify(actual)) drifts.push({ orgId, month, source: 'hours', expected: fromHours, actual });
    }
  }
  return { checked, drifts, unsettled };
};

/** Up to `size` distinct items, chosen at random. */
export const sample = <T>(items: readonly T[], size: number, random: () => number = Math.random): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, size);
};
