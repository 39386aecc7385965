/** The ports of the impact area: what the domain needs from storage, mail and the other areas. */
import type { Activity } from './activity.js';
import type { AggregateScope, CounterUpdate, HoursEntry } from './aggregates.js';
import type { Month } from './months.js';
import type { NationalTarget, TargetInput } from './schema.js';

/** Counters of one scope: month → counters (summed over shards), and all-time counters. */
export interface ScopeCounters {
  readonly months: ReadonlyMap<Month, Readonly<Record<string, number>>>;
  readonly total: Readonly<Record<string, number>>;
}

export type CommitOutcome = 'applied' | 'duplicate' | 'stale';

export interface AggregateStore {
  /** The volunteer's activity and, with a shift, its approved attendances so far. */
  loadForApproval(volunteerId: string, shiftId: string | undefined): Promise<{ activity: Activity; shiftAttendances: number }>;
  /**
   * One transaction: the entry (condition: not there yet → else `duplicate`), the activity
   * (condition: version unchanged → else `stale`), the shift counter (condition: still on the
   * side of zero that was read → else `stale`) and every counter update.
   */
  commitApproval(input: {
    readonly eventId: string;
    readonly entry: HoursEntry;
    readonly activity: Activity;
    readonly shift?: { readonly shiftId: string; readonly first: boolean };
    readonly updates: readonly CounterUpdate[];
  }): Promise<CommitOutcome>;
  /** Activities of many volunteers and attendances of many shifts (a batch). */
  loadMany(volunteerIds: readonly string[], shiftIds: readonly string[]): Promise<{ activities: Map<string, Activity>; shiftAttendances: Map<string, number> }>;
  /**
   * A batch of approvals in one transaction: every entry (not there yet), each volunteer's
   * activity as it ends (its version as read), each shift's added attendances (still on the
   * side of zero that was read), and the counter updates of every event merged per item.
   * `applied`, or the events whose entry was there already (`duplicates`: applied before;
   * empty when the transaction failed on a concurrent change of a volunteer or shift).
   */
  commitApprovalBatch(input: {
    readonly events: readonly { readonly eventId: string; readonly entry: HoursEntry; readonly updates: readonly CounterUpdate[] }[];
    readonly activities: ReadonlyMap<string, Activity>;
    readonly shifts: ReadonlyMap<string, { readonly added: number; readonly wasZero: boolean }>;
  }): Promise<'applied' | { readonly duplicates: readonly string[] }>;
  /** The hours ids among these whose ledger entry exists (approvals applied before). */
  appliedEntries(entries: readonly { readonly orgId: string; readonly month: Month; readonly hoursId: string }[]): Promise<ReadonlySet<string>>;
  loadForReversal(orgId: string, month: Month, hoursId: string): Promise<{ entry: HoursEntry | undefined; activity: Activity; shiftAttendances: number }>;
  commitReversal(input: {
    readonly eventId: string;
    readonly reversalId: string;
    /** the entry as read (its minutes are the optimistic condition) and as it becomes */
    readonly before: HoursEntry;
    readonly entry: HoursEntry;
    readonly activity: Activity;
    readonly shift?: { readonly shiftId: string; readonly last: boolean; readonly emptied: boolean };
    readonly updates: readonly CounterUpdate[];
  }): Promise<CommitOutcome>;
  /** Counter updates guarded by the event's marker. */
  commitCounters(eventId: string, type: string, updates: readonly CounterUpdate[]): Promise<'applied' | 'duplicate'>;
  /**
   * Counters of a scope for [from, to], in one Query (the nation: its shards summed); without `to`, every month
   * from `from` on and the all-time counters too. `names`: only these counters (the others are not returned).
   */
  counters(scope: AggregateScope, from: Month, to?: Month, names?: readonly string[]): Promise<ScopeCounters>;
  /** Counters of every region (by region id) for [from, to] (or through the all-time ones), in one Query; `names`: only these counters. */
  regionCounters(from: Month, to?: Month, names?: readonly string[]): Promise<ReadonlyMap<string, ScopeCounters>>;
  /** The entries of an organisation-month as applied (the reconciliation's ledger). */
  ledger(orgId: string, month: Month): Promise<HoursEntry[]>;
}

export interface TargetStore {
  put(target: NationalTarget): Promise<void>;
  /** The target in force on a day (YYYY-MM-DD), if any. */
  inForce(day: string): Promise<NationalTarget | undefined>;
  history(): Promise<NationalTarget[]>;
}

export type { TargetInput };

/**
 * The hours area's own records of an organisation-month (the source of truth the aggregates are
 * built from): approved records with their minutes and frozen value, reversed ones at zero with
 * their reversal. `latestChange` is the newest `updatedAt` among them: a record changed in the
 * last minutes may not have reached the aggregates yet.
 */
export interface HoursLedger {
  entries(orgId: string, month: Month): Promise<{ entries: HoursEntry[]; latestChange?: string }>;
}

/** Where an organisation is (its city and region), from the organisations area. */
export interface OrganizationDirectory {
  location(orgId: string): Promise<{ city: string; region: string } | undefined>;
}
