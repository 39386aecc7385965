/**
 * Reconciliation: recount a sample of organisation-months from the ledger of applied hours
 * entries and compare with the incremental counters. Any difference is drift (a bug, a manual
 * edit, a lost write): the job reports it as the `ImpactAggregateDrift` metric, which alarms.
 */
import type { Month } from './months.js';
import type { AggregateStore } from './ports.js';
import { comparable, monthlyVolunteers, recountHours } from './recount.js';

/** Counters the ledger of one organisation-month determines (gap buckets need other months: only their sum is checked). */
const additive = (name: string) => !/^g\d+$/.test(name) && name !== 'ns' && name !== 'ben';

export interface Drift {
  readonly orgId: string;
  readonly month: Month;
  readonly expected: Record<string, number>;
  readonly actual: Record<string, number>;
}

export const reconcile = async (store: AggregateStore, orgIds: readonly string[], months: readonly Month[]): Promise<{ checked: number; drifts: Drift[] }> => {
  const drifts: Drift[] = [];
  let checked = 0;
  for (const orgId of orgIds) {
    for (const month of months) {
      const entries = await store.ledger(orgId, month);
      const counted = recountHours(entries).get(`organization:${orgId}|${month}`);
      const stored = (await store.counters({ kind: 'organization', id: orgId }, month, month)).months.get(month);
      const expected = { ...comparable(counted, additive), volunteers: monthlyVolunteers(counted) };
      const actual = { ...comparable(stored, additive), volunteers: monthlyVolunteers(stored) };
      checked += 1;
      if (JSON.stringify(expected) !== JSON.stringify(actual)) drifts.push({ orgId, month, expected, actual });
    }
  }
  return { checked, drifts };
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
