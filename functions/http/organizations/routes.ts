/**
 * Organisation routes. Who may call them:
 * - `POST /v1/organizations`: any signed-in user (no group): registers an organisation, which
 *   stays `pending` until a ministry reviewer decides (OrganizationOnboarding workflow).
 * - `GET /v1/organizations`: anyone (active ones); ministry reviewers and admins (any status,
 *   the pending review queue oldest first).
 * - `GET /v1/organizations/{orgId}`: anyone (public fields of an active organisation); its
 *   managers, the ministry and its registrant see everything, including the status history.
 * - `POST …/decision`: ministry-reviewer only.
 * - `POST|GET …/managers`: that organisation's managers and ministry-admin (GET: the ministry too).
 */
import {
  AddManager,
  OrgPath,
  DecisionResponse,
  Manager,
  ManagerList,
  ListOrganizationsQuery,
  OrganizationDecision,
  OrganizationPage,
  OrganizationFullView,
  RegisterOrganization,
  RegisteredResponse,
} from '../../../shared/domain/organizations/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['organizations'];

// Examples are plain literals (no spreads, no calls), so that a handler's bundle can drop the
// specs of the other operations of this file.
const ORG_ID = '01JRW9Z6Q3X8K2M4N5P7R9S1TV';
const registration = {
  nameAr: 'جمعية البر بجدة',
  nameEn: 'Al-Birr Society Jeddah',
  licenseNumber: '1010123456',
  city: 'jeddah',
  contactEmail: 'info@albirr-jeddah.org.sa',
  phone: '+966126543210',
  causes: ['health', 'social-welfare'],
};

export const registerOrganization = /* @__PURE__ */ defineOperation({
  id: 'RegisterOrganization',
  method: 'POST',
  path: '/v1/organizations',
  entry: 'functions/http/organizations/register.ts',
  auth: 'required',
  request: { body: RegisterOrganization },
  idempotent: true,
  needs: ['table:read', 'table:write', 'events', 'workflow:OrganizationOnboarding'],
  summary:
    'Register an organisation (any signed-in user). 202 `pending`: the OrganizationOnboarding workflow notifies the ministry reviewers and waits for their decision. `licenseNumber` is the 10-digit NCNP licence or commercial registration number (not starting with 0); one organisation per licence number (409 on `licenseNumber`).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: RegisteredResponse },
  errors: [400, 401, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { request: registration, response: { id: '01JRW9Z6Q3X8K2M4N5P7R9S1TV', status: 'pending' } },
});

export const listOrganizations = /* @__PURE__ */ defineOperation({
  id: 'ListOrganizations',
  method: 'GET',
  path: '/v1/organizations',
  entry: 'functions/http/organizations/list.ts',
  auth: 'optional',
  request: { query: ListOrganizationsQuery },
  needs: ['table:read'],
  summary:
    'Organisations in one `status` (default `active`), oldest registration first, optionally in one `city` (ids of `GET /v1/reference`). Anyone lists active organisations (public fields); ministry reviewers and admins list any status — `pending` is their review queue — and also see the licence number. Another status without a ministry token → 403. `limit` 1–100 (default 20), `cursor` from the previous page.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OrganizationPage },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { status: 'pending', city: 'jeddah', limit: '20' },
    response: {
      items: [
        {
          id: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          nameAr: 'جمعية البر بجدة',
          nameEn: 'Al-Birr Society Jeddah',
          city: 'jeddah',
          causes: ['health', 'social-welfare'],
          status: 'pending',
          hasCertifiedManager: false,
          createdAt: '2026-04-12T09:15:01.000Z',
          licenseNumber: '1010123456',
        },
      ],
    },
  },
});

export const getOrganization = /* @__PURE__ */ defineOperation({
  id: 'GetOrganization',
  method: 'GET',
  path: '/v1/organizations/{orgId}',
  entry: 'functions/http/organizations/get.ts',
  auth: 'optional',
  request: { path: OrgPath },
  needs: ['table:read'],
  summary:
    'An organisation. Anyone: the public fields of an active organisation. Its managers, ministry reviewers and admins, and the user who registered it: every field, the volunteer department and the status history (who, when, why). Not active and not one of those → 404.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OrganizationFullView },
  errors: [400, 401, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: ORG_ID },
    response: {
      id: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
      nameAr: 'جمعية البر بجدة',
      nameEn: 'Al-Birr Society Jeddah',
      city: 'jeddah',
      causes: ['health', 'social-welfare'],
      status: 'active',
      hasCertifiedManager: true,
      licenseNumber: '1010123456',
      contactEmail: 'info@albirr-jeddah.org.sa',
      phone: '+966126543210',
      registeredBy: { sub: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', email: 'huda.alharbi@example.com' },
      createdAt: '2026-04-12T12:15:01+03:00',
      updatedAt: '2026-04-14T10:02:00+03:00',
      department: { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV', establishedAt: '2026-04-14T10:02:00+03:00', approvedBy: 'reviewer-7' },
      history: [
        { status: 'pending', at: '2026-04-12T12:15:01+03:00', by: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77' },
        { status: 'active', from: 'pending', at: '2026-04-14T10:02:00+03:00', by: 'reviewer-7' },
      ],
    },
  },
});

export const decideOrganization = /* @__PURE__ */ defineOperation({
  id: 'DecideOrganization',
  method: 'POST',
  path: '/v1/organizations/{orgId}/decision',
  entry: 'functions/http/organizations/decide.ts',
  auth: 'required',
  groups: ['ministry-reviewer'],
  request: { path: OrgPath, body: OrganizationDecision },
  needs: ['table:read', 'table:write', 'workflow:OrganizationOnboarding'],
  summary:
    'The ministry decision on a pending organisation (ministry-reviewer). 202: the workflow resumes; approve → `active` with its volunteer department, reject (`reason` required) → `rejected`; the contact is emailed. A second decision is a 409 and changes nothing; a decision before the workflow waits for one (seconds after registration) is a 409 `decision-not-open`.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: DecisionResponse },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { orgId: ORG_ID }, request: { decision: 'approve' }, response: { id: '01JRW9Z6Q3X8K2M4N5P7R9S1TV', decision: 'approve', status: 'active' } },
});

export const addOrganizationManager = /* @__PURE__ */ defineOperation({
  id: 'AddOrganizationManager',
  method: 'POST',
  path: '/v1/organizations/{orgId}/managers',
  entry: 'functions/http/organizations/add-manager.ts',
  auth: 'required',
  request: { path: OrgPath, body: AddManager },
  idempotent: true,
  needs: ['table:read', 'table:write', 'cognito'],
  summary:
    "Add (or update) a volunteer manager of an active organisation (that organisation's managers or ministry-admin), with their certification number and expiry when certified: the organisation then shows `hasCertifiedManager` (a manager without a valid certification still manages). Recording the same `sub` again updates the certification. Reminders go out 30 days before expiry (schedule `manager-certifications`); an organisation gaining its first or losing its last certified manager raises OrganizationCertifiedManagerChanged (national KPI). In the cloud the user joins the `org-manager` group with `custom:orgId`. A user manages one organisation (409 on `sub` otherwise).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: Manager },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: ORG_ID },
    request: { sub: '8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6', email: 'manager@albirr-jeddah.org.sa', certificationNumber: 'VM-2026-0412' },
    response: {
      orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
      sub: '8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
      email: 'manager@albirr-jeddah.org.sa',
      certificationNumber: 'VM-2026-0412',
      addedBy: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
      addedAt: '2026-04-15T09:00:00+03:00',
    },
  },
});

export const listOrganizationManagers = /* @__PURE__ */ defineOperation({
  id: 'ListOrganizationManagers',
  method: 'GET',
  path: '/v1/organizations/{orgId}/managers',
  entry: 'functions/http/organizations/list-managers.ts',
  auth: 'required',
  request: { path: OrgPath },
  needs: ['table:read'],
  summary: "The organisation's volunteer managers (its managers, ministry reviewers and admins).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ManagerList },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: ORG_ID },
    response: {
      items: [
        {
          orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          sub: '8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
          email: 'manager@albirr-jeddah.org.sa',
          certificationNumber: 'VM-2026-0412',
          addedBy: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
          addedAt: '2026-04-15T09:00:00+03:00',
        },
      ],
    },
  },
});

export const organizationOperations = [registerOrganization, listOrganizations, getOrganization, decideOrganization, addOrganizationManager, listOrganizationManagers] as const;
