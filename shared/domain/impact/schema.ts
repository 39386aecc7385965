/** Impact and national KPIs: requests, views and targets (zod; types are z.output). */
import * as z from 'zod';
import { boundedText } from '../reference/text.js';
import { isMonth } from './months.js';

/** The longest range a view answers (distinct counts read at most 36 months of histograms). */
export const MAX_RANGE_MONTHS = 24;

const MonthParam = z.string().refine(isMonth, 'must be a month (YYYY-MM)');

export const ImpactRange = z
  .object({
    from: MonthParam.optional().describe('first month (YYYY-MM, Riyadh), default 11 months before `to`'),
    to: MonthParam.optional().describe('last month (YYYY-MM, Riyadh), default the current month'),
  })
  .strict();
export type ImpactRange = z.output<typeof ImpactRange>;

export const NationalQuery = ImpactRange.extend({
  groupBy: z.enum(['region', 'month']).optional().describe('break the figures down by region (the 13 regions of /v1/reference) or by month'),
}).strict();
export type NationalQuery = z.output<typeof NationalQuery>;

export const CauseMinutes = z.object({ cause: z.string(), minutes: z.number() });

export const OrganizationImpact = z.object({
  orgId: z.string(),
  from: z.string(),
  to: z.string(),
  volunteers: z.number().describe('distinct volunteers with approved hours in the range'),
  shifts: z.number().describe('shifts with at least one approved attendance'),
  approvedMinutes: z.number(),
  valueSar: z.number().describe('economic value frozen at approval (replacement cost)'),
  attendanceRate: z.number().nullable().describe('attendances / (attendances + no-shows); null without either'),
  attended: z.number(),
  noShows: z.number(),
  beneficiaries: z.number().describe('reported by the managers when closing opportunities'),
  topCauses: z.array(CauseMinutes).describe('minutes per cause, largest first (an entry counts under each of its causes)'),
  byMonth: z.array(z.object({ month: z.string(), volunteers: z.number(), approvedMinutes: z.number(), valueSar: z.number() })),
});
export type OrganizationImpact = z.output<typeof OrganizationImpact>;

export const TargetInput = z
  .object({
    volunteers: z.int().min(1).max(100_000_000).describe('active volunteers to reach'),
    organizations: z.int().min(1).max(1_000_000).describe('organisations with a volunteer department to reach'),
    effectiveFrom: z.iso.date().describe('the day (Riyadh) the target applies from'),
    noteAr: boundedText(1, 500).optional(),
    noteEn: boundedText(1, 500).optional(),
  })
  .strict();
export type TargetInput = z.output<typeof TargetInput>;

export const PutTargets = z.object({ targets: z.array(TargetInput).min(1).max(20) }).strict();
export type PutTargets = z.output<typeof PutTargets>;

export const NationalTarget = TargetInput.extend({ setBy: z.string(), setAt: z.string() });
export type NationalTarget = z.output<typeof NationalTarget>;
export const TargetHistory = z.object({ items: z.array(NationalTarget) });

const Figures = {
  registeredVolunteers: z.number().describe('profiles registered by the end of the range'),
  newVolunteers: z.number().describe('profiles registered in the range'),
  activeVolunteers: z.number().describe('volunteers with an approved hour in the 12 months ending with the range'),
  organizationsWithDepartment: z.number().describe('organisations with an established volunteer department by the end of the range'),
  approvedMinutes: z.number(),
  valueSar: z.number(),
  professionalShare: z.number().nullable().describe('share of approved minutes on the professional track'),
  retention: z.number().nullable().describe("share of the last full quarter pair's first-quarter actives active again in the next quarter"),
};

export const NationalGroup = z.object({ region: z.string().optional(), month: z.string().optional(), ...Figures });

export const NationalStats = z.object({
  from: z.string(),
  to: z.string(),
  ...Figures,
  retentionQuarters: z.object({ quarter: z.string(), nextQuarter: z.string() }).nullable(),
  organizationsWithCertifiedManager: z
    .number()
    .describe('organisations with a volunteer manager holding a valid certification at the end of the range (from OrganizationCertifiedManagerChanged)'),
  targets: z.object({ volunteers: z.number(), organizations: z.number(), effectiveFrom: z.string() }).nullable(),
  progress: z.object({ volunteers: z.number(), organizations: z.number() }).nullable().describe('active volunteers and organisations as a share of the targets'),
  groups: z.array(NationalGroup),
});
export type NationalStats = z.output<typeof NationalStats>;
export type NationalGroup = z.output<typeof NationalGroup>;

export const PublicStats = z.object({
  asOf: z.string(),
  registeredVolunteers: z.number(),
  activeVolunteers: z.number(),
  organizationsWithDepartment: z.number(),
  approvedHoursLast12Months: z.number(),
  valueSarLast12Months: z.number(),
});
export type PublicStats = z.output<typeof PublicStats>;
