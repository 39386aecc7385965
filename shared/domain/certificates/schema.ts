/**
 * Certificates of volunteering (issue 12): W3C Verifiable Credentials 2.0 secured as JWT
 * (`application/vc+jwt`, ES256), with a Bitstring Status List entry for revocation.
 * Requests, what is stored, the views, and the CertificateIssued / CertificateRevoked contracts.
 * Nothing here carries a national ID, an email or a phone number: the holder is named only.
 */
import * as z from 'zod';
import { boundedText } from '../reference/text.js';

const Id = z.string().min(1);
const At = z.iso.datetime({ offset: true });
const Day = z.iso.date();

/** 128 random bits in Crockford base32 (26 characters). */
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const CertificateCode = z.string().regex(CODE_PATTERN, 'must be a certificate code (26 characters, Crockford base32)');

export const IssueCertificate = z
  .object({
    orgId: Id.max(64).optional().describe("an organisation's certificate, in its name; omitted: the national certificate from the whole register"),
    from: Day.optional().describe('first day of the period (Asia/Riyadh); omitted: since the first hours'),
    to: Day.optional().describe('last day of the period; omitted: up to the last hours'),
  })
  .strict()
  .refine((s) => s.from === undefined || s.to === undefined || s.to >= s.from, { path: ['to'], message: 'must not be before from' });
export type IssueCertificate = z.output<typeof IssueCertificate>;

export const CertificatePath = z.object({ id: Id.max(64) }).strict();
export const CodePath = z.object({ code: CertificateCode }).strict();
export const StatusListPath = z.object({ id: z.string().regex(/^[0-9]{1,3}-[0-9]{1,9}$/, 'must be a status list id') }).strict();
export const RevokeCertificate = z.object({ reason: boundedText(3, 500).describe('why the certificate is revoked (kept, not shown publicly)') }).strict();

const Names = { nameAr: z.string(), nameEn: z.string() };

export const CertificateOrganization = z.object({ orgId: Id, ...Names, minutes: z.int() });
/** A project the hours were given to (issue 19), named with the deliverables its managers confirmed. */
export const CertificateProject = z.object({ opportunityId: Id, ...Names, minutes: z.int(), deliverables: z.array(z.object(Names)) });

export const CertificateRecord = z.object({
  id: Id,
  code: CertificateCode,
  volunteerId: Id,
  kind: z.enum(['organization', 'national']),
  scope: z.object({ orgId: Id.optional(), from: Day.optional(), to: Day.optional() }),
  /** The scope's key: one current certificate per scope (reused while no hours change). */
  scopeKey: z.string(),
  /** sha256 of the ledger entries (event ids) the certificate counts. */
  basis: z.string(),
  /** The hours records counted: reversing one of them revokes the certificate. */
  hoursIds: z.array(Id),
  holder: z.object(Names),
  issuer: z.object(Names),
  organizations: z.array(CertificateOrganization),
  projects: z.array(CertificateProject).optional(),
  minutes: z.int(),
  from: Day,
  to: Day,
  issuedAt: At,
  status: z.enum(['valid', 'revoked']),
  revokedAt: At.optional(),
  revokedBy: Id.optional(),
  revocationReason: z.string().optional(),
  statusList: z.object({ listId: z.string(), index: z.int().min(0) }),
  verifyUrl: z.url(),
  credential: z.string().describe('the VC 2.0 as a compact JWS (application/vc+jwt)'),
});
export type CertificateRecord = z.output<typeof CertificateRecord>;

export const IssuedCertificate = z.object({
  id: Id,
  code: CertificateCode,
  verifyUrl: z.url(),
  credential: z.string().describe('the signed credential, application/vc+jwt'),
  status: z.enum(['valid', 'revoked']),
  kind: z.enum(['organization', 'national']),
  orgId: Id.optional(),
  minutes: z.int(),
  from: Day,
  to: Day,
  issuedAt: At,
});

export const MyCertificates = z.object({ items: z.array(IssuedCertificate).describe('newest first') });

/** What anyone may see of a certificate: the holder's name and nothing else personal. */
export const Verification = z.object({
  valid: z.boolean(),
  status: z.enum(['valid', 'revoked']),
  holder: z.object({ name: z.string().describe('in Arabic'), ...Names }),
  issuer: z.object({ name: z.string().describe('in Arabic'), ...Names }),
  kind: z.enum(['organization', 'national']),
  organizations: z.array(z.object({ ...Names, minutes: z.int() })),
  projects: z.array(z.object({ ...Names, minutes: z.int(), deliverables: z.array(z.object(Names)) })).optional().describe('projects (professional volunteering) with their confirmed deliverables'),
  minutes: z.int(),
  from: Day,
  to: Day,
  issuedAt: At,
  revokedAt: At.optional(),
  revocationReason: z.string().optional().describe("e.g. \"withdrawn at the holder's request\" (the holder's name is then gone too)"),
  code: CertificateCode,
  verifyUrl: z.url(),
});
export type Verification = z.output<typeof Verification>;

export const RevokedCertificate = z.object({ id: Id, status: z.literal('revoked'), revokedAt: At });

export const Jwks = z.object({
  keys: z.array(z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') })),
});

export const CertificateIssuedDetail = z
  .object({
    certificateId: Id,
    volunteerId: Id,
    kind: z.enum(['organization', 'national']),
    orgId: Id.optional(),
    minutes: z.int(),
    from: Day,
    to: Day,
    issuedAt: At,
  })
  .strict();

export const CertificateRevokedDetail = z
  .object({
    certificateId: Id,
    volunteerId: Id,
    orgId: Id.optional(),
    cause: z.enum(['manual', 'hours-reversed', 'holder-request']),
    revokedBy: Id,
    revokedAt: At,
  })
  .strict();
