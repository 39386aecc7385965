/**
 * Company routes (corporate volunteering, issue 15). Who may call them:
 * - `POST /v1/companies`: any signed-in user; the company stays `pending` until a ministry
 *   reviewer decides (CompanyOnboarding workflow); the registrant becomes its first admin.
 * - `GET /v1/companies/{companyId}`: its admins, the ministry, its registrant.
 * - `POST …/decision`: ministry-reviewer only.
 * - `POST|GET …/admins`: its admins (GET: the ministry too).
 * - `POST …/employees` (invite), `GET …/employees`: its admins.
 * - `POST …/domain-codes`, `POST …/join`, `POST …/leave`: volunteers (the employees themselves).
 * - `POST|GET …/programs`: its admins (GET: its employees too); `POST …/participations`: its
 *   employees; `POST …/participations/{id}/decision`: its admins.
 * Anyone else, another company's admin included, gets a 404 for everything of a company.
 */
import * as z from '../../../shared/zod.js';
import {
  AddCompanyAdmin,
  DomainCodeSent,
  Employee,
  EmployeeList,
  InvitationsSent,
  InviteEmployees,
  JoinCompany,
  ListQuery,
  Membership,
  Participate,
  ParticipationDecision,
  ParticipationPath,
  ParticipationView,
  Program,
  ProgramList,
  ProgramPath,
  RequestDomainCode,
  CompanyAdmin,
  CompanyAdminList,
  CompanyDecision,
  CompanyDecisionResponse,
  CompanyPath,
  CompanyReport,
  CompanyRegisteredResponse,
  CompanyView,
  CreateProgram,
  RegisterCompany,
  ReserveTeamSeats,
  TeamEvent,
  TeamEventList,
  TeamEventPath,
  TeamSeatClaimed,
} from '../../../shared/domain/companies/schema.js';
import { ImpactRange } from '../../../shared/domain/impact/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['companies'];
const COMPANY_ID = '01JS2B7K4M9N3P5Q8R1T6V0W2X';

export const registerCompany = /* @__PURE__ */ defineOperation({
  id: 'RegisterCompany',
  method: 'POST',
  path: '/v1/companies',
  entry: 'functions/http/companies/register.ts',
  auth: 'required',
  request: { body: RegisterCompany },
  idempotent: true,
  needs: ['table:read', 'table:write', 'events', 'workflow:CompanyOnboarding'],
  summary:
    'Register a company (any signed-in user). 202 `pending`: the CompanyOnboarding workflow notifies the ministry reviewers and waits for their decision; on approval the registrant becomes its first company-admin. `crNumber` is the 10-digit commercial registration number, held by one pending or active company (409 on `crNumber`); `emailDomains` are the domains of the staff\'s work addresses (employees may join by proving one).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: CompanyRegisteredResponse },
  errors: [400, 401, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    request: { nameAr: 'شركة الأفق للتقنية', nameEn: 'Horizon Technology Co.', crNumber: '1010987654', contactEmail: 'csr@horizon.com.sa', emailDomains: ['horizon.com.sa'] },
    response: { id: '01JS2B7K4M9N3P5Q8R1T6V0W2X', status: 'pending' },
  },
});

export const getCompany = /* @__PURE__ */ defineOperation({
  id: 'GetCompany',
  method: 'GET',
  path: '/v1/companies/{companyId}',
  entry: 'functions/http/companies/get.ts',
  auth: 'required',
  request: { path: CompanyPath },
  needs: ['table:read'],
  summary: 'A company with its status history (its admins, ministry reviewers and admins, its registrant; anyone else → 404).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CompanyView },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    response: {
      id: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
      nameAr: 'شركة الأفق للتقنية',
      nameEn: 'Horizon Technology Co.',
      crNumber: '1010987654',
      contactEmail: 'csr@horizon.com.sa',
      emailDomains: ['horizon.com.sa'],
      status: 'active',
      registeredBy: { sub: '5b7c1e2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e', email: 'noura@horizon.com.sa' },
      createdAt: '2026-05-03T09:12:00.000Z',
      updatedAt: '2026-05-04T11:40:00.000Z',
      decision: { decision: 'approve', by: 'reviewer-7', at: '2026-05-04T11:39:58.000Z' },
      history: [
        { status: 'pending', at: '2026-05-03T09:12:00.000Z', by: '5b7c1e2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e', reason: 'registered' },
        { status: 'active', from: 'pending', at: '2026-05-04T11:40:00.000Z', by: 'reviewer-7', reason: 'approved by the ministry' },
      ],
    },
  },
});

export const decideCompany = /* @__PURE__ */ defineOperation({
  id: 'DecideCompany',
  method: 'POST',
  path: '/v1/companies/{companyId}/decision',
  entry: 'functions/http/companies/decide.ts',
  auth: 'required',
  groups: ['ministry-reviewer'],
  request: { path: CompanyPath, body: CompanyDecision },
  needs: ['table:read', 'table:write', 'workflow:CompanyOnboarding'],
  summary:
    'The ministry decision on a pending company (ministry-reviewer). 202: the workflow resumes; approve → `active` and the registrant becomes its first company-admin, reject (`reason` required) → `rejected` and the CR number is free again; the contact is emailed. A second decision is a 409 and changes nothing; one before the workflow waits for it is a 409 `decision-not-open`.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: CompanyDecisionResponse },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { companyId: COMPANY_ID }, request: { decision: 'approve' }, response: { id: '01JS2B7K4M9N3P5Q8R1T6V0W2X', decision: 'approve', status: 'pending' } },
});

export const addCompanyAdmin = /* @__PURE__ */ defineOperation({
  id: 'AddCompanyAdmin',
  method: 'POST',
  path: '/v1/companies/{companyId}/admins',
  entry: 'functions/http/companies/add-admin.ts',
  auth: 'required',
  groups: ['company-admin'],
  request: { path: CompanyPath, body: AddCompanyAdmin },
  idempotent: true,
  needs: ['table:read', 'table:write', 'events', 'cognito'],
  summary:
    "Add an admin to an active company (its company-admins). In the cloud the user joins the `company-admin` group with `custom:companyId`. A user administers one company (409 on `sub` otherwise); another company's admin → 404.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: CompanyAdmin },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    request: { sub: '9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b', email: 'hr@horizon.com.sa' },
    response: {
      companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
      sub: '9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b',
      email: 'hr@horizon.com.sa',
      addedBy: '5b7c1e2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e',
      addedAt: '2026-05-05T08:00:00.000Z',
    },
  },
});

export const listCompanyAdmins = /* @__PURE__ */ defineOperation({
  id: 'ListCompanyAdmins',
  method: 'GET',
  path: '/v1/companies/{companyId}/admins',
  entry: 'functions/http/companies/list-admins.ts',
  auth: 'required',
  request: { path: CompanyPath },
  needs: ['table:read'],
  summary: "The company's admins (its admins, the ministry, its registrant; anyone else → 404).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CompanyAdminList },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    response: {
      items: [
        {
          companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
          sub: '5b7c1e2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e',
          email: 'noura@horizon.com.sa',
          addedBy: 'reviewer-7',
          addedAt: '2026-05-04T11:40:00.000Z',
        },
      ],
    },
  },
});

export const inviteEmployees = /* @__PURE__ */ defineOperation({
  id: 'InviteEmployees',
  method: 'POST',
  path: '/v1/companies/{companyId}/employees',
  entry: 'functions/http/companies/invite-employees.ts',
  auth: 'required',
  groups: ['company-admin'],
  request: { path: CompanyPath, body: InviteEmployees },
  idempotent: true,
  needs: ['table:read', 'table:write', 'notify'],
  summary:
    "Invite employees (its company-admins): `{ email }` or `{ emails: [...] }` (≤ 100). Each address gets its own one-time code by email (Arabic and English, with the join link), valid 14 days; the employee joins with `POST …/join`. Another company's admin → 404.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: InvitationsSent },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    request: { emails: ['sara.alqahtani@horizon.com.sa', 'omar.alharbi@horizon.com.sa'] },
    response: {
      items: [
        { email: 'sara.alqahtani@horizon.com.sa', expiresAt: '2026-05-19T08:00:00.000Z' },
        { email: 'omar.alharbi@horizon.com.sa', expiresAt: '2026-05-19T08:00:00.000Z' },
      ],
    },
  },
});

export const listEmployees = /* @__PURE__ */ defineOperation({
  id: 'ListEmployees',
  method: 'GET',
  path: '/v1/companies/{companyId}/employees',
  entry: 'functions/http/companies/list-employees.ts',
  auth: 'required',
  groups: ['company-admin'],
  request: { path: CompanyPath, query: ListQuery },
  needs: ['table:read'],
  summary:
    "The company's employees, current and former, with the work email each joined with and their periods of employment (its company-admins). Never the national ID, phone or profile email. Paginated.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: EmployeeList },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    response: {
      items: [
        {
          companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
          volunteerId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          workEmail: 'sara.alqahtani@horizon.com.sa',
          status: 'current',
          joinedAt: '2026-05-06T07:30:00.000Z',
          stints: [{ workEmail: 'sara.alqahtani@horizon.com.sa', via: 'invitation', joinedAt: '2026-05-06T07:30:00.000Z' }],
        },
      ],
    },
  },
});

export const requestDomainCode = /* @__PURE__ */ defineOperation({
  id: 'RequestCompanyDomainCode',
  method: 'POST',
  path: '/v1/companies/{companyId}/domain-codes',
  entry: 'functions/http/companies/request-domain-code.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: CompanyPath, body: RequestDomainCode },
  needs: ['table:read', 'table:write', 'notify'],
  summary:
    "A volunteer proves they work at an active company: `{ email }` on one of its domains (422 naming `email` otherwise) receives a one-time code, valid 1 hour, to use with `POST …/join`.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: DomainCodeSent },
  errors: [400, 401, 403, 404, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { companyId: COMPANY_ID }, request: { email: 'sara.alqahtani@horizon.com.sa' }, response: { email: 'sara.alqahtani@horizon.com.sa', expiresAt: '2026-05-06T08:30:00.000Z' } },
});

export const joinCompany = /* @__PURE__ */ defineOperation({
  id: 'JoinCompany',
  method: 'POST',
  path: '/v1/companies/{companyId}/join',
  entry: 'functions/http/companies/join.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: CompanyPath, body: JoinCompany },
  needs: ['table:read', 'table:write', 'events'],
  summary:
    'A volunteer joins with the one-time code of an invitation or a domain proof (used once; unknown, used or expired → 422 naming `code`). After 5 wrong codes in an hour the volunteer gets 429 with `Retry-After` (the end of the hour) and the domain code they asked for is void. A volunteer belongs to one company at a time (409 `already-employed`). The company sees only the work email the code went to.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: Membership },
  errors: [400, 401, 403, 404, 409, 413, 422, 429],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    request: { code: 'K7QM-3XPA' },
    response: { companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X', volunteerId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', workEmail: 'sara.alqahtani@horizon.com.sa', via: 'invitation', joinedAt: '2026-05-06T07:30:00.000Z' },
  },
});

export const leaveCompany = /* @__PURE__ */ defineOperation({
  id: 'LeaveCompany',
  method: 'POST',
  path: '/v1/companies/{companyId}/leave',
  entry: 'functions/http/companies/leave.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: CompanyPath },
  needs: ['table:read', 'table:write', 'events'],
  summary: "The employee leaves the company (404 if they are not its employee). Their record and the hours they gave stay in the company's history; they may join another company.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: /* @__PURE__ */ z.pick(Employee, { companyId: true, leftAt: true }) },
  errors: [400, 401, 403, 404, 409],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { companyId: COMPANY_ID }, response: { companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X', leftAt: '2026-09-30T15:00:00.000Z' } },
});

const PROGRAM_ID = '01JS3C8M5N0P4Q6R9S2T7V1W3Y';
const program = {
  id: '01JS3C8M5N0P4Q6R9S2T7V1W3Y',
  companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
  nameAr: 'برنامج الأفق للعطاء',
  nameEn: 'Horizon Gives',
  hoursPerEmployee: 16,
  from: '2026-06-01',
  to: '2026-12-31',
  causes: ['education', 'environment'],
  orgIds: ['01JRW9Z6Q3X8K2M4N5P7R9S1TV'],
  requiresApproval: true,
  createdBy: '5b7c1e2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e',
  createdAt: '2026-05-20T10:00:00.000Z',
};

export const createProgram = /* @__PURE__ */ defineOperation({
  id: 'CreateCompanyProgram',
  method: 'POST',
  path: '/v1/companies/{companyId}/programs',
  entry: 'functions/http/companies/create-program.ts',
  auth: 'required',
  groups: ['company-admin'],
  request: { path: CompanyPath, body: CreateProgram },
  idempotent: true,
  needs: ['table:read', 'table:write'],
  summary:
    "Create an employee volunteering programme (its company-admins): period, volunteer time off per employee (hours), eligible causes and/or organisations (active non-profits of the platform; 422 naming `orgIds.N` otherwise), whether an admin approves each participation. Another company's admin → 404.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: Program },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    request: { nameAr: 'برنامج الأفق للعطاء', nameEn: 'Horizon Gives', hoursPerEmployee: 16, from: '2026-06-01', to: '2026-12-31', causes: ['education', 'environment'], orgIds: ['01JRW9Z6Q3X8K2M4N5P7R9S1TV'], requiresApproval: true },
    response: program,
  },
});

export const listPrograms = /* @__PURE__ */ defineOperation({
  id: 'ListCompanyPrograms',
  method: 'GET',
  path: '/v1/companies/{companyId}/programs',
  entry: 'functions/http/companies/list-programs.ts',
  auth: 'required',
  request: { path: CompanyPath },
  needs: ['table:read'],
  summary: "The company's programmes (its company-admins and its current employees; anyone else → 404).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ProgramList },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { companyId: COMPANY_ID }, response: { items: [program] } },
});

/** A participation as answered: reserved at once (no approval) or once an admin approved it. */
const participation = {
  id: '01JS3C8M5N0P4Q6R9S2T7V1W3Z',
  companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
  programId: '01JS3C8M5N0P4Q6R9S2T7V1W3Y',
  volunteerId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  applicationId: '01JS3D9M6P1Q5R7S0T3V8W2X4Y',
  opportunityId: '01JRZ4A7B8C9D0E1F2G3H4J5K6',
  orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
  shiftId: '01JRZ4A7B8C9D0E1F2G3H4J5K7',
  minutes: 240,
  status: 'reserved',
  createdAt: '2026-06-02T08:00:00.000Z',
  balance: { quotaMinutes: 960, reservedMinutes: 240, usedMinutes: 0, availableMinutes: 720 },
};

export const participateInProgram = /* @__PURE__ */ defineOperation({
  id: 'ParticipateInProgram',
  method: 'POST',
  path: '/v1/companies/{companyId}/programs/{programId}/participations',
  entry: 'functions/http/companies/participate.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ProgramPath, body: Participate },
  idempotent: true,
  needs: ['table:read', 'table:write', 'events'],
  summary:
    "An employee tags one of their applications (an eligible organisation or cause, a shift within the programme's period) with the programme. The shift's minutes are reserved against their time off at once (`reserved`), or when an admin approves (`requested`). 409 `vto-quota-exceeded` when they are not available: the quota is never exceeded, whatever the concurrency. One programme per opportunity's hours.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: ParticipationView },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID, programId: PROGRAM_ID },
    request: { applicationId: '01JS3D9M6P1Q5R7S0T3V8W2X4Y' },
    response: participation,
  },
});

export const decideParticipation = /* @__PURE__ */ defineOperation({
  id: 'DecideProgramParticipation',
  method: 'POST',
  path: '/v1/companies/{companyId}/programs/{programId}/participations/{participationId}/decision',
  entry: 'functions/http/companies/decide-participation.ts',
  auth: 'required',
  groups: ['company-admin'],
  request: { path: ParticipationPath, body: ParticipationDecision },
  needs: ['table:read', 'table:write', 'events'],
  summary:
    "A company-admin approves a requested participation (its minutes reserved, 409 `vto-quota-exceeded` if no longer available) or rejects it (`reason` required). Decided once (409). Another company's admin → 404.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ParticipationView },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID, programId: PROGRAM_ID, participationId: '01JS3C8M5N0P4Q6R9S2T7V1W3Z' },
    request: { decision: 'approve' },
    response: participation,
  },
});

export const getCompanyReport = /* @__PURE__ */ defineOperation({
  id: 'GetCompanyReport',
  method: 'GET',
  path: '/v1/companies/{companyId}/report',
  entry: 'functions/http/companies/report.ts',
  auth: 'required',
  groups: ['company-admin'],
  request: { path: CompanyPath, query: ImpactRange },
  needs: ['table:read'],
  summary:
    "The company's contribution over months `from`..`to` (YYYY-MM, Riyadh; default the last 12; at most 24): employees who joined, distinct participants, participation rate, approved minutes, economic value (SAR, frozen at approval from the valuation rates), by cause, organisation and month. Built incrementally from the hours events, never recounted. Its company-admins (another company's admin → 404). `Accept: text/csv` → the same as a CSV file (UTF-8 with BOM, Arabic and English headers).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CompanyReport },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID },
    response: {
      companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
      from: '2026-06',
      to: '2026-07',
      employees: 40,
      currentEmployees: 38,
      participants: 12,
      participationRate: 0.3,
      approvedMinutes: 5760,
      valueSar: 4800,
      byCause: [{ cause: 'environment', minutes: 3600 }, { cause: 'education', minutes: 2160 }],
      byOrganization: [{ orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV', minutes: 5760 }],
      byMonth: [
        { month: '2026-06', minutes: 2880, valueSar: 2400, participants: 8 },
        { month: '2026-07', minutes: 2880, valueSar: 2400, participants: 7 },
      ],
    },
  },
});

const TEAM_EVENT_ID = '01JS4E2N7P3Q8R5S1T9V6W4X2Z';
const teamEvent = {
  id: '01JS4E2N7P3Q8R5S1T9V6W4X2Z',
  companyId: '01JS2B7K4M9N3P5Q8R1T6V0W2X',
  opportunityId: '01JRZ4A7B8C9D0E1F2G3H4J5K6',
  orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
  shiftId: '01JRZ4A7B8C9D0E1F2G3H4J5K7',
  start: '2026-06-20T05:00:00.000Z',
  end: '2026-06-20T09:00:00.000Z',
  seats: 12,
  claimed: 0,
  status: 'reserved',
  releaseAt: '2026-06-18T05:00:00.000Z',
  createdBy: '5b7c1e2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e',
  createdAt: '2026-06-01T09:00:00.000Z',
};

export const reserveTeamSeats = /* @__PURE__ */ defineOperation({
  id: 'ReserveTeamSeats',
  method: 'POST',
  path: '/v1/companies/{companyId}/team-events',
  entry: 'functions/http/companies/reserve-team-seats.ts',
  auth: 'required',
  groups: ['company-admin'],
  request: { path: CompanyPath, body: ReserveTeamSeats },
  idempotent: true,
  needs: ['table:read', 'table:write'],
  summary:
    "Take `seats` seats on a shift of a published opportunity for the company's team (its company-admins), in one transaction with the shift's seat counter: all or none, never past its capacity (409 `team-seats-unavailable`, nothing written). The shift must start more than 48 h from now (422 naming `shiftId`); 48 h before it the seats no employee claimed go back to the shift. Another company's admin → 404.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: TeamEvent },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { companyId: COMPANY_ID }, request: { opportunityId: '01JRZ4A7B8C9D0E1F2G3H4J5K6', shiftId: '01JRZ4A7B8C9D0E1F2G3H4J5K7', seats: 12 }, response: teamEvent },
});

export const listTeamEvents = /* @__PURE__ */ defineOperation({
  id: 'ListTeamEvents',
  method: 'GET',
  path: '/v1/companies/{companyId}/team-events',
  entry: 'functions/http/companies/list-team-events.ts',
  auth: 'required',
  request: { path: CompanyPath },
  needs: ['table:read'],
  summary: "The company's team events with their claimed and released seats (its company-admins and current employees; anyone else → 404).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: TeamEventList },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { companyId: COMPANY_ID }, response: { items: [teamEvent] } },
});

export const claimTeamSeat = /* @__PURE__ */ defineOperation({
  id: 'ClaimTeamSeat',
  method: 'POST',
  path: '/v1/companies/{companyId}/team-events/{teamEventId}/claims',
  entry: 'functions/http/companies/claim-team-seat.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: TeamEventPath },
  idempotent: true,
  needs: ['table:read', 'table:write', 'events'],
  summary:
    "A current employee claims one of the team's seats (group sign-up): their own application on the shift, approved at once (ApplicationApproved), on a seat the company already holds. The rules of applying apply (422 naming the rule: profile, charter, age, professions, training, overlap); one application per shift (409 `already-applied`); 409 `team-seats-gone` when every seat is claimed or the unclaimed ones went back (48 h before the start).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: TeamSeatClaimed },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { companyId: COMPANY_ID, teamEventId: TEAM_EVENT_ID },
    response: { teamEventId: '01JS4E2N7P3Q8R5S1T9V6W4X2Z', applicationId: '01JS4F3P8Q4R9S6T2V0W7X5Y3A', status: 'approved', claimed: 1, seats: 12 },
  },
});

export const companyOperations = [
  registerCompany,
  getCompany,
  decideCompany,
  addCompanyAdmin,
  listCompanyAdmins,
  inviteEmployees,
  listEmployees,
  requestDomainCode,
  joinCompany,
  leaveCompany,
  createProgram,
  listPrograms,
  participateInProgram,
  decideParticipation,
  getCompanyReport,
  reserveTeamSeats,
  listTeamEvents,
  claimTeamSeat,
] as const;
