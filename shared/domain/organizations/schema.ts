/**
 * Shapes of organisations: what clients send (RegisterOrganization, OrganizationDecision,
 * AddManager), what is stored (OrganizationRecord, StatusChange, Department, Manager) and what
 * clients get back (OrganizationPublicView, OrganizationFullView). Objects are `.strict()`:
 * an unknown field is a 422 that names it.
 */
import * as z from '../../zod.js';
import { decisionRequest, RecordedDecision } from '../decision.js';
import { arabicText, boundedText } from '../reference/text.js';
import { PhoneNumber } from '../reference/contact.js';
import { Cause } from '../reference/causes.js';
import { CityId } from '../reference/cities.js';

/** Eastern Arabic (٠–٩) and Persian (۰–۹) digits, as typed on Arabic keyboards. */
const toAsciiDigits = (value: string): string =>
  value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.charCodeAt(0) & 0x0f) % 10));

/**
 * The organisation's licence number: the 10-digit number of its licence from the National
 * Center for Non-Profit Sector (NCNP) or its commercial registration / unified national number.
 * All of these are 10 digits and never start with 0 (CR numbers start with the issuing office
 * code, e.g. 1010… Riyadh, 4030… Jeddah; unified national numbers start with 7).
 * Spaces and hyphens are ignored and Arabic-Indic digits accepted; the stored form is 10 ASCII digits.
 */
export const LICENSE_NUMBER_PATTERN = /^[1-9]\d{9}$/;
export const LicenseNumber = /* @__PURE__ */ z.described(/* @__PURE__ */ z.pipe(/* @__PURE__ */ z.pipe(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(30)), /* @__PURE__ */ z.transform((value) => toAsciiDigits(value).replace(/[\s-]/g, ''))), /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(LICENSE_NUMBER_PATTERN, 'must be a 10-digit licence number not starting with 0, e.g. 1010123456'))), '10-digit NCNP licence or commercial registration number, e.g. 1010123456');

/** E.164, validated against the numbering plan of its country, stored normalised. */
export { PhoneNumber };

/** No control characters (they break logs, exports and certificates). */
export { boundedText };

const uniqueItems =
  (what: string) =>
  (items: readonly string[], ctx: z.core.$RefinementCtx<string[]>) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} ${item}` });
      seen.add(item);
    });
  };
export { uniqueItems };

export const RegisterOrganization = /* @__PURE__ */ z.strictObject({
  nameAr: /* @__PURE__ */ z.described(/* @__PURE__ */ arabicText(2, 150), 'registered name in Arabic (Arabic letters)'),
  nameEn: /* @__PURE__ */ z.described(/* @__PURE__ */ boundedText(2, 150), 'registered name in English'),
  licenseNumber: LicenseNumber,
  city: CityId,
  contactEmail: /* @__PURE__ */ z.email().check(/* @__PURE__ */ z.maxLength(254), /* @__PURE__ */ z.toLowerCase()),
  phone: PhoneNumber,
  causes: /* @__PURE__ */ z.array(Cause).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(14), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('cause'))),
});
export type RegisterOrganization = z.output<typeof RegisterOrganization>;

/**
 * How long a pending registration holds its licence number at most: the onboarding window (two
 * decision waits of 7 days, the state machine's TimeoutSeconds) and a day of slack. A hold
 * older than this is void (a registration whose workflow never ran cannot block the licence);
 * approval makes the hold permanent, rejection and expiry delete it.
 */
export const LICENSE_HOLD_SECONDS = 2 * 7 * 24 * 60 * 60 + 24 * 60 * 60;

export const OrganizationStatus = /* @__PURE__ */ z.enum(['pending', 'active', 'rejected', 'expired']);
export type OrganizationStatus = z.infer<typeof OrganizationStatus>;

export const OrganizationDecision = /* @__PURE__ */ z.described(/* @__PURE__ */ decisionRequest('required when rejecting; sent to the organisation'), 'the reviewer decision; `reason` is required for `reject`');
export type OrganizationDecision = z.output<typeof OrganizationDecision>;

export const OrgPath = /* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an organisation id (ULID)')) });

/** A certified volunteer manager (national professional standard for volunteer management). */
export const AddManager = /* @__PURE__ */ z.strictObject({
  sub: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)), 'the Cognito user id (sub) of the manager'),
  email: /* @__PURE__ */ z.email().check(/* @__PURE__ */ z.maxLength(254), /* @__PURE__ */ z.toLowerCase()),
  certificationNumber: /* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(3, 40).check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9-]+$/, 'must be letters, digits and hyphens'))),
  certificationExpiresAt: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.iso.date()), 'ISO date the certification expires (YYYY-MM-DD)'),
})
  .check(/* @__PURE__ */ z.refine((m) => m.certificationExpiresAt === undefined || m.certificationNumber !== undefined, {
    path: ['certificationExpiresAt'],
    message: 'needs certificationNumber',
  }));
export type AddManager = z.output<typeof AddManager>;

export const Actor = /* @__PURE__ */ z.object({ sub: /* @__PURE__ */ z.string(), email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });

/** One status transition: who, when, why. `by` is a user id or `system` (the workflow itself). */
export const StatusChange = /* @__PURE__ */ z.object({
  status: OrganizationStatus,
  from: /* @__PURE__ */ z.optional(OrganizationStatus),
  at: /* @__PURE__ */ z.string(),
  by: /* @__PURE__ */ z.string(),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const Department = /* @__PURE__ */ z.object({
  orgId: /* @__PURE__ */ z.string(),
  establishedAt: /* @__PURE__ */ z.string(),
  approvedBy: /* @__PURE__ */ z.string(),
});
export type Department = z.infer<typeof Department>;

export const Manager = /* @__PURE__ */ z.object({
  orgId: /* @__PURE__ */ z.string(),
  sub: /* @__PURE__ */ z.string(),
  email: /* @__PURE__ */ z.string(),
  certificationNumber: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  certificationExpiresAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  addedBy: /* @__PURE__ */ z.string(),
  addedAt: /* @__PURE__ */ z.string(),
});
export type Manager = z.infer<typeof Manager>;

export { RecordedDecision };

/** The stored organisation (without keys). */
export interface OrganizationRecord extends RegisterOrganization {
  readonly id: string;
  readonly status: OrganizationStatus;
  readonly registeredBy: z.infer<typeof Actor>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly decision?: RecordedDecision;
  /** The managers whose certification is valid (a DynamoDB string set; absent when none). */
  readonly certifiedManagers?: ReadonlySet<string>;
}

export const OrganizationPublicView = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  city: CityId,
  causes: /* @__PURE__ */ z.array(Cause),
  status: OrganizationStatus,
  hasCertifiedManager: /* @__PURE__ */ z.described(/* @__PURE__ */ z.boolean(), 'its volunteer department has a manager with a valid certification (the national target counts these organisations)'),
});
export type OrganizationPublicView = z.infer<typeof OrganizationPublicView>;

export const OrganizationFullView = /* @__PURE__ */ z.extend(OrganizationPublicView, {
  licenseNumber: /* @__PURE__ */ z.string(),
  contactEmail: /* @__PURE__ */ z.string(),
  phone: /* @__PURE__ */ z.string(),
  registeredBy: Actor,
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
  decision: /* @__PURE__ */ z.optional(RecordedDecision),
  department: /* @__PURE__ */ z.optional(Department),
  history: /* @__PURE__ */ z.array(StatusChange),
});
export type OrganizationFullView = z.infer<typeof OrganizationFullView>;

export const ListOrganizationsQuery = /* @__PURE__ */ z.strictObject({
    status: /* @__PURE__ */ z.described(/* @__PURE__ */ z._default(OrganizationStatus, 'active'), '`active` for everyone; `pending` (the review queue, oldest first), `rejected`, `expired`: ministry reviewers and admins'),
    city: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(CityId), 'a city id of GET /v1/reference'),
    limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
    cursor: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(1024))), 'nextCursor of the previous page (opaque)'),
  });
export type ListOrganizationsQuery = z.output<typeof ListOrganizationsQuery>;

/** A list entry: the public fields and the registration time; the ministry also sees the licence number. */
export const OrganizationSummary = /* @__PURE__ */ z.extend(OrganizationPublicView, {
  createdAt: /* @__PURE__ */ z.string(),
  licenseNumber: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), 'ministry reviewers and admins only'),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;
export const OrganizationPage = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(OrganizationSummary), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });
export type OrganizationPage = z.infer<typeof OrganizationPage>;

export const RegisteredResponse = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), status: /* @__PURE__ */ z.literal('pending') });
export const DecisionResponse = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), decision: /* @__PURE__ */ z.enum(['approve', 'reject']), status: OrganizationStatus });
export const ManagerList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(Manager) });

// ── Domain events (contracts in events/catalog.ts) ──────────────────────────
export const OrganizationRegisteredDetail = /* @__PURE__ */ z.strictObject({
  orgId: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  city: CityId,
  causes: /* @__PURE__ */ z.array(Cause),
  registeredAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
});
export type OrganizationRegisteredDetail = z.infer<typeof OrganizationRegisteredDetail>;

export const OrganizationApprovedDetail = /* @__PURE__ */ z.strictObject({
  orgId: /* @__PURE__ */ z.string(),
  approvedBy: /* @__PURE__ */ z.string(),
  approvedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
  departmentEstablishedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
});
export type OrganizationApprovedDetail = z.infer<typeof OrganizationApprovedDetail>;

export const OrganizationRejectedDetail = /* @__PURE__ */ z.strictObject({
    orgId: /* @__PURE__ */ z.string(),
    /** A reviewer's sub, or `system` when validation refused the organisation. */
    rejectedBy: /* @__PURE__ */ z.string(),
    rejectedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
    reason: /* @__PURE__ */ z.string(),
  });
export type OrganizationRejectedDetail = z.infer<typeof OrganizationRejectedDetail>;

/**
 * An organisation gained its first manager with a valid certification, or lost its last one
 * (a certification expired or was removed): the national KPI "organisations with a certified
 * manager" counts these transitions (impact aggregates).
 */
export const OrganizationCertifiedManagerChangedDetail = /* @__PURE__ */ z.strictObject({
  orgId: /* @__PURE__ */ z.string(),
  hasCertifiedManager: /* @__PURE__ */ z.boolean(),
  /** The manager whose certification caused the change. */
  sub: /* @__PURE__ */ z.string(),
  cause: /* @__PURE__ */ z.enum(['manager-certified', 'certification-removed', 'certification-expired']),
  changedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }),
});
export type OrganizationCertifiedManagerChangedDetail = z.infer<typeof OrganizationCertifiedManagerChangedDetail>;
