/**
 * The national register and certificates (issue 12). Who may call them:
 * - the transcript and the caller's certificates: the volunteer (group volunteer), their own;
 * - verification by code, the verification page, the keys and the status lists: anyone, no
 *   token (the lookups are rate-limited per client address);
 * - revocation: the issuing organisation's managers (organisation certificates) and
 *   ministry-admins (any); anyone else gets a 404.
 */
import {
  CertificatePath,
  CodePath,
  IssueCertificate,
  IssuedCertificate,
  Jwks,
  MyCertificates,
  RevokeCertificate,
  RevokedCertificate,
  StatusListPath,
  Verification,
} from '../../../shared/domain/certificates/schema.js';
import { Transcript, TranscriptQuery } from '../../../shared/domain/register/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['register'];

export const getTranscript = /* @__PURE__ */ defineOperation({
  id: 'GetTranscript',
  method: 'GET',
  path: '/v1/volunteers/me/transcript',
  entry: 'functions/http/register/transcript.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { query: TranscriptQuery },
  needs: ['table:read'],
  summary:
    "The caller's national record across every organisation (group volunteer): running totals (minutes, value in SAR; by organisation, year, cause and track) and the ledger entries, newest first (`limit` 1–100, default 50; `nextCursor`). A reversal is an entry of its own with negative minutes.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: Transcript },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { limit: '2' },
    response: {
      totalMinutes: 2_880,
      totalValueSar: 2_040,
      byOrganization: [
        { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV', nameAr: 'جمعية البر بجدة', nameEn: 'Al-Birr Society Jeddah', minutes: 1_440, valueSar: 720 },
        { orgId: '01JRZX4B6C8D0E2F4G6H8J0K2M', nameAr: 'جمعية زمزم للخدمات الصحية التطوعية', nameEn: 'Zamzam Health Volunteering Society', minutes: 1_440, valueSar: 1_320 },
      ],
      byYear: [
        { year: '2026', minutes: 1_200, valueSar: 1_060 },
        { year: '2027', minutes: 1_680, valueSar: 980 },
      ],
      byCause: [
        { cause: 'social-welfare', minutes: 1_440, valueSar: 720 },
        { cause: 'health', minutes: 1_440, valueSar: 1_320 },
      ],
      byTrack: [
        { track: 'general', minutes: 1_440, valueSar: 720 },
        { track: 'professional', minutes: 1_440, valueSar: 1_320 },
      ],
      entries: [
        {
          id: '01JT1A2B3C4D5E6F7G8H9J0K1M',
          kind: 'approval',
          hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W',
          orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          opportunityId: '01JS2B4C6D8E0F1G2H3J4K5M6N',
          date: '2027-03-05',
          minutes: 240,
          valueSar: 120,
          track: 'general',
          causes: ['social-welfare'],
          at: '2027-03-06T08:15:00.000Z',
        },
        {
          id: '01JSZ8N4Q6R8S0T2V4W6X8Y0Z2',
          kind: 'reversal',
          hoursId: '01JSZ7M3P5Q7R9S1T3V5W7X9Y1',
          reversalId: '01JSZ8N4Q6R8S0T2V4W6X8Y0Z3',
          orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          opportunityId: '01JS2B4C6D8E0F1G2H3J4K5M6N',
          date: '2027-02-26',
          minutes: -180,
          valueSar: -90,
          track: 'general',
          causes: ['social-welfare'],
          at: '2027-03-02T10:00:00.000Z',
        },
      ],
      nextCursor: 'eyJwayI6IlZPTCMzYzllNmE1MiIsInNrIjoiTEVER0VSIzIwMjctMDItMjYifQ',
    },
  },
});

export const issueCertificate = /* @__PURE__ */ defineOperation({
  id: 'IssueCertificate',
  method: 'POST',
  path: '/v1/volunteers/me/certificates',
  entry: 'functions/http/register/issue-certificate.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { body: IssueCertificate },
  needs: ['table:read', 'table:write', 'signing'],
  summary:
    "Issue a certificate of the caller's approved hours in a scope (group volunteer): with `orgId`, the organisation's certificate in its name; without, the national one from the whole register; `from`/`to` bound the period. 201 with `credential`, a W3C VC 2.0 secured as a JWT (application/vc+jwt, ES256). The same scope again answers 200 with the existing certificate unless hours were approved or reversed in it since. 422 `scope` when the scope holds no approved hours.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: IssuedCertificate, 200: IssuedCertificate },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    request: { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV', from: '2027-01-01', to: '2027-03-31' },
    response: {
        id: '01JT3C0B1D2E3F4G5H6J7K8M9N',
        code: '01JT3C0B1D2E3F4G5H6J7K8M9Q',
        verifyUrl: 'https://tatawwu.example.sa/verify/01JT3C0B1D2E3F4G5H6J7K8M9Q',
        credential: 'eyJhbGciOiJFUzI1NiIsImtpZCI6InRhdGF3d3UtbWUtY2VudHJhbC0xLTIwMjYtMDEiLCJ0eXAiOiJ2Yytqd3QifQ.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIlZvbHVudGVlckhvdXJzQ3JlZGVudGlhbCJdfQ.MEUCIQDx7Zk2uVq1aC3H4n8sPq9T0bWm5yR6eJ1dL2kF8gA3vQIgB7nY4tR1sE9wK6hU3jM0cX5zL8qD2fV4pG1aN7bH9yQ',
        status: 'valid',
        kind: 'organization',
        orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
        minutes: 1_440,
        from: '2027-01-01',
        to: '2027-03-31',
        issuedAt: '2027-04-02T07:30:00.000Z',
      },
  },
});

export const listMyCertificates = /* @__PURE__ */ defineOperation({
  id: 'ListMyCertificates',
  method: 'GET',
  path: '/v1/volunteers/me/certificates',
  entry: 'functions/http/register/list-certificates.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read'],
  summary: "The caller's certificates, newest first, each with its status and credential (group volunteer).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: MyCertificates },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      items: [
        {
        id: '01JT3C0B1D2E3F4G5H6J7K8M9N',
        code: '01JT3C0B1D2E3F4G5H6J7K8M9Q',
        verifyUrl: 'https://tatawwu.example.sa/verify/01JT3C0B1D2E3F4G5H6J7K8M9Q',
        credential: 'eyJhbGciOiJFUzI1NiIsImtpZCI6InRhdGF3d3UtbWUtY2VudHJhbC0xLTIwMjYtMDEiLCJ0eXAiOiJ2Yytqd3QifQ.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIlZvbHVudGVlckhvdXJzQ3JlZGVudGlhbCJdfQ.MEUCIQDx7Zk2uVq1aC3H4n8sPq9T0bWm5yR6eJ1dL2kF8gA3vQIgB7nY4tR1sE9wK6hU3jM0cX5zL8qD2fV4pG1aN7bH9yQ',
        status: 'valid',
        kind: 'organization',
        orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
        minutes: 1_440,
        from: '2027-01-01',
        to: '2027-03-31',
        issuedAt: '2027-04-02T07:30:00.000Z',
      },
      ],
    },
  },
});

export const verifyCertificate = /* @__PURE__ */ defineOperation({
  id: 'VerifyCertificate',
  method: 'GET',
  path: '/v1/certificates/{code}',
  entry: 'functions/http/register/verify-certificate.ts',
  auth: 'none',
  request: { path: CodePath },
  needs: ['table:read', 'table:write'],
  summary:
    'Verify a certificate by its code (public, no token): valid or revoked, the holder\'s name, the issuer, minutes, period, issue date; no contact data, no national ID. Unknown code → 404. Codes carry 128 random bits; lookups are limited per client address (429 beyond 60 a minute).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: Verification },
  errors: [400, 404, 429],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { code: '01JT3C0B1D2E3F4G5H6J7K8M9Q' },
    response: {
      valid: true,
      status: 'valid',
      holder: { name: 'هدى الحربي', nameAr: 'هدى الحربي', nameEn: 'Huda Alharbi' },
      issuer: { name: 'جمعية البر بجدة', nameAr: 'جمعية البر بجدة', nameEn: 'Al-Birr Society Jeddah' },
      kind: 'organization',
      organizations: [{ nameAr: 'جمعية البر بجدة', nameEn: 'Al-Birr Society Jeddah', minutes: 1_440 }],
      minutes: 1_440,
      from: '2027-01-01',
      to: '2027-03-31',
      issuedAt: '2027-04-02T07:30:00.000Z',
      code: '01JT3C0B1D2E3F4G5H6J7K8M9Q',
      verifyUrl: 'https://tatawwu.example.sa/verify/01JT3C0B1D2E3F4G5H6J7K8M9Q',
    },
  },
});

export const verificationPage = /* @__PURE__ */ defineOperation({
  id: 'VerificationPage',
  method: 'GET',
  path: '/verify/{code}',
  entry: 'functions/http/register/verification-page.ts',
  auth: 'none',
  request: { path: CodePath },
  needs: ['table:read', 'table:write'],
  summary:
    'The verification as a web page for a person who scanned the QR code: Arabic first (right-to-left), English below, the QR code, clearly valid or revoked; prints as the certificate on A4. Strict Content-Security-Policy, no scripts.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: { description: 'the verification page', contentType: 'text/html' } },
  errors: [400, 404, 429],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { code: '01JT3C0B1D2E3F4G5H6J7K8M9Q' },
    // the page as served, its style sheet and QR code (an inline SVG) left out
    response:
      '<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>شهادة عمل تطوعي — Certificate of volunteering</title>\n<style>/* … */</style>\n</head>\n<body>\n<main>\n<div id=\"status\" class=\"status valid\" data-status=\"valid\">شهادة سارية وموثقة — Valid certificate</div>\n<section id=\"ar\" lang=\"ar\" dir=\"rtl\">\n<h1>شهادة عمل تطوعي</h1>\n<p>تشهد جمعية البر بجدة بأن المتطوع/ة</p>\n<p id=\"holder-ar\" class=\"holder\">هدى الحربي</p>\n<p>قد أسهم/ت بـ ٢٤ ساعة و٠ دقيقة من العمل التطوعي في الفترة من ١ يناير ٢٠٢٧ إلى ٣١ مارس ٢٠٢٧.</p>\n<ul><li>جمعية البر بجدة — ٢٤ ساعة</li></ul>\n<p class=\"meta\">تاريخ الإصدار: ٢ أبريل ٢٠٢٧</p>\n</section>\n<section id=\"en\" lang=\"en\" dir=\"ltr\">\n<h1>Certificate of volunteering</h1>\n<p>Al-Birr Society Jeddah certifies that</p>\n<p id=\"holder-en\" class=\"holder\">Huda Alharbi</p>\n<p>contributed 24 hours and 0 minutes of volunteer work between 1 January 2027 and 31 March 2027.</p>\n<ul><li>Al-Birr Society Jeddah — 24 h</li></ul>\n<p class=\"meta\">Issued on 2 April 2027</p>\n</section>\n<figure id=\"qr\"><svg xmlns=\"http://www.w3.org/2000/svg\"><!-- the QR code of the verification URL --></svg>\n<figcaption>https://tatawwu.example.sa/verify/01JT3C0B1D2E3F4G5H6J7K8M9Q</figcaption></figure>\n</main>\n</body>\n</html>\n',
  },
});

export const revokeCertificate = /* @__PURE__ */ defineOperation({
  id: 'RevokeCertificate',
  method: 'POST',
  path: '/v1/certificates/{id}/revoke',
  entry: 'functions/http/register/revoke-certificate.ts',
  auth: 'required',
  groups: ['org-manager', 'ministry-admin'],
  request: { path: CertificatePath, body: RevokeCertificate },
  needs: ['table:read', 'table:write'],
  summary:
    "Revoke a certificate (the issuing organisation's managers for its certificates, ministry-admin for any; 404 for anyone else) with a reason: its status list bit is set and verification says revoked from then on. 409 when already revoked.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: RevokedCertificate },
  errors: [400, 401, 403, 404, 409, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01JT3C0B1D2E3F4G5H6J7K8M9N' },
    request: { reason: 'الساعات المعتمدة أُلغيت بعد مراجعة سجل الحضور — hours reversed after an attendance review' },
    response: { id: '01JT3C0B1D2E3F4G5H6J7K8M9N', status: 'revoked', revokedAt: '2027-04-10T12:00:00.000Z' },
  },
});

export const getJwks = /* @__PURE__ */ defineOperation({
  id: 'GetCredentialKeys',
  method: 'GET',
  path: '/.well-known/jwks.json',
  entry: 'functions/http/register/jwks.ts',
  auth: 'none',
  needs: ['signing'],
  summary: 'The public keys (JWK Set) that verify certificates and status lists; keys rotated out stay listed so that older credentials keep verifying.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: Jwks },
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      keys: [
        {
          kty: 'EC',
          crv: 'P-256',
          x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
          y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
          kid: 'tatawwu-me-central-1-2026-01',
          alg: 'ES256',
          use: 'sig',
        },
      ],
    },
  },
});

export const getStatusList = /* @__PURE__ */ defineOperation({
  id: 'GetStatusList',
  method: 'GET',
  path: '/v1/status-lists/{id}',
  entry: 'functions/http/register/status-list.ts',
  auth: 'none',
  request: { path: StatusListPath },
  needs: ['table:read', 'table:write', 'signing'],
  summary:
    'A Bitstring Status List credential (revocation), as application/vc+jwt: bit `statusListIndex` of a certificate\'s `credentialStatus` is 1 once it is revoked. Signed once per change of the list.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: { description: 'the status list credential (a VC 2.0 secured as a JWT)', contentType: 'application/vc+jwt' } },
  errors: [400, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '1-0' },
    response:
      'eyJhbGciOiJFUzI1NiIsImtpZCI6InRhdGF3d3UtbWUtY2VudHJhbC0xLTIwMjYtMDEiLCJ0eXAiOiJ2Yytqd3QifQ.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXSwiaWQiOiJodHRwczovL3RhdGF3d3UuZXhhbXBsZS5zYS92MS9zdGF0dXMtbGlzdHMvMS0wIiwidHlwZSI6WyJWZXJpZmlhYmxlQ3JlZGVudGlhbCIsIkJpdHN0cmluZ1N0YXR1c0xpc3RDcmVkZW50aWFsIl0sImlzc3VlciI6eyJpZCI6Imh0dHBzOi8vdGF0YXd3dS5leGFtcGxlLnNhIiwibmFtZSI6W3siQHZhbHVlIjoi2YXZhti12Kkg2KrYt9mI2Lkg2KfZhNmI2LfZhtmK2KkiLCJAbGFuZ3VhZ2UiOiJhciIsIkBkaXJlY3Rpb24iOiJydGwifSx7IkB2YWx1ZSI6IlRhdGF3d3Ug4oCUIHRoZSBuYXRpb25hbCB2b2x1bnRlZXJpbmcgcGxhdGZvcm0iLCJAbGFuZ3VhZ2UiOiJlbiIsIkBkaXJlY3Rpb24iOiJsdHIifV19LCJ2YWxpZEZyb20iOiIyMDI3LTA0LTEwVDEyOjAwOjAwLjAwMFoiLCJjcmVkZW50aWFsU3ViamVjdCI6eyJpZCI6Imh0dHBzOi8vdGF0YXd3dS5leGFtcGxlLnNhL3YxL3N0YXR1cy1saXN0cy8xLTAjbGlzdCIsInR5cGUiOiJCaXRzdHJpbmdTdGF0dXNMaXN0Iiwic3RhdHVzUHVycG9zZSI6InJldm9jYXRpb24iLCJlbmNvZGVkTGlzdCI6InVINHNJQUFBQUFBQUFBLTNCSVFFQUFBQUNJUDFfMmhrV29BRUFBQUFBQUFBQUFBQUFBQUFBQUFEZUJqbjd4VFlBUUFBQSJ9fQ.ZXhhbXBsZS1zaWduYXR1cmUtb2YtNjQtYnl0ZXMtZXhhbXBsZS1zaWduYXR1cmUtb2YtNjQtYnl0ZXMtYWJjZA',
  },
});

export const registerOperations = [
  getTranscript,
  issueCertificate,
  listMyCertificates,
  verifyCertificate,
  verificationPage,
  revokeCertificate,
  getJwks,
  getStatusList,
] as const;
