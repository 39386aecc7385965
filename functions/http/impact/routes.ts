/**
 * Impact and national KPIs (issue 16). Who may call them:
 * - an organisation's impact: its managers (another organisation's manager gets 404) and the ministry;
 * - national stats and target history: ministry-reviewer, ministry-admin (volunteers, companies: 403);
 * - setting targets: ministry-admin;
 * - public stats: anyone, no token, cacheable.
 * Every view answers from the aggregates (a few Queries); `Accept: text/csv` gives a CSV file.
 */
import { OrgPath } from '../../../shared/domain/organizations/schema.js';
import { ImpactRange, NationalQuery, NationalStats, OrganizationImpact, PublicStats, PutTargets, TargetHistory } from '../../../shared/domain/impact/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['impact'];

export const getOrganizationImpact = /* @__PURE__ */ defineOperation({
  id: 'GetOrganizationImpact',
  method: 'GET',
  path: '/v1/organizations/{orgId}/impact',
  entry: 'functions/http/impact/organization-impact.ts',
  auth: 'required',
  groups: ['org-manager', 'ministry-reviewer', 'ministry-admin'],
  request: { path: OrgPath, query: ImpactRange },
  needs: ['table:read'],
  summary:
    "An organisation's impact over months `from`..`to` (YYYY-MM, Riyadh; default the last 12; at most 24): distinct volunteers, shifts, approved minutes, value in SAR, attendance rate, no-shows, beneficiaries, top causes, month by month. Its managers and the ministry (404 for anyone else). `Accept: text/csv` → CSV (UTF-8 with BOM, Arabic headers).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OrganizationImpact },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: '01JRZX4B6C8D0E2F4G6H8J0K2M' },
    query: { from: '2026-01', to: '2026-03' },
    response: {
      orgId: '01JRZX4B6C8D0E2F4G6H8J0K2M',
      from: '2026-01',
      to: '2026-03',
      volunteers: 184,
      shifts: 62,
      approvedMinutes: 151_200,
      valueSar: 126_000,
      attendanceRate: 0.93,
      attended: 412,
      noShows: 31,
      beneficiaries: 5400,
      topCauses: [
        { cause: 'social-welfare', minutes: 98_400 },
        { cause: 'health', minutes: 52_800 },
      ],
      byMonth: [
        { month: '2026-01', volunteers: 71, approvedMinutes: 48_000, valueSar: 40_000 },
        { month: '2026-02', volunteers: 66, approvedMinutes: 45_600, valueSar: 38_000 },
        { month: '2026-03', volunteers: 97, approvedMinutes: 57_600, valueSar: 48_000 },
      ],
    },
  },
});

export const getNationalStats = /* @__PURE__ */ defineOperation({
  id: 'GetNationalStats',
  method: 'GET',
  path: '/v1/stats/national',
  entry: 'functions/http/impact/national-stats.ts',
  auth: 'required',
  groups: ['ministry-reviewer', 'ministry-admin'],
  request: { query: NationalQuery },
  needs: ['table:read'],
  summary:
    'National KPIs over months `from`..`to` against the target in force: registered and active volunteers (an approved hour in the last 12 months), organisations with a volunteer department, approved minutes, value, professional share, retention; `groupBy=region|month`. Ministry only. `Accept: text/csv` → CSV (UTF-8 with BOM, Arabic headers).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: NationalStats },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { from: '2026-01', to: '2026-03', groupBy: 'region' },
    response: {
      from: '2026-01',
      to: '2026-03',
      registeredVolunteers: 2_004_311,
      newVolunteers: 61_204,
      activeVolunteers: 1_212_840,
      organizationsWithDepartment: 3_120,
      approvedMinutes: 1_190_400_000,
      valueSar: 992_000_000,
      professionalShare: 0.18,
      retention: 0.64,
      retentionQuarters: { quarter: '2025-Q3', nextQuarter: '2025-Q4' },
      organizationsWithCertifiedManager: 2_410,
      targets: { volunteers: 1_000_000, organizations: 2_000, effectiveFrom: '2026-01-01' },
      progress: { volunteers: 1.21, organizations: 1.56 },
      groups: [
        {
          region: 'riyadh',
          registeredVolunteers: 612_905,
          newVolunteers: 18_830,
          activeVolunteers: 371_220,
          organizationsWithDepartment: 951,
          approvedMinutes: 366_000_000,
          valueSar: 305_000_000,
          professionalShare: 0.21,
          retention: 0.66,
        },
      ],
    },
  },
});

export const getPublicStats = /* @__PURE__ */ defineOperation({
  id: 'GetPublicStats',
  method: 'GET',
  path: '/v1/stats/public',
  entry: 'functions/http/impact/public-stats.ts',
  auth: 'none',
  needs: ['table:read'],
  summary: 'National totals for anyone (no token): registered and active volunteers, organisations with a department, approved hours and value over the last 12 months. Cacheable for 5 minutes.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: PublicStats },
  errors: [],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      asOf: '2026-04-25T17:00:00.000Z',
      registeredVolunteers: 2_004_311,
      activeVolunteers: 1_212_840,
      organizationsWithDepartment: 3_120,
      approvedHoursLast12Months: 80_150_000,
      valueSarLast12Months: 4_008_000_000,
    },
  },
});

export const putTargets = /* @__PURE__ */ defineOperation({
  id: 'PutTargets',
  method: 'PUT',
  path: '/v1/targets',
  entry: 'functions/http/impact/put-targets.ts',
  auth: 'required',
  groups: ['ministry-admin'],
  request: { body: PutTargets },
  needs: ['table:read', 'table:write'],
  summary:
    'Set national targets (ministry-admin): `{ targets: [{ volunteers, organizations, effectiveFrom, noteAr?, noteEn? }] }`. Each is added to the history (never overwritten); a view uses the one in force at the end of its range. Answers the whole history.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: TargetHistory },
  errors: [400, 401, 403, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    request: { targets: [{ volunteers: 1_000_000, organizations: 2_000, effectiveFrom: '2026-01-01', noteAr: 'مستهدف رؤية 2030', noteEn: 'Vision 2030 target' }] },
    response: {
      items: [
        { volunteers: 300_000, organizations: 200, effectiveFrom: '2017-01-01', setBy: 'ministry-admin-1', setAt: '2017-01-01T08:00:00.000Z' },
        {
          volunteers: 1_000_000,
          organizations: 2_000,
          effectiveFrom: '2026-01-01',
          noteAr: 'مستهدف رؤية 2030',
          noteEn: 'Vision 2030 target',
          setBy: 'ministry-admin-1',
          setAt: '2025-12-20T09:30:00.000Z',
        },
      ],
    },
  },
});

export const getTargets = /* @__PURE__ */ defineOperation({
  id: 'GetTargets',
  method: 'GET',
  path: '/v1/targets',
  entry: 'functions/http/impact/get-targets.ts',
  auth: 'required',
  groups: ['ministry-reviewer', 'ministry-admin'],
  needs: ['table:read'],
  summary: 'The history of national targets, oldest effective date first (ministry).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: TargetHistory },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      items: [
        { volunteers: 300_000, organizations: 200, effectiveFrom: '2017-01-01', setBy: 'ministry-admin-1', setAt: '2017-01-01T08:00:00.000Z' },
        {
          volunteers: 1_000_000,
          organizations: 2_000,
          effectiveFrom: '2026-01-01',
          noteAr: 'مستهدف رؤية 2030',
          noteEn: 'Vision 2030 target',
          setBy: 'ministry-admin-1',
          setAt: '2025-12-20T09:30:00.000Z',
        },
      ],
    },
  },
});

export const impactOperations = [getOrganizationImpact, getNationalStats, getPublicStats, putTargets, getTargets] as const;
