/**
 * Company contribution reports, built incrementally from HoursApproved / HoursReversed (the
 * CompanyHours consumer) and never recounted on read. Hours count for the company their
 * volunteer belonged to when they were approved (or the `companyId` the event carries); a
 * reversal takes them back from that same company, even after the volunteer left.
 *
 * Counters per company and month (sharded by volunteer): minutes, value (halalas), entries,
 * minutes per cause (`c_<cause>`) and per organisation (`o_<orgId>`), and the gap buckets of
 * impact's activity histograms (shared/domain/impact/activity.ts), from which distinct
 * participants over any range of ≤ 36 months follow exactly.
 */
import { adminsCompany, type Caller } from '../caller.js';
import { NotFoundError } from '../errors.js';
import { bucketCounter, bucketDeltas, distinctVolunteers, withMinutes, type Activity } from '../impact/activity.js';
import { toCsv } from '../impact/csv.js';
import { InvalidRangeError } from '../impact/errors.js';
import { addMonths, monthIndex, monthRange, riyadhMonth, type Month } from '../impact/months.js';
import { causes } from '../reference/causes.js';
import type { CompanyReport } from './schema.js';

/** One company's activity scope key (an activity item holds one volunteer in one company). */
const SCOPE = 'k';
export const MAX_REPORT_MONTHS = 24;

export const COUNTER = { minutes: 'min', valueHalalas: 'val', entries: 'n' } as const;
export const causeCounter = (cause: string) => `c_${cause}`;
export const orgCounter = (orgId: string) => `o_${orgId}`;

/** What the company keeps of one approved hours entry (the ledger a recount reads). */
export interface ContributionEntry {
  readonly hoursId: string;
  readonly companyId: string;
  readonly volunteerId: string;
  readonly orgId: string;
  readonly month: Month;
  readonly causes: readonly string[];
  /** minutes still approved (after reversals) */
  readonly minutes: number;
  readonly valueHalalas: number;
  readonly reversalIds: readonly string[];
}

export interface MonthUpdate {
  readonly month: Month;
  readonly add: Readonly<Record<string, number>>;
}

const merge = (updates: readonly MonthUpdate[]): MonthUpdate[] => {
  const byMonth = new Map<Month, Record<string, number>>();
  for (const u of updates) {
    const add = byMonth.get(u.month) ?? {};
    for (const [k, v] of Object.entries(u.add)) add[k] = (add[k] ?? 0) + v;
    byMonth.set(u.month, add);
  }
  return [...byMonth.entries()]
    .map(([month, add]) => ({ month, add: Object.fromEntries(Object.entries(add).filter(([, v]) => v !== 0)) }))
    .filter((u) => Object.keys(u.add).length > 0);
};

const change = (entry: Pick<ContributionEntry, 'month' | 'causes' | 'orgId'>, sign: 1 | -1, minutes: number, halalas: number, entries: number, before: Activity) => {
  const after = withMinutes(before, entry.month, [SCOPE], sign * minutes);
  const additive: MonthUpdate = {
    month: entry.month,
    add: {
      [COUNTER.minutes]: sign * minutes,
      [COUNTER.valueHalalas]: sign * halalas,
      [COUNTER.entries]: entries,
      [orgCounter(entry.orgId)]: sign * minutes,
      ...Object.fromEntries([...new Set(entry.causes)].map((c) => [causeCounter(c), sign * minutes])),
    },
  };
  const buckets = bucketDeltas(before, after).map((d) => ({ month: d.month, add: { [bucketCounter(d.bucket)]: d.delta } }));
  return { activity: after, updates: merge([additive, ...buckets]) };
};

export const applyApproval = (entry: ContributionEntry, activity: Activity) => change(entry, 1, entry.minutes, entry.valueHalalas, 1, activity);

/** Takes back `minutes` (and their share of the value) of an entry; the entry leaves the count when nothing is left. */
export const applyReversal = (entry: ContributionEntry, reversalId: string, minutes: number, activity: Activity) => {
  const taken = Math.min(minutes, entry.minutes);
  const halalas = entry.minutes === 0 ? 0 : Math.round((entry.valueHalalas * taken) / entry.minutes);
  const after: ContributionEntry = { ...entry, minutes: entry.minutes - taken, valueHalalas: entry.valueHalalas - halalas, reversalIds: [...entry.reversalIds, reversalId] };
  return { entry: after, ...change(entry, -1, taken, halalas, after.minutes === 0 ? -1 : 0, activity) };
};

export interface ContributionReads {
  /** Counters per month (shards summed) for [from, to]. */
  months(companyId: string, from: Month, to: Month): Promise<ReadonlyMap<Month, Readonly<Record<string, number>>>>;
  counts(companyId: string): Promise<{ current: number; joined: number }>;
  company(companyId: string): Promise<{ status: string } | undefined>;
}

const sar = (halalas: number) => Math.round(halalas) / 100;

export const resolveReportRange = (range: { from?: string | undefined; to?: string | undefined }, now: Date): { from: Month; to: Month } => {
  const to = range.to ?? riyadhMonth(now);
  const from = range.from ?? addMonths(to, -11);
  if (from > to) throw new InvalidRangeError(`from ${from} is after to ${to}`, 'from');
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_REPORT_MONTHS) throw new InvalidRangeError(`a report spans at most ${MAX_REPORT_MONTHS} months, got ${from}..${to}`, 'from');
  return { from, to };
};

/** The figures of [from, to] from month counters (the report) or from a recount of the ledger (same shape). */
export const figures = (
  companyId: string,
  counts: { current: number; joined: number },
  months: ReadonlyMap<Month, Readonly<Record<string, number>>>,
  from: Month,
  to: Month,
): CompanyReport => {
  const list = monthRange(from, to);
  const sum = (name: string) => list.reduce((total, m) => total + (months.get(m)?.[name] ?? 0), 0);
  const prefixed = (prefix: string) => {
    const totals = new Map<string, number>();
    for (const m of list) for (const [k, v] of Object.entries(months.get(m) ?? {})) if (k.startsWith(prefix)) totals.set(k.slice(prefix.length), (totals.get(k.slice(prefix.length)) ?? 0) + v);
    return [...totals.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const participants = distinctVolunteers((m) => months.get(m), from, to);
  return {
    companyId,
    from,
    to,
    employees: counts.joined,
    currentEmployees: counts.current,
    participants,
    participationRate: counts.joined > 0 ? Math.round((participants / counts.joined) * 10_000) / 10_000 : 0,
    approvedMinutes: sum(COUNTER.minutes),
    valueSar: sar(sum(COUNTER.valueHalalas)),
    byCause: prefixed('c_').map(([cause, minutes]) => ({ cause, minutes })),
    byOrganization: prefixed('o_').map(([orgId, minutes]) => ({ orgId, minutes })),
    byMonth: list.map((month) => ({
      month,
      minutes: months.get(month)?.[COUNTER.minutes] ?? 0,
      valueSar: sar(months.get(month)?.[COUNTER.valueHalalas] ?? 0),
      participants: distinctVolunteers((m) => months.get(m), month, month),
    })),
  };
};

/** The company's report for its admins (another company's admin and anyone else → 404). */
export const companyReport = async (
  deps: { readonly reads: ContributionReads; readonly clock: { now(): Date } },
  caller: Caller,
  companyId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<CompanyReport> => {
  if (!adminsCompany(caller, companyId) || !(await deps.reads.company(companyId))) throw new NotFoundError(`company ${companyId} not found`);
  const { from, to } = resolveReportRange(range, deps.clock.now());
  return contributionFigures(deps.reads, companyId, from, to);
};

/** The figures of months `from`..`to` from the counters (the report route and the monthly email). */
export const contributionFigures = async (reads: Pick<ContributionReads, 'months' | 'counts'>, companyId: string, from: Month, to: Month): Promise<CompanyReport> => {
  // The gap buckets of `from` need nothing before it: they already say how long ago each participant last gave.
  const [months, counts] = await Promise.all([reads.months(companyId, from, to), reads.counts(companyId)]);
  return figures(companyId, counts, months, from, to);
};

/** The same report recounted from the ledger of entries (what the tests and a reconciliation compare with). */
export const recount = (companyId: string, counts: { current: number; joined: number }, entries: readonly ContributionEntry[], from: Month, to: Month): CompanyReport => {
  let months = new Map<Month, Record<string, number>>();
  let activities = new Map<string, Activity>();
  for (const entry of [...entries].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    if (entry.minutes <= 0) continue;
    const before = activities.get(entry.volunteerId) ?? { months: {}, version: 0 };
    const { activity, updates } = applyApproval(entry, before);
    activities = new Map(activities).set(entry.volunteerId, activity);
    for (const u of updates) {
      const m = { ...(months.get(u.month) ?? {}) };
      for (const [k, v] of Object.entries(u.add)) m[k] = (m[k] ?? 0) + v;
      months = new Map(months).set(u.month, m);
    }
  }
  return figures(companyId, counts, months, from, to);
};

const causeLabel = (id: string) => {
  const known = (causes as Record<string, { nameAr: string; nameEn: string } | undefined>)[id];
  return known ? `${known.nameAr} / ${known.nameEn}` : id;
};

/** The report as CSV (UTF-8 with BOM, Arabic and English headers): the totals, then by month, cause and organisation. */
export const reportCsv = (r: CompanyReport): string =>
  toCsv(
    ['القسم / section', 'البند / item', 'الدقائق المعتمدة / approved minutes', 'القيمة (ريال) / value (SAR)', 'المشاركون / participants', 'الموظفون / employees', 'نسبة المشاركة / participation rate'],
    [
      ['الإجمالي / total', `${r.from}..${r.to}`, r.approvedMinutes, r.valueSar, r.participants, r.employees, r.participationRate],
      ...r.byMonth.map((m) => ['الشهر / month', m.month, m.minutes, m.valueSar, m.participants, '', '']),
      ...r.byCause.map((c) => ['المجال / cause', causeLabel(c.cause), c.minutes, '', '', '', '']),
      ...r.byOrganization.map((o) => ['الجهة / organisation', o.orgId, o.minutes, '', '', '', '']),
    ],
  );

export type CommitOutcome = 'applied' | 'duplicate' | 'stale';

export interface ContributionStore {
  /** The company approved hours count for (their pointer), if they count for one. */
  companyOf(hoursId: string): Promise<string | undefined>;
  entry(companyId: string, hoursId: string): Promise<ContributionEntry | undefined>;
  activity(companyId: string, volunteerId: string): Promise<Activity>;
  /** Entry (absent → else `duplicate`), pointer, activity (version as read → else `stale`) and counters, in one transaction. */
  commitApproval(input: { entry: ContributionEntry; activity: Activity; updates: readonly MonthUpdate[] }): Promise<CommitOutcome>;
  /** Entry as read (minutes unchanged, the reversal not in it → else `duplicate`/`stale`), activity and counters. */
  commitReversal(input: { before: ContributionEntry; entry: ContributionEntry; activity: Activity; updates: readonly MonthUpdate[] }): Promise<CommitOutcome>;
  ledger(companyId: string): Promise<ContributionEntry[]>;
}

export interface ContributionDeps {
  readonly store: ContributionStore;
  /** The company a volunteer belongs to now (and since when). */
  membership(volunteerId: string): Promise<{ companyId: string; joinedAt: string } | undefined>;
  /** Whether the volunteer consents to count in their employer's reports (preferences.companyReports; absent means yes). */
  consents?(volunteerId: string): Promise<boolean>;
}

const ROUNDS = 8;

/**
 * Approved hours count for the company of their `companyId`, else for the company the volunteer
 * belonged to on the day of the hours (a member since that day or before); otherwise for none —
 * and for none when the volunteer withdrew their consent to count in their employer's reports.
 */
export const recordApproval = async (
  deps: ContributionDeps,
  detail: { hoursId: string; volunteerId: string; orgId: string; date: string; causes: readonly string[]; minutes: number; valueSar: number; companyId?: string | undefined },
): Promise<CommitOutcome | 'none'> => {
  const membership = detail.companyId ? { companyId: detail.companyId, joinedAt: '' } : await deps.membership(detail.volunteerId);
  if (!membership || membership.joinedAt.slice(0, 10) > detail.date || detail.minutes <= 0) return 'none';
  // Approvals after a withdrawal of the consent do not count (those before it stay: aggregates without names).
  if (deps.consents && !(await deps.consents(detail.volunteerId))) return 'none';
  const entry: ContributionEntry = {
    hoursId: detail.hoursId,
    companyId: membership.companyId,
    volunteerId: detail.volunteerId,
    orgId: detail.orgId,
    month: detail.date.slice(0, 7),
    causes: [...detail.causes],
    minutes: detail.minutes,
    valueHalalas: Math.round(detail.valueSar * 100),
    reversalIds: [],
  };
  for (let round = 1; ; round++) {
    const { activity, updates } = applyApproval(entry, await deps.store.activity(entry.companyId, entry.volunteerId));
    const outcome = await deps.store.commitApproval({ entry, activity, updates });
    if (outcome !== 'stale' || round >= ROUNDS) return outcome;
  }
};

/** A reversal takes the minutes back from the company the hours counted for (if any), once. */
export const recordReversal = async (
  deps: ContributionDeps,
  detail: { hoursId: string; reversalId: string; minutes: number },
): Promise<CommitOutcome | 'none'> => {
  const companyId = await deps.store.companyOf(detail.hoursId);
  if (!companyId) return 'none';
  for (let round = 1; ; round++) {
    const before = await deps.store.entry(companyId, detail.hoursId);
    if (!before) return 'none';
    if (before.reversalIds.includes(detail.reversalId)) return 'duplicate';
    const { entry, activity, updates } = applyReversal(before, detail.reversalId, detail.minutes, await deps.store.activity(companyId, before.volunteerId));
    const outcome = await deps.store.commitReversal({ before, entry, activity, updates });
    if (outcome !== 'stale' || round >= ROUNDS) return outcome;
  }
};
