/**
 * Certificates of volunteering (issue 12): W3C Verifiable Credentials 2.0 secured as JWT
 * (`application/vc+jwt`, ES256), with a Bitstring Status List entry for revocation.
 * Requests, what is stored, the views, and the CertificateIssued / CertificateRevoked contracts.
 * Nothing here carries a national ID, an email or a phone number: the holder is named only.
 */
import * as z from '../../zod.js';
import { boundedText } from '../reference/text.js';

const Id = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1));
const At = /* @__PURE__ */ z.iso.datetime({ offset: true });
const Day = /* @__PURE__ */ z.iso.date();

/** 128 random bits in Crockford base32 (26 characters). */
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const CertificateCode = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(CODE_PATTERN, 'must be a certificate code (26 characters, Crockford base32)'));

export const IssueCertificate = /* @__PURE__ */ z.strictObject({
  orgId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ Id.check(/* @__PURE__ */ z.maxLength(64))), "an organisation's certificate, in its name; omitted: the national certificate from the whole register"),
  from: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Day), 'first day of the period (Asia/Riyadh); omitted: since the first hours'),
  to: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Day), 'last day of the period; omitted: up to the last hours'),
})
  .check(/* @__PURE__ */ z.refine((s) => s.from === undefined || s.to === undefined || s.to >= s.from, { path: ['to'], message: 'must not be before from' }));
export type IssueCertificate = z.output<typeof IssueCertificate>;

export const CertificatePath = /* @__PURE__ */ z.strictObject({ id: /* @__PURE__ */ Id.check(/* @__PURE__ */ z.maxLength(64)) });
export const CodePath = /* @__PURE__ */ z.strictObject({ code: CertificateCode });
export const StatusListPath = /* @__PURE__ */ z.strictObject({ id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9]{1,3}-[0-9]{1,9}$/, 'must be a status list id')) });
export const RevokeCertificate = /* @__PURE__ */ z.strictObject({ reason: /* @__PURE__ */ z.described(/* @__PURE__ */ boundedText(3, 500), 'why the certificate is revoked (kept, not shown publicly)') });

const Names = { nameAr: /* @__PURE__ */ z.string(), nameEn: /* @__PURE__ */ z.string() };

export const CertificateOrganization = /* @__PURE__ */ (() =>
  z.object({ orgId: Id, ...Names, minutes: /* @__PURE__ */ z.int() }))();
/** A project the hours were given to (issue 19), named with the deliverables its managers confirmed. */
export const CertificateProject = /* @__PURE__ */ (() =>
  z.object({ opportunityId: Id, ...Names, minutes: /* @__PURE__ */ z.int(), deliverables: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object(Names)) }))();

export const CertificateRecord = /* @__PURE__ */ z.object({
  id: Id,
  code: CertificateCode,
  volunteerId: Id,
  kind: /* @__PURE__ */ z.enum(['organization', 'national']),
  scope: /* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.optional(Id), from: /* @__PURE__ */ z.optional(Day), to: /* @__PURE__ */ z.optional(Day) }),
  /** The scope's key: one current certificate per scope (reused while no hours change). */
  scopeKey: /* @__PURE__ */ z.string(),
  /** sha256 of the ledger entries (event ids) the certificate counts. */
  basis: /* @__PURE__ */ z.string(),
  /** The hours records counted: reversing one of them revokes the certificate. */
  hoursIds: /* @__PURE__ */ z.array(Id),
  holder: /* @__PURE__ */ z.object(Names),
  issuer: /* @__PURE__ */ z.object(Names),
  organizations: /* @__PURE__ */ z.array(CertificateOrganization),
  projects: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(CertificateProject)),
  minutes: /* @__PURE__ */ z.int(),
  from: Day,
  to: Day,
  issuedAt: At,
  status: /* @__PURE__ */ z.enum(['valid', 'revoked']),
  revokedAt: /* @__PURE__ */ z.optional(At),
  revokedBy: /* @__PURE__ */ z.optional(Id),
  revocationReason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  statusList: /* @__PURE__ */ z.object({ listId: /* @__PURE__ */ z.string(), index: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)) }),
  verifyUrl: /* @__PURE__ */ z.url(),
  credential: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the VC 2.0 as a compact JWS (application/vc+jwt)'),
});
export type CertificateRecord = z.output<typeof CertificateRecord>;

export const IssuedCertificate = /* @__PURE__ */ z.object({
  id: Id,
  code: CertificateCode,
  verifyUrl: /* @__PURE__ */ z.url(),
  credential: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the signed credential, application/vc+jwt'),
  status: /* @__PURE__ */ z.enum(['valid', 'revoked']),
  kind: /* @__PURE__ */ z.enum(['organization', 'national']),
  orgId: /* @__PURE__ */ z.optional(Id),
  minutes: /* @__PURE__ */ z.int(),
  from: Day,
  to: Day,
  issuedAt: At,
});

export const MyCertificates = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(IssuedCertificate), 'newest first') });

/** What anyone may see of a certificate: the holder's name and nothing else personal. */
export const Verification = /* @__PURE__ */ (() =>
  z.object({
    valid: /* @__PURE__ */ z.boolean(),
    status: /* @__PURE__ */ z.enum(['valid', 'revoked']),
    holder: /* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'in Arabic'), ...Names }),
    issuer: /* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'in Arabic'), ...Names }),
    kind: /* @__PURE__ */ z.enum(['organization', 'national']),
    organizations: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ ...Names, minutes: /* @__PURE__ */ z.int() })),
    projects: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ ...Names, minutes: /* @__PURE__ */ z.int(), deliverables: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object(Names)) }))), 'projects (professional volunteering) with their confirmed deliverables'),
    minutes: /* @__PURE__ */ z.int(),
    from: Day,
    to: Day,
    issuedAt: At,
    revokedAt: /* @__PURE__ */ z.optional(At),
    revocationReason: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), "e.g. \"withdrawn at the holder's request\" (the holder's name is then gone too)"),
    code: CertificateCode,
    verifyUrl: /* @__PURE__ */ z.url(),
  }))();
export type Verification = z.output<typeof Verification>;

export const RevokedCertificate = /* @__PURE__ */ z.object({ id: Id, status: /* @__PURE__ */ z.literal('revoked'), revokedAt: At });

export const Jwks = /* @__PURE__ */ z.object({
  keys: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ kty: /* @__PURE__ */ z.literal('EC'), crv: /* @__PURE__ */ z.literal('P-256'), x: /* @__PURE__ */ z.string(), y: /* @__PURE__ */ z.string(), kid: /* @__PURE__ */ z.string(), alg: /* @__PURE__ */ z.literal('ES256'), use: /* @__PURE__ */ z.literal('sig') })),
});

export const CertificateIssuedDetail = /* @__PURE__ */ z.strictObject({
  certificateId: Id,
  volunteerId: Id,
  kind: /* @__PURE__ */ z.enum(['organization', 'national']),
  orgId: /* @__PURE__ */ z.optional(Id),
  minutes: /* @__PURE__ */ z.int(),
  from: Day,
  to: Day,
  issuedAt: At,
});

export const CertificateRevokedDetail = /* @__PURE__ */ z.strictObject({
  certificateId: Id,
  volunteerId: Id,
  orgId: /* @__PURE__ */ z.optional(Id),
  cause: /* @__PURE__ */ z.enum(['manual', 'hours-reversed', 'holder-request']),
  revokedBy: Id,
  revokedAt: At,
});
