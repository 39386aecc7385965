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
  responses: { 200: Transcript },
  errors: [400, 401, 403],
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
  responses: { 201: IssuedCertificate, 200: IssuedCertificate },
  errors: [400, 401, 403, 404, 409, 413, 422],
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
  responses: { 200: MyCertificates },
  errors: [401, 403],
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
  responses: { 200: Verification },
  errors: [400, 404, 429],
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
  responses: { 200: { description: 'the verification page', contentType: 'text/html' } },
  errors: [400, 404, 429],
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
  responses: { 200: RevokedCertificate },
  errors: [400, 401, 403, 404, 409, 413, 422],
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
  responses: { 200: Jwks },
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
  responses: { 200: { description: 'the status list credential (a VC 2.0 secured as a JWT)', contentType: 'application/vc+jwt' } },
  errors: [400, 404],
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
