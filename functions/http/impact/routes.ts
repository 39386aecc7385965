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
  responses: { 200: OrganizationImpact },
  errors: [400, 401, 403, 404],
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
  responses: { 200: NationalStats },
  errors: [400, 401, 403],
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
  responses: { 200: PublicStats },
  errors: [],
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
  responses: { 200: TargetHistory },
  errors: [400, 401, 403, 413, 422],
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
  responses: { 200: TargetHistory },
  errors: [401, 403],
});

export const impactOperations = [getOrganizationImpact, getNationalStats, getPublicStats, putTargets, getTargets] as const;
