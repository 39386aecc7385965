/**
 * What the national view reads (issue 16, views p99): each scope from min(from, to − 11) only —
 * 11 months more only for the national figures of each month (`groupBy=month`). Every item read
 * costs: a 24-month view by region read 13 × 36 region items before, 13 × 25 now. And every
 * request costs: the nation (all its shards) is one read, every region together is one more.
 */
import { describe, expect, it } from 'vitest';
import type { AggregateScope } from '../../shared/domain/impact/aggregates.js';
import type { Month } from '../../shared/domain/impact/months.js';
import type { AggregateStore, TargetStore } from '../../shared/domain/impact/ports.js';
import { nationalReport } from '../../shared/domain/impact/views.js';

const recording = () => {
  const reads: string[] = [];
  const projections: (readonly string[] | undefined)[] = [];
  const store = {
    async counters(scope: AggregateScope, from: Month, to?: Month, names?: readonly string[]) {
      reads.push(`${scope.kind}${'id' in scope ? `:${scope.id}` : ''} ${from}..${to ?? 'TOTAL'}`);
      projections.push(names);
      return { months: new Map(), total: {} };
    },
    async regionCounters(from: Month, to?: Month, names?: readonly string[]) {
      reads.push(`regions ${from}..${to ?? 'TOTAL'}`);
      projections.push(names);
      return new Map();
    },
  } as unknown as AggregateStore;
  const targets = { inForce: async () => undefined } as unknown as TargetStore;
  return { reads, projections, deps: { store, targets } };
};

describe('national view reads', () => {
  it('reads the nation and every region in two reads from the start of a 24-month range, through TOTAL', async () => {
    const { reads, deps } = recording();

    await nationalReport(deps, { from: '2024-12', to: '2026-11' }, 'region');

    expect(reads).toEqual(['national 2024-12..TOTAL', 'regions 2024-12..TOTAL']);
    expect(new Set(reads.map((r) => r.split(' ')[1]))).toEqual(new Set(['2024-12..TOTAL']));
  });

  it('asks the nation and the regions only for the counters of the national figures (not the causes, tracks or entries)', async () => {
    const { projections, deps } = recording();

    await nationalReport(deps, { from: '2024-12', to: '2026-11' }, 'region');

    for (const names of projections) {
      expect(names).toEqual(expect.arrayContaining(['min', 'val', 't_professional', 'reg', 'org', 'cm', 'g1', 'g36']));
      expect(names!.filter((n) => n.startsWith('c_') || n === 'n' || n === 'att' || n === 't_general')).toEqual([]);
    }
    expect(projections).toHaveLength(2);
  });

  it('reads the 12 months before `to` for a short range (rolling actives), and 11 months before `from` by month', async () => {
    const short = recording();
    const perMonth = recording();

    await nationalReport(short.deps, { from: '2026-10', to: '2026-11' }, 'region');
    await nationalReport(perMonth.deps, { from: '2024-12', to: '2026-11' }, 'month');

    expect(new Set(short.reads.map((r) => r.split(' ')[1]))).toEqual(new Set(['2025-12..TOTAL']));
    expect(perMonth.reads).toEqual(['national 2024-01..TOTAL']);
  });
});
