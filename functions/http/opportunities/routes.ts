/**
 * Opportunity operations. Who may call them:
 * - create (`POST /v1/organizations/{orgId}/opportunities`), publish, close: managers of the
 *   organisation (group org-manager with its `custom:orgId`), which must be active;
 * - `GET /v1/opportunities/{id}`: anyone when published, its managers in any status;
 * - `GET /v1/opportunities`: anyone, published only;
 * - `PATCH /v1/opportunities/{id}`: its organisation's managers (published: seats taken are kept);
 * - `GET /v1/organizations/{orgId}/opportunities`: that organisation's managers and the ministry, every status.
 */
import {
  CloseOpportunity,
  CreateOpportunity,
  OpportunityPath,
  OpportunityView,
  OrganizationOpportunitiesQuery,
  OrganizationOpportunityPage,
  SearchOpportunities,
  SearchPage,
  StatusResponse,
  UpdateOpportunity,
} from '../../../shared/domain/opportunities/schema.js';
import { OrgPath } from '../../../shared/domain/organizations/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['opportunities'];

// Examples are plain literals (no spreads, no calls), so that a handler's bundle can drop the
// specs of the other operations of this file.
const ORG_ID = '01JRW9Z6Q3X8K2M4N5P7R9S1TV';
const OPPORTUNITY_ID = '01JS2B4C6D8E0F1G2H3J4K5M6N';
const creation = {
  titleAr: 'توزيع السلال الغذائية',
  titleEn: 'Food basket distribution',
  descriptionAr: 'تجهيز السلال الغذائية وتوزيعها على الأسر المستفيدة في حي الصفا.',
  descriptionEn: 'Packing food baskets and handing them to registered families in Al-Safa.',
  category: 'social-welfare',
  city: 'jeddah',
  location: { lat: 21.5872, lon: 39.2011 },
  skills: ['first-aid'],
  professions: [],
  requiresApproval: true,
  shifts: [{ start: '2027-03-05T16:00:00+03:00', end: '2027-03-05T20:00:00+03:00', capacity: 25 }],
};
const opportunity = {
  id: '01JS2B4C6D8E0F1G2H3J4K5M6N',
  orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
  titleAr: 'توزيع السلال الغذائية',
  titleEn: 'Food basket distribution',
  descriptionAr: 'تجهيز السلال الغذائية وتوزيعها على الأسر المستفيدة في حي الصفا.',
  descriptionEn: 'Packing food baskets and handing them to registered families in Al-Safa.',
  category: 'social-welfare',
  city: 'jeddah',
  location: { lat: 21.5872, lon: 39.2011 },
  remote: false,
  skills: ['first-aid'],
  professions: [],
  requiresApproval: true,
  trainingModules: [],
  status: 'published',
  firstShiftStart: '2027-03-05T13:00:00.000Z',
  lastShiftEnd: '2027-03-05T17:00:00.000Z',
  createdAt: '2027-02-01T09:00:00.000Z',
  updatedAt: '2027-02-01T09:30:00.000Z',
  publishedAt: '2027-02-01T09:30:00.000Z',
  shifts: [{ id: '01JS2B4C6D8E0F1G2H3J4K5M6P', start: '2027-03-05T13:00:00.000Z', end: '2027-03-05T17:00:00.000Z', capacity: 25, seatsLeft: 18 }],
};

export const createOpportunity = /* @__PURE__ */ defineOperation({
  id: 'CreateOpportunity',
  method: 'POST',
  path: '/v1/organizations/{orgId}/opportunities',
  entry: 'functions/http/opportunities/create.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OrgPath, body: CreateOpportunity },
  idempotent: true,
  needs: ['table:read', 'table:write'],
  summary:
    "Post a draft opportunity with its shifts (managers of that organisation; it must be active, else 409 `organization-not-active`). Shifts: 1–50, each starting in the future, ending after its start, 1–10,000 seats. Publish it to make it searchable.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: OpportunityView },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: ORG_ID },
    request: creation,
    response: {
      id: '01JS2B4C6D8E0F1G2H3J4K5M6N',
      orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
      titleAr: 'توزيع السلال الغذائية',
      titleEn: 'Food basket distribution',
      descriptionAr: 'تجهيز السلال الغذائية وتوزيعها على الأسر المستفيدة في حي الصفا.',
      descriptionEn: 'Packing food baskets and handing them to registered families in Al-Safa.',
      category: 'social-welfare',
      city: 'jeddah',
      location: { lat: 21.5872, lon: 39.2011 },
      remote: false,
      skills: ['first-aid'],
      professions: [],
      requiresApproval: true,
      trainingModules: [],
      status: 'draft',
      firstShiftStart: '2027-03-05T13:00:00.000Z',
      lastShiftEnd: '2027-03-05T17:00:00.000Z',
      createdAt: '2027-02-01T09:00:00.000Z',
      updatedAt: '2027-02-01T09:00:00.000Z',
      shifts: [{ id: '01JS2B4C6D8E0F1G2H3J4K5M6P', start: '2027-03-05T13:00:00.000Z', end: '2027-03-05T17:00:00.000Z', capacity: 25, seatsLeft: 25 }],
    },
  },
});

export const publishOpportunity = /* @__PURE__ */ defineOperation({
  id: 'PublishOpportunity',
  method: 'POST',
  path: '/v1/opportunities/{id}/publish',
  entry: 'functions/http/opportunities/publish.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OpportunityPath },
  needs: ['table:read', 'table:write', 'events'],
  summary:
    "Publish a draft (its organisation's managers): it becomes visible to everyone and searchable. 409 unless it is a draft; 422 `shifts` when no shift starts in the future.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: StatusResponse },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { id: OPPORTUNITY_ID }, response: { id: '01JS2B4C6D8E0F1G2H3J4K5M6N', status: 'published' } },
});

export const closeOpportunity = /* @__PURE__ */ defineOperation({
  id: 'CloseOpportunity',
  method: 'POST',
  path: '/v1/opportunities/{id}/close',
  entry: 'functions/http/opportunities/close.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OpportunityPath, body: CloseOpportunity },
  needs: ['table:read', 'table:write', 'events'],
  summary:
    "Close a draft or published opportunity (its organisation's managers): it leaves search at once. Optional body `{ beneficiaries }`: the people it served, for the impact reports. 409 when already closed.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: StatusResponse },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { id: OPPORTUNITY_ID }, request: { beneficiaries: 140 }, response: { id: '01JS2B4C6D8E0F1G2H3J4K5M6N', status: 'closed' } },
});

export const getOpportunity = /* @__PURE__ */ defineOperation({
  id: 'GetOpportunity',
  method: 'GET',
  path: '/v1/opportunities/{id}',
  entry: 'functions/http/opportunities/get.ts',
  auth: 'optional',
  request: { path: OpportunityPath },
  needs: ['table:read'],
  summary: 'An opportunity with its shifts and the seats left on each. Published: anyone; draft or closed: its managers and, read-only, ministry reviewers and admins (404 otherwise).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OpportunityView },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { id: OPPORTUNITY_ID }, response: opportunity },
});

export const searchOpportunities = /* @__PURE__ */ defineOperation({
  id: 'SearchOpportunities',
  method: 'GET',
  path: '/v1/opportunities',
  entry: 'functions/http/opportunities/search.ts',
  auth: 'none',
  request: { query: SearchOpportunities },
  needs: ['table:read'],
  summary:
    'Published opportunities with a shift ending at or after `from` (default now) and, with `to`, starting by `to`; filters combine (AND). Ordered by last shift end, then id; `limit` 1–100 (20); `nextCursor` continues the same search (another search → 400). A page may hold fewer than `limit` items while `nextCursor` is present.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: SearchPage },
  errors: [400],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { city: 'jeddah', category: 'social-welfare', limit: '20' },
    response: {
      items: [
        {
          id: '01JS2B4C6D8E0F1G2H3J4K5M6N',
          orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          titleAr: 'توزيع السلال الغذائية',
          titleEn: 'Food basket distribution',
          category: 'social-welfare',
          city: 'jeddah',
          location: { lat: 21.5872, lon: 39.2011 },
          remote: false,
          skills: ['first-aid'],
          professions: [],
          requiresApproval: true,
          firstShiftStart: '2027-03-05T13:00:00.000Z',
          lastShiftEnd: '2027-03-05T17:00:00.000Z',
          publishedAt: '2027-02-01T09:30:00.000Z',
        },
      ],
      nextCursor: 'eyJwIjoiMjAyNy0wMy0wNVQxNzowMDowMC4wMDBaIn0',
    },
  },
});

export const updateOpportunity = /* @__PURE__ */ defineOperation({
  id: 'UpdateOpportunity',
  method: 'PATCH',
  path: '/v1/opportunities/{id}',
  entry: 'functions/http/opportunities/update.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OpportunityPath, body: UpdateOpportunity },
  needs: ['table:read', 'table:write'],
  summary:
    "Edit an opportunity (its organisation's managers): any field of the creation; `location` / `minAge` null removes them. `shifts`, when given, is the whole new list: a shift with its `id` is kept with the new times and capacity, one without is added, one left out is removed. A draft changes freely. A published one keeps what volunteers hold: capacity never below the seats taken (422 `shifts.<i>.capacity`), a shift with seats is neither moved (422 `shifts.<i>.start`) nor removed (422 `shifts`); a change of place or a moved shift tells its volunteers (event `OpportunityUpdated`). Closed → 409; a seat taken meanwhile → 409 `opportunity-changed`, nothing written.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OpportunityView },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: OPPORTUNITY_ID },
    request: {
      location: { lat: 21.5901, lon: 39.2044 },
      shifts: [{ id: '01JS2B4C6D8E0F1G2H3J4K5M6P', start: '2027-03-05T16:00:00+03:00', end: '2027-03-05T20:00:00+03:00', capacity: 30 }],
    },
    response: {
      id: '01JS2B4C6D8E0F1G2H3J4K5M6N',
      orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
      titleAr: 'توزيع السلال الغذائية',
      titleEn: 'Food basket distribution',
      descriptionAr: 'تجهيز السلال الغذائية وتوزيعها على الأسر المستفيدة في حي الصفا.',
      descriptionEn: 'Packing food baskets and handing them to registered families in Al-Safa.',
      category: 'social-welfare',
      city: 'jeddah',
      location: { lat: 21.5901, lon: 39.2044 },
      remote: false,
      skills: ['first-aid'],
      professions: [],
      requiresApproval: true,
      trainingModules: [],
      status: 'published',
      firstShiftStart: '2027-03-05T13:00:00.000Z',
      lastShiftEnd: '2027-03-05T17:00:00.000Z',
      createdAt: '2027-02-01T09:00:00.000Z',
      updatedAt: '2027-02-03T08:00:00.000Z',
      publishedAt: '2027-02-01T09:30:00.000Z',
      shifts: [{ id: '01JS2B4C6D8E0F1G2H3J4K5M6P', start: '2027-03-05T13:00:00.000Z', end: '2027-03-05T17:00:00.000Z', capacity: 30, seatsLeft: 23 }],
    },
  },
});

export const listOrganizationOpportunities = /* @__PURE__ */ defineOperation({
  id: 'ListOrganizationOpportunities',
  method: 'GET',
  path: '/v1/organizations/{orgId}/opportunities',
  entry: 'functions/http/opportunities/list-organization.ts',
  auth: 'required',
  groups: ['org-manager', 'ministry-reviewer', 'ministry-admin'],
  request: { path: OrgPath, query: OrganizationOpportunitiesQuery },
  needs: ['table:read'],
  summary:
    "The organisation's own opportunities in every status, drafts included (its managers; ministry reviewers and admins read them too), newest first; `status` = draft | published | closed narrows the list. `limit` 1–100 (default 20), `cursor` from the previous page. Another organisation's manager → 403.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OrganizationOpportunityPage },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: ORG_ID },
    query: { status: 'draft', limit: '20' },
    response: {
      items: [
        {
          id: '01JS2B4C6D8E0F1G2H3J4K5M6N',
          orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          titleAr: 'توزيع السلال الغذائية',
          titleEn: 'Food basket distribution',
          category: 'social-welfare',
          city: 'jeddah',
          status: 'draft',
          requiresApproval: true,
          firstShiftStart: '2027-03-05T13:00:00.000Z',
          lastShiftEnd: '2027-03-05T17:00:00.000Z',
          createdAt: '2027-02-01T09:00:00.000Z',
          updatedAt: '2027-02-01T09:00:00.000Z',
        },
      ],
    },
  },
});

export const opportunityOperations = [
  createOpportunity,
  publishOpportunity,
  closeOpportunity,
  getOpportunity,
  searchOpportunities,
  updateOpportunity,
  listOrganizationOpportunities,
] as const;
