import { describe, expect, it } from 'vitest';
import { bucketDeltas, distinctVolunteers, emptyActivity, gapBuckets, withMinutes, type Activity } from '../../shared/domain/impact/activity.js';
import { addMonths, monthRange, quarterOf, riyadhMonth } from '../../shared/domain/impact/months.js';
import { prng } from '../helpers/impact-events.js';

describe('gap histograms', () => {
  it('give the exact number of distinct volunteers over any range of up to 36 months', () => {
    const random = prng(3);
    const months = monthRange('2024-01', '2026-12');
    // 200 volunteers with random active months; histograms built incrementally, in random order, with removals.
    const histogram = new Map<string, Record<string, number>>();
    const truth = new Map<string, Set<string>>();
    for (let v = 0; v < 200; v++) {
      let activity: Activity = emptyActivity;
      const active = new Set<string>();
      for (let k = 0; k < 12; k++) {
        const month = months[Math.floor(random() * months.length)]!;
        const remove = active.has(month) && random() < 0.3;
        const next = withMinutes(activity, month, ['n'], remove ? -1_000_000 : 60);
        for (const d of bucketDeltas(activity, next)) {
          const cell = histogram.get(d.month) ?? histogram.set(d.month, {}).get(d.month)!;
          cell[`g${d.bucket}`] = (cell[`g${d.bucket}`] ?? 0) + d.delta;
        }
        activity = next;
        if (remove) active.delete(month);
        else active.add(month);
      }
      for (const month of active) (truth.get(month) ?? truth.set(month, new Set()).get(month)!).add(`v${v}`);
    }
    const ranges = [['2024-01', '2024-12'], ['2025-03', '2025-03'], ['2024-06', '2026-05'], ['2025-10', '2026-12']] as const;
    const counted = ranges.map(([from, to]) => distinctVolunteers((m) => histogram.get(m), from, to));
    const expected = ranges.map(([from, to]) => new Set(monthRange(from, to).flatMap((m) => [...(truth.get(m) ?? [])])).size);
    expect(counted).toEqual(expected);
  });

  it('puts a first active month in the last bucket and a return after two months in bucket 2', () => {
    expect([...gapBuckets({ '2026-01': 30, '2026-03': 15 })]).toEqual([
      ['2026-01', 36],
      ['2026-03', 2],
    ]);
  });

  it('refuses a distinct count over more than 36 months', () => {
    expect(() => distinctVolunteers(() => undefined, '2020-01', '2023-01')).toThrow(/at most 36/);
  });
});

describe('impact months', () => {
  it('places an instant in its Riyadh month', () => {
    expect([riyadhMonth('2026-03-31T20:59:59Z'), riyadhMonth('2026-03-31T21:00:00Z')]).toEqual(['2026-03', '2026-04']);
  });

  it('does month arithmetic across years and names quarters', () => {
    expect([addMonths('2026-01', -1), addMonths('2025-12', 1), quarterOf('2026-05')]).toEqual(['2025-12', '2026-01', '2026-Q2']);
  });
});
