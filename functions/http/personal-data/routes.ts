/**
 * Personal-data rights of a volunteer (Saudi PDPL, issue 18): a copy of everything held about
 * the caller. Group `volunteer`; each caller only ever reaches their own data.
 */
import { AuditPage, AuditQuery } from '../../../shared/domain/personal-data/audit.js';
import { ErasureAnswer, ErasureConfirmation, ExportDownloadPath, ExportDownloadQuery, ExportPreparing, PersonalDataExport } from '../../../shared/domain/personal-data/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['personal-data'];

export const exportMyPersonalData = /* @__PURE__ */ defineOperation({
  id: 'ExportMyPersonalData',
  method: 'GET',
  path: '/v1/volunteers/me/export',
  entry: 'functions/http/personal-data/export.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read', 'table:write', 'audit'],
  memorySize: 512,
  timeout: 29,
  summary:
    "Everything held about the caller (group volunteer): profile, consent history, charter acceptances, applications, hours, the register, certificates, badges, points, trainings, evaluations given and received (who rated removed), messages sent, company employment, and every other record by kind. JSON, or with `Accept: application/zip` a ZIP of CSV files (UTF-8 with BOM). A copy over 1 MB is prepared asynchronously: 202 `preparing`, and a one-time link (valid 24 h) to a ZIP is emailed when it is ready (`GET /v1/volunteers/me/exports/{exportId}`). 404 when no profile is held.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: PersonalDataExport, 202: ExportPreparing },
  errors: [401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    responses: { 202: { exportId: '01JT8R5T7V9X1Z3B5D7F9H1K3M', status: 'preparing', items: 4_812, expiresAt: '2026-06-08T09:00:00.000Z' } },
    response: {
      volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
      generatedAt: '2026-06-01T09:00:00.000Z',
      profile: { id: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', nameEn: 'Huda Alharbi', email: 'huda.alharbi@example.com', nationalIdMasked: '******5439' },
      consentHistory: [{ volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', channel: 'sms', granted: false, at: '2026-05-02T06:00:00.000Z', via: 'profile-update' }],
      charterAcceptances: [],
      applications: [],
      hours: [],
      register: [],
      certificates: [],
      badges: [],
      points: [],
      trainings: [],
      evaluationsGiven: [],
      evaluationsReceived: [],
      messages: [],
      companies: [],
      other: {},
    },
  },
});

export const downloadMyExport = /* @__PURE__ */ defineOperation({
  id: 'DownloadMyExport',
  method: 'GET',
  path: '/v1/volunteers/me/exports/{exportId}',
  entry: 'functions/http/personal-data/download-export.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ExportDownloadPath, query: ExportDownloadQuery },
  needs: ['table:read', 'table:write', 'exports:read'],
  summary:
    "The one download of a prepared copy (the emailed link, opened by the app with the caller's token): 303 to the ZIP (a link valid 5 minutes). Works once: a second call, or one after the 24 h → 410. Another person's export, or a wrong token → 404; still being prepared → 409.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 303: { description: 'See Other: `Location` is a short-lived link to the ZIP' } },
  errors: [400, 401, 403, 404, 409, 410],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { exportId: '01JX0E8M5N0P4Q6R9S2T7V1W3Z' }, query: { token: 'k3Xn0c2Jc0o4m1mZ8w3v5b9xZr7Kp2Ld6Tf1Yh4Ue8s' } },
});

export const eraseMe = /* @__PURE__ */ defineOperation({
  id: 'EraseMe',
  method: 'DELETE',
  path: '/v1/volunteers/me',
  entry: 'functions/http/personal-data/erase.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { body: ErasureConfirmation },
  needs: ['table:read', 'table:write', 'notify', 'workflow:Erasure'],
  summary:
    "Erase the caller's personal data (group volunteer), in two calls. Without a body: a 6-digit code is emailed to the profile's address (valid 15 minutes) → 202 `code-sent`. With `{ code }`: the Erasure workflow starts → 202 `erasing`: profile, contact data, national-ID hash, messages and free text destroyed everywhere; future seats freed (waitlists promoted); certificates revoked \"withdrawn at the holder's request\" with no name left; the sign-in account deleted; approved hours stay in the aggregates as anonymous counts. A wrong or expired code → 422 naming `code` (5 tries per code).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 202: ErasureAnswer },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { request: { code: '482913' }, response: { status: 'erasing' } },
});

export const getAuditTrail = /* @__PURE__ */ defineOperation({
  id: 'GetAuditTrail',
  method: 'GET',
  path: '/v1/audit',
  entry: 'functions/http/personal-data/query-audit.ts',
  auth: 'required',
  groups: ['ministry-admin'],
  request: { query: AuditQuery },
  needs: ['table:read'],
  summary:
    'The audit trail of access to personal data (ministry-admin): who (`actor`) read or handled whose (`subject`) records, what kind, when, and the route — never the data itself. Filter by `subject` and/or `actor` within `from`..`to` (default the last 30 days); without either, at most 31 days. Newest first, paginated.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: AuditPage },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { subject: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77' },
    response: {
      items: [
        {
          id: '01JT0H7K2M4N6P8Q0R2S4T6V8W',
          at: '2026-06-01T09:00:00.000Z',
          actor: 'manager-sub-1',
          actorGroups: ['org-manager'],
          actorOrgId: '01JT0G8ZP2Q4R6S8T0V2W4X6Y8',
          subject: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
          what: 'application',
          route: 'GetApplication GET /v1/applications/{id}',
          recordId: '01JT0H2A4B6C8D0E2F4G6H8J0K',
        },
      ],
    },
  },
});

export const personalDataOperations = [exportMyPersonalData, downloadMyExport, eraseMe, getAuditTrail] as const;
