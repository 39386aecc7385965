/**
 * The ledger's arithmetic, pure: the entry an hours event makes, the running totals it moves,
 * and a recount of totals from entries (what the test compares the running totals with).
 */
import type { LedgerEntry, TotalDimension, TotalRow } from './schema.js';

/** The fields of `HoursApproved` the register reads (COORDINATION.md contract). */
export interface HoursApprovedFacts {
  readonly hoursId: string;
  readonly volunteerId: string;
  readonly orgId: string;
  readonly opportunityId: string;
  readonly date: string;
  readonly minutes: number;
  readonly valueSar: number;
  readonly track: LedgerEntry['track'];
  readonly causes: readonly string[];
  readonly approvedAt: string;
}

/** The fields of `HoursReversed` the register reads. */
export interface HoursReversedFacts {
  readonly hoursId: string;
  readonly reversalId: string;
  readonly volunteerId: string;
  readonly orgId: string;
  readonly opportunityId: string;
  readonly date: string;
  readonly minutes: number;
  readonly valueSar: number;
  readonly track: LedgerEntry['track'];
  readonly causes: readonly string[];
  readonly reversedAt: string;
}

export const toHalalas = (sar: number): number => Math.round(sar * 100);
export const toSar = (halalas: number): number => halalas / 100;

export const approvalEntry = (eventId: string, detail: HoursApprovedFacts, recordedAt: Date): LedgerEntry => ({
  eventId,
  kind: 'approval',
  hoursId: detail.hoursId,
  volunteerId: detail.volunteerId,
  orgId: detail.orgId,
  opportunityId: detail.opportunityId,
  date: detail.date,
  minutes: detail.minutes,
  valueHalalas: toHalalas(detail.valueSar),
  track: detail.track,
  causes: [...new Set(detail.causes)],
  at: detail.approvedAt,
  recordedAt: recordedAt.toISOString(),
});

/** A reversal is its own entry: the minutes and value taken back, negative. */
export const reversalEntry = (eventId: string, detail: HoursReversedFacts, recordedAt: Date): LedgerEntry => ({
  eventId,
  kind: 'reversal',
  hoursId: detail.hoursId,
  reversalId: detail.reversalId,
  volunteerId: detail.volunteerId,
  orgId: detail.orgId,
  opportunityId: detail.opportunityId,
  date: detail.date,
  minutes: -Math.abs(detail.minutes),
  valueHalalas: -Math.abs(toHalalas(detail.valueSar)),
  track: detail.track,
  causes: [...new Set(detail.causes)],
  at: detail.reversedAt,
  recordedAt: recordedAt.toISOString(),
});

export interface TotalKey {
  readonly dimension: TotalDimension;
  readonly value: string;
}

/** The running totals one entry moves: the grand total, its organisation, year, track and each cause. */
export const totalKeys = (entry: Pick<LedgerEntry, 'orgId' | 'date' | 'track' | 'causes'>): TotalKey[] => [
  { dimension: 'all', value: 'all' },
  { dimension: 'org', value: entry.orgId },
  { dimension: 'year', value: entry.date.slice(0, 4) },
  { dimension: 'track', value: entry.track },
  ...[...new Set(entry.causes)].map((cause) => ({ dimension: 'cause' as const, value: cause })),
];

const rowId = (key: TotalKey) => `${key.dimension}#${key.value}`;

/** Totals recomputed from scratch from the entries (sorted by dimension, then value). */
export const recount = (entries: readonly LedgerEntry[]): TotalRow[] => {
  const rows = new Map<string, TotalRow>();
  for (const entry of entries) {
    for (const key of totalKeys(entry)) {
      const row = rows.get(rowId(key)) ?? { ...key, minutes: 0, valueHalalas: 0, entries: 0 };
      rows.set(rowId(key), { ...row, minutes: row.minutes + entry.minutes, valueHalalas: row.valueHalalas + entry.valueHalalas, entries: row.entries + 1 });
    }
  }
  return sortTotals([...rows.values()]);
};

export const sortTotals = (rows: readonly TotalRow[]): TotalRow[] =>
  [...rows].sort((a, b) => a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
