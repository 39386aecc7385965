/**
 * The impact views, computed from the aggregates only (a few Queries, never the ledgers):
 * an organisation's impact, the national KPIs (by region or month), the public totals.
 */
import type { Clock } from '../../clock.js';
import { hasGroup, managesOrganization, requireGroup, type Caller } from '../caller.js';
import { NotFoundError } from '../errors.js';
import { regions } from '../reference/cities.js';
import { bucketCounter, distinctVolunteers, GAP_CAP } from './activity.js';
import { COUNTER, trackCounter } from './aggregates.js';
import { InvalidRangeError } from './errors.js';
import { addMonths, monthIndex, monthRange, riyadhMonth, riyadhMonthStart, type Month } from './months.js';
import type { AggregateStore, ScopeCounters, TargetStore } from './ports.js';
import { MAX_RANGE_MONTHS, type ImpactRange, type NationalGroup, type NationalQuery, type NationalStats, type OrganizationImpact, type PublicStats } from './schema.js';

export interface ViewDeps {
  readonly store: AggregateStore;
  readonly targets: TargetStore;
  readonly clock: Clock;
}

/** The months a view covers: `to` defaults to the current Riyadh month, `from` to 11 months before it. */
export const resolveRange = (range: ImpactRange, now: Date): { from: Month; to: Month } => {
  const to = range.to ?? riyadhMonth(now);
  const from = range.from ?? addMonths(to, -11);
  if (from > to) throw new InvalidRangeError(`from ${from} is after to ${to}`, 'from');
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_RANGE_MONTHS) {
    throw new InvalidRangeError(`a range spans at most ${MAX_RANGE_MONTHS} months, got ${from}..${to}`, 'from');
  }
  return { from, to };
};

const sum = (counters: ScopeCounters, from: Month, to: Month, name: string): number => {
  let total = 0;
  for (const month of monthRange(from, to)) total += counters.months.get(month)?.[name] ?? 0;
  return total;
};

/** Counters of months after `to` that are in the result (the Query ran through TOTAL). */
const after = (counters: ScopeCounters, to: Month, name: string): number => {
  let total = 0;
  for (const [month, c] of counters.months) if (month > to) total += c[name] ?? 0;
  return total;
};

const sar = (halalas: number): number => Math.round(halalas) / 100;
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** The last full quarter pair ending at or before `to`: its first quarter's start month. */
export const retentionQuarters = (to: Month): { first: Month; second: Month } => {
  const index = monthIndex(to);
  const secondEnd = (index + 1) % 3 === 0 ? index : index - ((index % 3) + 1);
  const second = secondEnd - 2;
  return { first: monthAt3(second - 3), second: monthAt3(second) };
};
const monthAt3 = (index: number): Month => addMonths('0000-01', index);

const quarterName = (start: Month): string => `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;

const retention = (counters: ScopeCounters, to: Month): { rate: number | null; quarter: string; nextQuarter: string } => {
  const { first, second } = retentionQuarters(to);
  const at = (m: Month) => counters.months.get(m);
  const a = distinctVolunteers(at, first, addMonths(first, 2));
  const b = distinctVolunteers(at, second, addMonths(second, 2));
  const both = distinctVolunteers(at, first, addMonths(second, 2));
  return { rate: ratio(a + b - both, a), quarter: quarterName(first), nextQuarter: quarterName(second) };
};

type Figures = Omit<NationalGroup, 'region' | 'month'>;

/** The counters the national figures use: the views read only these (a region or national item holds ~twice as many). */
const FIGURE_COUNTERS: readonly string[] = /* @__PURE__ */ (() =>
  [
    COUNTER.minutes,
    COUNTER.valueHalalas,
    /* @__PURE__ */ trackCounter('professional'),
    COUNTER.registered,
    COUNTER.organizations,
    COUNTER.certified,
    .../* @__PURE__ */ Array.from({ length: GAP_CAP }, (_, i) => bucketCounter(i + 1)),
  ])();

/** The national figures of a scope for [from, to]; `counters` holds every month from to − 11 (and from) on, and TOTAL. */
const figures = (counters: ScopeCounters, from: Month, to: Month): Figures => {
  const minutes = sum(counters, from, to, COUNTER.minutes);
  return {
    registeredVolunteers: (counters.total[COUNTER.registered] ?? 0) - after(counters, to, COUNTER.registered),
    newVolunteers: sum(counters, from, to, COUNTER.registered),
    activeVolunteers: distinctVolunteers((m) => counters.months.get(m), addMonths(to, -11), to),
    organizationsWithDepartment: (counters.total[COUNTER.organizations] ?? 0) - after(counters, to, COUNTER.organizations),
    approvedMinutes: minutes,
    valueSar: sar(sum(counters, from, to, COUNTER.valueHalalas)),
    professionalShare: ratio(sum(counters, from, to, trackCounter('professional')), minutes),
    retention: retention(counters, to).rate,
  };
};

/**
 * The earliest month a view reads. A scope's figures for [from, to] need the months of the range
 * (sums), the 12 months ending at `to` (active volunteers; retention's two quarters lie within
 * them), and everything after `to` with TOTAL (registered to date): from min(from, to − 11).
 * Only the national figures of each month (`groupBy=month`) need 11 more months before `from`.
 * Every item read costs (DynamoDB Local spends most of a view on them): a 24-month range by
 * region reads 13 × 25 region items instead of 13 × 36.
 */
const readStart = (from: Month, to: Month, perMonth: boolean): Month => {
  const rolling = addMonths(to, -11);
  if (perMonth) return addMonths(from, -11);
  return rolling < from ? rolling : from;
};

export const organizationImpact = async (deps: ViewDeps, caller: Caller, orgId: string, range: ImpactRange): Promise<OrganizationImpact> => {
  // Its managers and the ministry; anyone else in an allowed group (another organisation's manager) gets a 404.
  if (!managesOrganization(caller, orgId) && !hasGroup(caller, 'ministry-reviewer', 'ministry-admin')) {
    throw new NotFoundError(`organisation ${orgId} not found`);
  }
  return organizationReport(deps, orgId, resolveRange(range, deps.clock.now()));
};

/** An organisation's figures, for whoever the caller checked (the view, the monthly report). */
export const organizationReport = async (deps: Pick<ViewDeps, 'store'>, orgId: string, { from, to }: { from: Month; to: Month }): Promise<OrganizationImpact> => {
  const counters = await deps.store.counters({ kind: 'organization', id: orgId }, from, to);
  const attended = sum(counters, from, to, COUNTER.attended);
  const noShows = sum(counters, from, to, COUNTER.noShows);
  const causes = new Map<string, number>();
  for (const month of monthRange(from, to)) {
    for (const [name, value] of Object.entries(counters.months.get(month) ?? {})) {
      if (name.startsWith('c_')) causes.set(name.slice(2), (causes.get(name.slice(2)) ?? 0) + value);
    }
  }
  return {
    orgId,
    from,
    to,
    volunteers: distinctVolunteers((m) => counters.months.get(m), from, to),
    shifts: sum(counters, from, to, COUNTER.shifts),
    approvedMinutes: sum(counters, from, to, COUNTER.minutes),
    valueSar: sar(sum(counters, from, to, COUNTER.valueHalalas)),
    attendanceRate: ratio(attended, attended + noShows),
    attended,
    noShows,
    beneficiaries: sum(counters, from, to, COUNTER.beneficiaries),
    topCauses: [...causes]
      .filter(([, minutes]) => minutes > 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, 5)
      .map(([cause, minutes]) => ({ cause, minutes })),
    byMonth: monthRange(from, to).map((month) => ({
      month,
      volunteers: distinctVolunteers((m) => counters.months.get(m), month, month),
      approvedMinutes: counters.months.get(month)?.[COUNTER.minutes] ?? 0,
      valueSar: sar(counters.months.get(month)?.[COUNTER.valueHalalas] ?? 0),
    })),
  };
};

/** The last day of a month (YYYY-MM-DD), for the target in force then. */
const lastDay = (month: Month): string => new Date(riyadhMonthStart(addMonths(month, 1)).getTime() - 1 + 3 * 3_600_000).toISOString().slice(0, 10);

export const nationalStats = async (deps: ViewDeps, caller: Caller, query: NationalQuery): Promise<NationalStats> => {
  requireGroup(caller, 'ministry-reviewer', 'ministry-admin');
  return nationalReport(deps, resolveRange(query, deps.clock.now()), query.groupBy);
};

/** The national figures, for whoever the caller checked (the view, the monthly report). */
export const nationalReport = async (
  deps: Pick<ViewDeps, 'store' | 'targets'>,
  { from, to }: { from: Month; to: Month },
  groupBy: NationalQuery['groupBy'],
): Promise<NationalStats> => {
  const query = { groupBy };
  const regionIds = Object.keys(regions);
  const [national, target, byRegion] = await Promise.all([
    deps.store.counters({ kind: 'national' }, readStart(from, to, query.groupBy === 'month'), undefined, FIGURE_COUNTERS),
    deps.targets.inForce(lastDay(to)),
    query.groupBy === 'region' ? deps.store.regionCounters(readStart(from, to, false), undefined, FIGURE_COUNTERS) : Promise.resolve(new Map<string, ScopeCounters>()),
  ]);
  const totals = figures(national, from, to);
  const groups: NationalGroup[] =
    query.groupBy === 'region'
      ? regionIds.map((region) => ({ region, ...figures(byRegion.get(region) ?? { months: new Map(), total: {} }, from, to) }))
      : query.groupBy === 'month'
        ? monthRange(from, to).map((month) => ({ month, ...figures(national, month, month) }))
        : [];
  const quarters = retention(national, to);
  return {
    from,
    to,
    ...totals,
    retentionQuarters: quarters.rate === null && totals.activeVolunteers === 0 ? null : { quarter: quarters.quarter, nextQuarter: quarters.nextQuarter },
    organizationsWithCertifiedManager: (national.total[COUNTER.certified] ?? 0) - after(national, to, COUNTER.certified),
    targets: target ? { volunteers: target.volunteers, organizations: target.organizations, effectiveFrom: target.effectiveFrom } : null,
    progress: target
      ? { volunteers: ratio(totals.activeVolunteers, target.volunteers) ?? 0, organizations: ratio(totals.organizationsWithDepartment, target.organizations) ?? 0 }
      : null,
    groups,
  };
};

export const publicStats = async (deps: Pick<ViewDeps, 'store' | 'clock'>): Promise<PublicStats> => {
  const now = deps.clock.now();
  const to = riyadhMonth(now);
  const national = await deps.store.counters({ kind: 'national' }, addMonths(to, -11), undefined, FIGURE_COUNTERS);
  const f = figures(national, addMonths(to, -11), to);
  return {
    asOf: now.toISOString(),
    registeredVolunteers: f.registeredVolunteers,
    activeVolunteers: f.activeVolunteers,
    organizationsWithDepartment: f.organizationsWithDepartment,
    approvedHoursLast12Months: Math.round(f.approvedMinutes / 60),
    valueSarLast12Months: f.valueSar,
  };
};
