/** Impact and national KPIs: requests, views and targets (zod; types are z.output). */
import * as z from 'zod';
import { boundedText } from '../reference/text.js';
import { isMonth } from './months.js';

/** The longest range a view answers (distinct counts read at most 36 months of histograms). */
export const MAX_RANGE_MONTHS = 24;

const MonthParam = /* @__PURE__ */ z.string().refine(isMonth, 'must be a month (YYYY-MM)');

export const ImpactRange = /* @__PURE__ */ z
  .object({
    from: /* @__PURE__ */ MonthParam.optional().describe('first month (YYYY-MM, Riyadh), default 11 months before `to`'),
    to: /* @__PURE__ */ MonthParam.optional().describe('last month (YYYY-MM, Riyadh), default the current month'),
  })
  .strict();
export type ImpactRange = z.output<typeof ImpactRange>;

export const NationalQuery = /* @__PURE__ */ ImpactRange.extend({
  groupBy: /* @__PURE__ */ z.enum(['region', 'month']).optional().describe('break the figures down by region (the 13 regions of /v1/reference) or by month'),
}).strict();
export type NationalQuery = z.output<typeof NationalQuery>;

export const CauseMinutes = /* @__PURE__ */ z.object({ cause: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.number() });

export const OrganizationImpact = /* @__PURE__ */ z.object({
  orgId: /* @__PURE__ */ z.string(),
  from: /* @__PURE__ */ z.string(),
  to: /* @__PURE__ */ z.string(),
  volunteers: /* @__PURE__ */ z.number().describe('distinct volunteers with approved hours in the range'),
  shifts: /* @__PURE__ */ z.number().describe('shifts with at least one approved attendance'),
  approvedMinutes: /* @__PURE__ */ z.number(),
  valueSar: /* @__PURE__ */ z.number().describe('economic value frozen at approval (replacement cost)'),
  attendanceRate: /* @__PURE__ */ z.number().nullable().describe('attendances / (attendances + no-shows); null without either'),
  attended: /* @__PURE__ */ z.number(),
  noShows: /* @__PURE__ */ z.number(),
  beneficiaries: /* @__PURE__ */ z.number().describe('reported by the managers when closing opportunities'),
  topCauses: /* @__PURE__ */ z.array(CauseMinutes).describe('minutes per cause, largest first (an entry counts under each of its causes)'),
  byMonth: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ month: /* @__PURE__ */ z.string(), volunteers: /* @__PURE__ */ z.number(), approvedMinutes: /* @__PURE__ */ z.number(), valueSar: /* @__PURE__ */ z.number() })),
});
export type OrganizationImpact = z.output<typeof OrganizationImpact>;

export const TargetInput = /* @__PURE__ */ z
  .object({
    volunteers: /* @__PURE__ */ z.int().min(1).max(100_000_000).describe('active volunteers to reach'),
    organizations: /* @__PURE__ */ z.int().min(1).max(1_000_000).describe('organisations with a volunteer department to reach'),
    effectiveFrom: /* @__PURE__ */ z.iso.date().describe('the day (Riyadh) the target applies from'),
    noteAr: /* @__PURE__ */ boundedText(1, 500).optional(),
    noteEn: /* @__PURE__ */ boundedText(1, 500).optional(),
  })
  .strict();
export type TargetInput = z.output<typeof TargetInput>;

export const PutTargets = /* @__PURE__ */ z.object({ targets: /* @__PURE__ */ z.array(TargetInput).min(1).max(20) }).strict();
export type PutTargets = z.output<typeof PutTargets>;

export const NationalTarget = /* @__PURE__ */ TargetInput.extend({ setBy: /* @__PURE__ */ z.string(), setAt: /* @__PURE__ */ z.string() });
export type NationalTarget = z.output<typeof NationalTarget>;
export const TargetHistory = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(NationalTarget) });

const Figures = {
  registeredVolunteers: /* @__PURE__ */ z.number().describe('profiles registered by the end of the range'),
  newVolunteers: /* @__PURE__ */ z.number().describe('profiles registered in the range'),
  activeVolunteers: /* @__PURE__ */ z.number().describe('volunteers with an approved hour in the 12 months ending with the range'),
  organizationsWithDepartment: /* @__PURE__ */ z.number().describe('organisations with an established volunteer department by the end of the range'),
  approvedMinutes: /* @__PURE__ */ z.number(),
  valueSar: /* @__PURE__ */ z.number(),
  professionalShare: /* @__PURE__ */ z.number().nullable().describe('share of approved minutes on the professional track'),
  retention: /* @__PURE__ */ z.number().nullable().describe("share of the last full quarter pair's first-quarter actives active again in the next quarter"),
};

export const NationalGroup = /* @__PURE__ */ z.object({ region: /* @__PURE__ */ z.string().optional(), month: /* @__PURE__ */ z.string().optional(), ...Figures });

export const NationalStats = /* @__PURE__ */ z.object({
  from: /* @__PURE__ */ z.string(),
  to: /* @__PURE__ */ z.string(),
  ...Figures,
  retentionQuarters: /* @__PURE__ */ z.object({ quarter: /* @__PURE__ */ z.string(), nextQuarter: /* @__PURE__ */ z.string() }).nullable(),
  organizationsWithCertifiedManager: /* @__PURE__ */ z
    .number()
    .describe('organisations with a volunteer manager holding a valid certification at the end of the range (from OrganizationCertifiedManagerChanged)'),
  targets: /* @__PURE__ */ z.object({ volunteers: /* @__PURE__ */ z.number(), organizations: /* @__PURE__ */ z.number(), effectiveFrom: /* @__PURE__ */ z.string() }).nullable(),
  progress: /* @__PURE__ */ z.object({ volunteers: /* @__PURE__ */ z.number(), organizations: /* @__PURE__ */ z.number() }).nullable().describe('active volunteers and organisations as a share of the targets'),
  groups: /* @__PURE__ */ z.array(NationalGroup),
});
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
