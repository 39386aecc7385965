/**
 * Application routes. Who may call them:
 * - `POST /v1/opportunities/{id}/applications`: volunteers (the current charter accepted, a
 *   complete profile); starts the ApplicationReview workflow;
 * - `GET /v1/applications/{id}`: its volunteer, that organisation's managers, the ministry (404 otherwise);
 * - `GET /v1/volunteers/me/applications`: volunteers, their own;
 * - `GET /v1/organizations/{orgId}/applications`: that organisation's managers, the ministry;
 * - `POST /v1/applications/{id}/decision`: that organisation's managers (404 for others);
 * - `POST /v1/applications/{id}/withdraw`: its volunteer (404 for others).
 */
import {
  ApplicationDecision,
  ApplicationPath,
  ApplicationPage,
  ApplicationView,
  DecisionResponse,
  ListQuery,
  OpportunityIdPath,
  OrgApplicationsPath,
  ReviewQueueQuery,
  SubmitApplication,
  SubmittedResponse,
  WithdrawResponse,
} from '../../../shared/domain/applications/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['applications'];

// Examples are plain literals (no spreads, no calls), so that a handler's bundle can drop the
// specs of the other operations of this file.
const APPLICATION_ID = '01JS3C5D7E9F1G2H3J4K5M6N7P';
const application = {
  id: '01JS3C5D7E9F1G2H3J4K5M6N7P',
  volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
  opportunityId: '01JS2B4C6D8E0F1G2H3J4K5M6N',
  orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
  shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P',
  shift: { start: '2027-03-05T13:00:00.000Z', end: '2027-03-05T17:00:00.000Z' },
  status: 'approved',
  motivation: 'I volunteered with the society last Ramadan and would like to help again.',
  createdAt: '2027-02-02T08:00:00.000Z',
  updatedAt: '2027-02-02T11:30:00.000Z',
  history: [
    { version: 1, status: 'submitted', at: '2027-02-02T08:00:00.000Z', by: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77' },
    { version: 2, status: 'pending', from: 'submitted', at: '2027-02-02T08:00:02.000Z', by: 'system' },
    { version: 3, status: 'approved', from: 'pending', at: '2027-02-02T11:30:00.000Z', by: '8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6' },
  ],
};
const pendingApplication = {
  id: '01JS3C5D7E9F1G2H3J4K5M6N7Q',
  volunteerId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  opportunityId: '01JS2B4C6D8E0F1G2H3J4K5M6N',
  orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
  shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P',
  shift: { start: '2027-03-05T13:00:00.000Z', end: '2027-03-05T17:00:00.000Z' },
  status: 'pending',
  createdAt: '2027-02-03T10:00:00.000Z',
  updatedAt: '2027-02-03T10:00:02.000Z',
};

export const submitApplication = /* @__PURE__ */ defineOperation({
  id: 'SubmitApplication',
  method: 'POST',
  path: '/v1/opportunities/{id}/applications',
  entry: 'functions/http/applications/submit.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: OpportunityIdPath, body: SubmitApplication },
  idempotent: true,
  needs: ['table:read', 'table:write', 'events', 'workflow:ApplicationReview'],
  summary:
    'Apply for a shift of a published opportunity (volunteers). 202 `submitted`: the ApplicationReview workflow screens it and then reserves a seat, waitlists it, or waits for the managers when the opportunity requires approval. Refused at once with 422 naming the rule in `errors[].path` (`profile`, `charter`, `opportunity.status`, `shiftId`, `shift.start`), and with 409 `already-applied` (path `shiftId`) for a second application to the same shift; nothing is written then.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: SubmittedResponse },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01JS2B4C6D8E0F1G2H3J4K5M6N' },
    request: { shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P', motivation: 'I volunteered with the society last Ramadan and would like to help again.' },
    response: { id: '01JS3C5D7E9F1G2H3J4K5M6N7P', status: 'submitted' },
  },
});

export const getApplication = /* @__PURE__ */ defineOperation({
  id: 'GetApplication',
  method: 'GET',
  path: '/v1/applications/{id}',
  entry: 'functions/http/applications/get.ts',
  auth: 'required',
  request: { path: ApplicationPath },
  needs: ['table:read', 'audit'],
  summary:
    "An application with its current status, its waitlist position when waitlisted, the failed screening rules when rejected by screening, and every transition (time, actor, reason). Its volunteer, that organisation's managers and ministry reviewers and admins (read-only oversight); 404 for everyone else.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ApplicationView },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { id: APPLICATION_ID }, response: application },
});

export const listMyApplications = /* @__PURE__ */ defineOperation({
  id: 'ListMyApplications',
  method: 'GET',
  path: '/v1/volunteers/me/applications',
  entry: 'functions/http/applications/list-mine.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { query: ListQuery },
  needs: ['table:read'],
  summary: "The caller's applications, newest first (volunteers). `limit` 1–100 (default 20), `cursor` from the previous page.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ApplicationPage },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { query: { limit: '20' }, response: { items: [application] } },
});

export const listOrganizationApplications = /* @__PURE__ */ defineOperation({
  id: 'ListOrganizationApplications',
  method: 'GET',
  path: '/v1/organizations/{orgId}/applications',
  entry: 'functions/http/applications/list-organization.ts',
  auth: 'required',
  groups: ['org-manager', 'ministry-reviewer', 'ministry-admin'],
  request: { path: OrgApplicationsPath, query: ReviewQueueQuery },
  needs: ['table:read', 'audit'],
  summary:
    "The organisation's review queue (its managers; ministry reviewers and admins read it too), each item with `applicant`: display name, city, skills, professions, languages, the attendance record of the last 12 months and training completions — contact data only once approved, never the national ID. Applications in one `status` (default `pending`), oldest transition first. `limit` 1–100 (default 20), `cursor` from the previous page.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ApplicationPage },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV' },
    query: { status: 'pending', limit: '20' },
    response: { items: [pendingApplication], nextCursor: 'eyJwIjoiMjAyNy0wMi0wM1QxMDowMDowMi4wMDBaIn0' },
  },
});

export const decideApplication = /* @__PURE__ */ defineOperation({
  id: 'DecideApplication',
  method: 'POST',
  path: '/v1/applications/{id}/decision',
  entry: 'functions/http/applications/decide.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: ApplicationPath, body: ApplicationDecision },
  needs: ['table:read', 'table:write', 'workflow:ApplicationReview'],
  summary:
    "A manager's decision on a pending application (that organisation's managers). 200: the review resumes; approve → screened again, then a seat (`approved`) or the waitlist (`waitlisted`); reject (`reason` required) → `rejected`. A decision on an already decided application is a 409 `application-already-decided` and changes nothing; before the review waits for one (seconds after applying) a 409 `decision-not-open`.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: DecisionResponse },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: APPLICATION_ID },
    request: { decision: 'approve' },
    response: { id: '01JS3C5D7E9F1G2H3J4K5M6N7P', decision: 'approve', status: 'pending' },
  },
});

export const withdrawApplication = /* @__PURE__ */ defineOperation({
  id: 'WithdrawApplication',
  method: 'POST',
  path: '/v1/applications/{id}/withdraw',
  entry: 'functions/http/applications/withdraw.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ApplicationPath },
  needs: ['table:read', 'table:write', 'events', 'workflow:ApplicationReview'],
  summary:
    'Withdraw an application (its volunteer). An approved seat is freed and, in the same transaction, given to the first waitlisted applicant (who is told; the answer never names another volunteer’s application); a pending review ends. 409 `application-not-withdrawable` once rejected, expired or cancelled; withdrawing twice answers the same.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: WithdrawResponse },
  errors: [400, 401, 403, 404, 409],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: APPLICATION_ID },
    response: { id: '01JS3C5D7E9F1G2H3J4K5M6N7P', status: 'withdrawn' },
  },
});

export const applicationOperations = [submitApplication, getApplication, listMyApplications, listOrganizationApplications, decideApplication, withdrawApplication] as const;
