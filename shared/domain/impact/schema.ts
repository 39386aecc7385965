/** Impact and national KPIs: requests, views and targets (zod; types are z.output). */
import * as z from '../../zod.js';
import { boundedText } from '../reference/text.js';
import { isMonth } from './months.js';

/** The longest range a view answers (distinct counts read at most 36 months of histograms). */
export const MAX_RANGE_MONTHS = 24;

const MonthParam = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.refine(isMonth, 'must be a month (YYYY-MM)'));

export const ImpactRange = /* @__PURE__ */ z.strictObject({
    from: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(MonthParam), 'first month (YYYY-MM, Riyadh), default 11 months before `to`'),
    to: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(MonthParam), 'last month (YYYY-MM, Riyadh), default the current month'),
  });
export type ImpactRange = z.output<typeof ImpactRange>;

export const NationalQuery = /* @__PURE__ */ z.strict(/* @__PURE__ */ z.extend(ImpactRange, {
  groupBy: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['region', 'month'])), 'break the figures down by region (the 13 regions of /v1/reference) or by month'),
}));
export type NationalQuery = z.output<typeof NationalQuery>;

export const CauseMinutes = /* @__PURE__ */ z.object({ cause: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.number() });

export const OrganizationImpact = /* @__PURE__ */ z.object({
  orgId: /* @__PURE__ */ z.string(),
  from: /* @__PURE__ */ z.string(),
  to: /* @__PURE__ */ z.string(),
  volunteers: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'distinct volunteers with approved hours in the range'),
  shifts: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'shifts with at least one approved attendance'),
  approvedMinutes: /* @__PURE__ */ z.number(),
  valueSar: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'economic value frozen at approval (replacement cost)'),
  attendanceRate: /* @__PURE__ */ z.described(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()), 'attendances / (attendances + no-shows); null without either'),
  attended: /* @__PURE__ */ z.number(),
  noShows: /* @__PURE__ */ z.number(),
  beneficiaries: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'reported by the managers when closing opportunities'),
  topCauses: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(CauseMinutes), 'minutes per cause, largest first (an entry counts under each of its causes)'),
  byMonth: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ month: /* @__PURE__ */ z.string(), volunteers: /* @__PURE__ */ z.number(), approvedMinutes: /* @__PURE__ */ z.number(), valueSar: /* @__PURE__ */ z.number() })),
});
export type OrganizationImpact = z.output<typeof OrganizationImpact>;

export const TargetInput = /* @__PURE__ */ z.strictObject({
  volunteers: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100_000_000)), 'active volunteers to reach'),
  organizations: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1_000_000)), 'organisations with a volunteer department to reach'),
  effectiveFrom: /* @__PURE__ */ z.described(/* @__PURE__ */ z.iso.date(), 'the day (Riyadh) the target applies from'),
  noteAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, 500)),
  noteEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, 500)),
});
export type TargetInput = z.output<typeof TargetInput>;

export const PutTargets = /* @__PURE__ */ z.strictObject({ targets: /* @__PURE__ */ z.array(TargetInput).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20)) });
export type PutTargets = z.output<typeof PutTargets>;

export const NationalTarget = /* @__PURE__ */ z.extend(TargetInput, { setBy: /* @__PURE__ */ z.string(), setAt: /* @__PURE__ */ z.string() });
export type NationalTarget = z.output<typeof NationalTarget>;
export const TargetHistory = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(NationalTarget) });

const Figures = {
  registeredVolunteers: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'profiles registered by the end of the range'),
  newVolunteers: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'profiles registered in the range'),
  activeVolunteers: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'volunteers with an approved hour in the 12 months ending with the range'),
  organizationsWithDepartment: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'organisations with an established volunteer department by the end of the range'),
  approvedMinutes: /* @__PURE__ */ z.number(),
  valueSar: /* @__PURE__ */ z.number(),
  professionalShare: /* @__PURE__ */ z.described(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()), 'share of approved minutes on the professional track'),
  retention: /* @__PURE__ */ z.described(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()), "share of the last full quarter pair's first-quarter actives active again in the next quarter"),
};

export const NationalGroup = /* @__PURE__ */ (() =>
  z.object({ region: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), month: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), ...Figures }))();

export const NationalStats = /* @__PURE__ */ (() =>
  z.object({
    from: /* @__PURE__ */ z.string(),
    to: /* @__PURE__ */ z.string(),
    ...Figures,
    retentionQuarters: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ quarter: /* @__PURE__ */ z.string(), nextQuarter: /* @__PURE__ */ z.string() })),
    organizationsWithCertifiedManager: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'organisations with a volunteer manager holding a valid certification at the end of the range (from OrganizationCertifiedManagerChanged)'),
    targets: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ volunteers: /* @__PURE__ */ z.number(), organizations: /* @__PURE__ */ z.number(), effectiveFrom: /* @__PURE__ */ z.string() })),
    progress: /* @__PURE__ */ z.described(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ volunteers: /* @__PURE__ */ z.number(), organizations: /* @__PURE__ */ z.number() })), 'active volunteers and organisations as a share of the targets'),
    groups: /* @__PURE__ */ z.array(NationalGroup),
  }))();
export type NationalStats = z.output<typeof NationalStats>;
export type NationalGroup = z.output<typeof NationalGroup>;

export const PublicStats = /* @__PURE__ */ z.object({
  asOf: /* @__PURE__ */ z.string(),
  registeredVolunteers: /* @__PURE__ */ z.number(),
  activeVolunteers: /* @__PURE__ */ z.number(),
  organizationsWithDepartment: /* @__PURE__ */ z.number(),
  approvedHoursLast12Months: /* @__PURE__ */ z.number(),
  valueSarLast12Months: /* @__PURE__ */ z.number(),
});
export type PublicStats = z.output<typeof PublicStats>;
