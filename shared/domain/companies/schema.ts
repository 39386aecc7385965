/**
 * Shapes of companies (corporate volunteering, issue 15): what clients send, what is stored and
 * what clients get back. Objects are `.strict()`: an unknown field is a 422 that names it.
 */
import * as z from 'zod';
import { decisionRequest, RecordedDecision } from '../decision.js';
import { LicenseNumber, uniqueItems } from '../organizations/schema.js';
import { boundedText } from '../reference/text.js';

/** A ULID. */
export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');

/** The commercial registration number (10 digits, not starting with 0), Arabic-Indic digits accepted. */
export const CrNumber = LicenseNumber.describe('10-digit commercial registration number, e.g. 1010987654');

/** An email domain the company's staff addresses are on (`aramco.com`), lower-case, no `@`. */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com.sa');

export const RegisterCompany = z
  .object({
    nameAr: boundedText(2, 150).describe('registered name in Arabic'),
    nameEn: boundedText(2, 150).describe('registered name in English'),
    crNumber: CrNumber,
    contactEmail: z.email().max(254).toLowerCase(),
    emailDomains: z.array(EmailDomain).min(1).max(20).superRefine(uniqueItems('domain')).describe("the domains of the staff's work addresses"),
  })
  .strict();
export type RegisterCompany = z.output<typeof RegisterCompany>;

export const CompanyStatus = z.enum(['pending', 'active', 'rejected', 'expired']);
export type CompanyStatus = z.infer<typeof CompanyStatus>;

export const CompanyDecision = decisionRequest('required when rejecting; sent to the company').describe('the reviewer decision; `reason` is required for `reject`');
export type CompanyDecision = z.output<typeof CompanyDecision>;

export const CompanyPath = z.object({ companyId: Ulid });

export const CompanyStatusChange = z.object({
  status: CompanyStatus,
  from: CompanyStatus.optional(),
  at: z.string(),
  by: z.string(),
  reason: z.string().optional(),
});
export type CompanyStatusChange = z.infer<typeof CompanyStatusChange>;

/** The stored company (without keys). */
export const CompanyRecord = z.object({
  id: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  crNumber: z.string(),
  contactEmail: z.string(),
  emailDomains: z.array(z.string()),
  status: CompanyStatus,
  registeredBy: z.object({ sub: z.string(), email: z.string().optional() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  decision: RecordedDecision.optional(),
});
export type CompanyRecord = z.infer<typeof CompanyRecord>;

export const CompanyView = CompanyRecord.extend({ history: z.array(CompanyStatusChange) });
export type CompanyView = z.infer<typeof CompanyView>;

export const AddCompanyAdmin = z
  .object({
    sub: z.string().trim().min(1).max(128).describe('the Cognito user id (sub) of the new admin'),
    email: z.email().max(254).toLowerCase(),
  })
  .strict();
export type AddCompanyAdmin = z.output<typeof AddCompanyAdmin>;

export const CompanyAdmin = z.object({ companyId: z.string(), sub: z.string(), email: z.string().optional(), addedBy: z.string(), addedAt: z.string() });
export type CompanyAdmin = z.infer<typeof CompanyAdmin>;
export const CompanyAdminList = z.object({ items: z.array(CompanyAdmin) });

export const CompanyRegisteredResponse = z.object({ id: z.string(), status: z.literal('pending') });
export const CompanyDecisionResponse = z.object({ id: z.string(), decision: z.enum(['approve', 'reject']), status: CompanyStatus });

// ── Domain events (contracts in events/catalog.ts) ──────────────────────────
export const CompanyRegisteredDetail = z
  .object({ companyId: z.string(), nameAr: z.string(), nameEn: z.string(), registeredAt: z.iso.datetime({ offset: true }) })
  .strict();
export const CompanyApprovedDetail = z
  .object({ companyId: z.string(), approvedBy: z.string(), approvedAt: z.iso.datetime({ offset: true }), firstAdmin: z.string() })
  .strict();
export const CompanyRejectedDetail = z
  .object({ companyId: z.string(), rejectedBy: z.string(), rejectedAt: z.iso.datetime({ offset: true }), reason: z.string() })
  .strict();
export const CompanyAdminAddedDetail = z
  .object({ companyId: z.string(), sub: z.string(), addedBy: z.string(), addedAt: z.iso.datetime({ offset: true }) })
  .strict();
