/**
 * Application routes. Who may call them:
 * - `POST /v1/opportunities/{id}/applications`: volunteers (the current charter accepted, a
 *   complete profile); starts the ApplicationReview workflow;
 * - `GET /v1/applications/{id}`: its volunteer and that organisation's managers (404 otherwise);
 * - `GET /v1/volunteers/me/applications`: volunteers, their own;
 * - `GET /v1/organizations/{orgId}/applications`: that organisation's managers;
 * - `POST /v1/applications/{id}/decision`: that organisation's managers (404 for others);
 * - `POST /v1/applications/{id}/withdraw`: its volunteer (404 for others).
 */
import {
  ApplicationDecision,
  ApplicationPage,
  ApplicationView,
  DecisionResponse,
  ListQuery,
  ReviewQueueQuery,
  SubmitApplication,
  SubmittedResponse,
  WithdrawResponse,
} from '../../../shared/domain/applications/schema.js';
import { defineRoutes } from '../route.js';

const tags = ['applications'];

export const applicationRoutes = defineRoutes([
  {
    id: 'SubmitApplication',
    method: 'POST',
    path: '/v1/opportunities/{id}/applications',
    entry: 'functions/http/applications/submit.ts',
    auth: 'required',
    needs: ['table:read', 'table:write', 'idempotency', 'events', 'workflow:ApplicationReview'],
    docs: {
      summary:
        'Apply for a shift of a published opportunity (volunteers). 202 `submitted`: the ApplicationReview workflow screens it and then reserves a seat, waitlists it, or waits for the managers when the opportunity requires approval. Refused at once with 422 naming the rule in `errors[].path` (`profile`, `charter`, `opportunity.status`, `shiftId`, `shift.start`), and with 409 `already-applied` (path `shiftId`) for a second application to the same shift; nothing is written then.',
      tags,
      body: SubmitApplication,
      responses: { 202: SubmittedResponse },
      errors: [400, 401, 403, 404, 409, 413, 422],
      idempotent: true,
    },
  },
  {
    id: 'GetApplication',
    method: 'GET',
    path: '/v1/applications/{id}',
    entry: 'functions/http/applications/get.ts',
    auth: 'required',
    needs: ['table:read'],
    docs: {
      summary:
        "An application with its current status, its waitlist position when waitlisted, the failed screening rules when rejected by screening, and every transition (time, actor, reason). Its volunteer and that organisation's managers; 404 for everyone else.",
      tags,
      responses: { 200: ApplicationView },
      errors: [400, 401, 404],
    },
  },
  {
    id: 'ListMyApplications',
    method: 'GET',
    path: '/v1/volunteers/me/applications',
    entry: 'functions/http/applications/list-mine.ts',
    auth: 'required',
    needs: ['table:read'],
    docs: {
      summary: "The caller's applications, newest first (volunteers). `limit` 1–100 (default 20), `cursor` from the previous page.",
      tags,
      query: ListQuery,
      responses: { 200: ApplicationPage },
      errors: [400, 401, 403],
    },
  },
  {
    id: 'ListOrganizationApplications',
    method: 'GET',
    path: '/v1/organizations/{orgId}/applications',
    entry: 'functions/http/applications/list-organization.ts',
    auth: 'required',
    needs: ['table:read'],
    docs: {
      summary:
        "The organisation's review queue (its managers): applications in one `status` (default `pending`), oldest transition first. `limit` 1–100 (default 20), `cursor` from the previous page.",
      tags,
      query: ReviewQueueQuery,
      responses: { 200: ApplicationPage },
      errors: [400, 401, 403],
    },
  },
  {
    id: 'DecideApplication',
    method: 'POST',
    path: '/v1/applications/{id}/decision',
    entry: 'functions/http/applications/decide.ts',
    auth: 'required',
    needs: ['table:read', 'table:write', 'workflow:ApplicationReview'],
    docs: {
      summary:
        "A manager's decision on a pending application (that organisation's managers). 200: the review resumes; approve → screened again, then a seat (`approved`) or the waitlist (`waitlisted`); reject (`reason` required) → `rejected`. A decision on an already decided application is a 409 `application-already-decided` and changes nothing; before the review waits for one (seconds after applying) a 409 `decision-not-open`.",
      tags,
      body: ApplicationDecision,
      responses: { 200: DecisionResponse },
      errors: [400, 401, 403, 404, 409, 413, 422],
    },
  },
  {
    id: 'WithdrawApplication',
    method: 'POST',
    path: '/v1/applications/{id}/withdraw',
    entry: 'functions/http/applications/withdraw.ts',
    auth: 'required',
    needs: ['table:read', 'table:write', 'events', 'workflow:ApplicationReview'],
    docs: {
      summary:
        'Withdraw an application (its volunteer). An approved seat is freed and, in the same transaction, given to the first waitlisted applicant (`promoted`); a pending review ends. 409 `application-not-withdrawable` once rejected or expired; withdrawing twice answers the same.',
      tags,
      responses: { 200: WithdrawResponse },
      errors: [400, 401, 403, 404, 409],
    },
  },
]);
