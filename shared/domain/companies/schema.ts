/**
 * Shapes of companies (corporate volunteering, issue 15): what clients send, what is stored and
 * what clients get back. Objects are `.strict()`: an unknown field is a 422 that names it.
 */
import * as z from '../../zod.js';
import { decisionRequest, RecordedDecision } from '../decision.js';
import { LicenseNumber, uniqueItems } from '../organizations/schema.js';
import { Cause } from '../reference/causes.js';
import { boundedText } from '../reference/text.js';

/** A ULID. */
export const Ulid = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)'));

/** The commercial registration number (10 digits, not starting with 0), Arabic-Indic digits accepted. */
export const CrNumber = /* @__PURE__ */ z.described(LicenseNumber, '10-digit commercial registration number, e.g. 1010987654');

/** An email domain the company's staff addresses are on (`aramco.com`), lower-case, no `@`. */
export const EmailDomain = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.toLowerCase(), /* @__PURE__ */ z.maxLength(253), /* @__PURE__ */ z.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name such as example.com.sa'));

export const RegisterCompany = /* @__PURE__ */ z.strictObject({
  nameAr: /* @__PURE__ */ z.described(/* @__PURE__ */ boundedText(2, 150), 'registered name in Arabic'),
  nameEn: /* @__PURE__ */ z.described(/* @__PURE__ */ boundedText(2, 150), 'registered name in English'),
  crNumber: CrNumber,
  contactEmail: /* @__PURE__ */ z.email().check(/* @__PURE__ */ z.maxLength(254), /* @__PURE__ */ z.toLowerCase()),
  emailDomains: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(EmailDomain).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('domain'))), "the domains of the staff's work addresses"),
});
export type RegisterCompany = z.output<typeof RegisterCompany>;

export const CompanyStatus = /* @__PURE__ */ z.enum(['pending', 'active', 'rejected', 'expired']);
export type CompanyStatus = z.infer<typeof CompanyStatus>;

export const CompanyDecision = /* @__PURE__ */ z.described(/* @__PURE__ */ decisionRequest('required when rejecting; sent to the company'), 'the reviewer decision; `reason` is required for `reject`');
export type CompanyDecision = z.output<typeof CompanyDecision>;

export const CompanyPath = /* @__PURE__ */ z.object({ companyId: Ulid });

export const CompanyStatusChange = /* @__PURE__ */ z.object({
  status: CompanyStatus,
  from: /* @__PURE__ */ z.optional(CompanyStatus),
  at: /* @__PURE__ */ z.string(),
  by: /* @__PURE__ */ z.string(),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type CompanyStatusChange = z.infer<typeof CompanyStatusChange>;

/** The stored company (without keys). */
export const CompanyRecord = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  crNumber: /* @__PURE__ */ z.string(),
  contactEmail: /* @__PURE__ */ z.string(),
  emailDomains: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  status: CompanyStatus,
  registeredBy: /* @__PURE__ */ z.object({ sub: /* @__PURE__ */ z.string(), email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
  decision: /* @__PURE__ */ z.optional(RecordedDecision),
});
export type CompanyRecord = z.infer<typeof CompanyRecord>;

export const CompanyView = /* @__PURE__ */ z.extend(CompanyRecord, { history: /* @__PURE__ */ z.array(CompanyStatusChange) });
export type CompanyView = z.infer<typeof CompanyView>;

export const AddCompanyAdmin = /* @__PURE__ */ z.strictObject({
  sub: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)), 'the Cognito user id (sub) of the new admin'),
  email: /* @__PURE__ */ z.email().check(/* @__PURE__ */ z.maxLength(254), /* @__PURE__ */ z.toLowerCase()),
});
export type AddCompanyAdmin = z.output<typeof AddCompanyAdmin>;

export const CompanyAdmin = /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string(), sub: /* @__PURE__ */ z.string(), email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), addedBy: /* @__PURE__ */ z.string(), addedAt: /* @__PURE__ */ z.string() });
export type CompanyAdmin = z.infer<typeof CompanyAdmin>;
export const CompanyAdminList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(CompanyAdmin) });

export const CompanyRegisteredResponse = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), status: /* @__PURE__ */ z.literal('pending') });
export const CompanyDecisionResponse = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), decision: /* @__PURE__ */ z.enum(['approve', 'reject']), status: CompanyStatus });

// ── Domain events (contracts in events/catalog.ts) ──────────────────────────
export const CompanyRegisteredDetail = /* @__PURE__ */ z.strictObject({ companyId: /* @__PURE__ */ z.string(), nameAr: /* @__PURE__ */ z.string(), nameEn: /* @__PURE__ */ z.string(), registeredAt: /* @__PURE__ */ z.iso.datetime({ offset: true }) });
export const CompanyApprovedDetail = /* @__PURE__ */ z.strictObject({ companyId: /* @__PURE__ */ z.string(), approvedBy: /* @__PURE__ */ z.string(), approvedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }), firstAdmin: /* @__PURE__ */ z.string() });
export const CompanyRejectedDetail = /* @__PURE__ */ z.strictObject({ companyId: /* @__PURE__ */ z.string(), rejectedBy: /* @__PURE__ */ z.string(), rejectedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }), reason: /* @__PURE__ */ z.string() });
export const CompanyAdminAddedDetail = /* @__PURE__ */ z.strictObject({ companyId: /* @__PURE__ */ z.string(), sub: /* @__PURE__ */ z.string(), addedBy: /* @__PURE__ */ z.string(), addedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }) });

// ── Employees ────────────────────────────────────────────────────────────────
const WorkEmail = /* @__PURE__ */ z.email().check(/* @__PURE__ */ z.maxLength(254), /* @__PURE__ */ z.toLowerCase());

/** `{ email }` (API.md) or `{ emails: [...] }` for up to 100 invitations at once. */
export const InviteEmployees = /* @__PURE__ */ z.strictObject({
  email: /* @__PURE__ */ z.optional(WorkEmail),
  emails: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(WorkEmail).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(100), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('email')))),
})
  .check(/* @__PURE__ */ z.refine((b) => b.email !== undefined || b.emails !== undefined, { path: ['emails'], message: 'give email or emails' }));
export type InviteEmployees = z.output<typeof InviteEmployees>;

export const InvitationsSent = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ email: /* @__PURE__ */ z.string(), expiresAt: /* @__PURE__ */ z.string() })) });

/** An address on one of the company's domains, to prove by the code sent to it. */
export const RequestDomainCode = /* @__PURE__ */ z.strictObject({ email: WorkEmail });
export const DomainCodeSent = /* @__PURE__ */ z.object({ email: /* @__PURE__ */ z.string(), expiresAt: /* @__PURE__ */ z.string() });

/** The one-time code from the invitation or the domain email (spaces, hyphens and case ignored). */
export const JoinCompany = /* @__PURE__ */ z.strictObject({
  code: /* @__PURE__ */ z.pipe(/* @__PURE__ */ z.pipe(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(40)), /* @__PURE__ */ z.transform((v) => v.replace(/[\s-]/g, '').toUpperCase())), /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Z0-9]{8}$/, 'must be the 8-character code from the email'))),
});

export const JoinVia = /* @__PURE__ */ z.enum(['invitation', 'domain']);
export type JoinVia = z.infer<typeof JoinVia>;

/** One period of employment as the platform knows it (joined, and left if they did). */
export const Stint = /* @__PURE__ */ z.object({ workEmail: /* @__PURE__ */ z.string(), via: JoinVia, joinedAt: /* @__PURE__ */ z.string(), leftAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });
export type Stint = z.infer<typeof Stint>;

/**
 * What the company knows of an employee: the volunteer's id, the work email they joined with
 * and their periods of employment. Never the national ID, phone or the profile's own email.
 */
export const Employee = /* @__PURE__ */ z.object({
  companyId: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  workEmail: /* @__PURE__ */ z.string(),
  status: /* @__PURE__ */ z.enum(['current', 'left']),
  joinedAt: /* @__PURE__ */ z.string(),
  leftAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  stints: /* @__PURE__ */ z.array(Stint),
});
export type Employee = z.infer<typeof Employee>;

export const EmployeeList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(Employee), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });
export const ListQuery = /* @__PURE__ */ z.strictObject({
  limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
  cursor: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(2048))), 'nextCursor of the previous page (opaque)'),
});

/** The volunteer's side: the company they belong to now. */
export const Membership = /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string(), volunteerId: /* @__PURE__ */ z.string(), workEmail: /* @__PURE__ */ z.string(), via: JoinVia, joinedAt: /* @__PURE__ */ z.string() });
export type Membership = z.infer<typeof Membership>;

export const EmployeeJoinedDetail = /* @__PURE__ */ z.strictObject({ companyId: /* @__PURE__ */ z.string(), volunteerId: /* @__PURE__ */ z.string(), via: JoinVia, joinedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }) });
export const EmployeeLeftDetail = /* @__PURE__ */ z.strictObject({ companyId: /* @__PURE__ */ z.string(), volunteerId: /* @__PURE__ */ z.string(), joinedAt: /* @__PURE__ */ z.iso.datetime({ offset: true }), leftAt: /* @__PURE__ */ z.iso.datetime({ offset: true }) });

// ── Programmes and volunteer time off ───────────────────────────────────────
const Day = /* @__PURE__ */ z.described(/* @__PURE__ */ z.iso.date(), 'a calendar day (YYYY-MM-DD), Asia/Riyadh');

export const CreateProgram = /* @__PURE__ */ z.strictObject({
  nameAr: /* @__PURE__ */ boundedText(2, 150),
  nameEn: /* @__PURE__ */ boundedText(2, 150),
  hoursPerEmployee: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(400)), 'volunteer time off per employee over the programme, in hours'),
  from: Day,
  to: Day,
  causes: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Cause).check(/* @__PURE__ */ z.maxLength(14), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('cause')))), 'eligible causes (reference ids)'),
  orgIds: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Ulid).check(/* @__PURE__ */ z.maxLength(100), /* @__PURE__ */ z.superRefine(/* @__PURE__ */ uniqueItems('organisation')))), 'eligible organisations (active non-profits of the platform)'),
  requiresApproval: /* @__PURE__ */ z.described(/* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), false), "an admin approves each employee's participation before time off is reserved"),
})
  .check(/* @__PURE__ */ z.refine((p) => p.to >= p.from, { path: ['to'], message: 'must not be before from' }), /* @__PURE__ */ z.refine((p) => (p.causes?.length ?? 0) + (p.orgIds?.length ?? 0) > 0, { path: ['causes'], message: 'give eligible causes or orgIds' }));
export type CreateProgram = z.output<typeof CreateProgram>;

export const Program = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  companyId: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  hoursPerEmployee: /* @__PURE__ */ z.int(),
  from: /* @__PURE__ */ z.string(),
  to: /* @__PURE__ */ z.string(),
  causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  orgIds: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  requiresApproval: /* @__PURE__ */ z.boolean(),
  createdBy: /* @__PURE__ */ z.string(),
  createdAt: /* @__PURE__ */ z.string(),
});
export type Program = z.infer<typeof Program>;
export const ProgramList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(Program) });

export const ProgramPath = /* @__PURE__ */ z.object({ companyId: Ulid, programId: Ulid });
export const ParticipationPath = /* @__PURE__ */ z.extend(ProgramPath, { participationId: Ulid });

export const Participate = /* @__PURE__ */ z.strictObject({ applicationId: /* @__PURE__ */ z.described(Ulid, 'the employee\'s application to an eligible opportunity') });

export const ParticipationStatus = /* @__PURE__ */ z.enum(['requested', 'reserved', 'rejected', 'consumed']);
/**
 * An employee's time off for one application under a programme: `requested` (waiting for an
 * admin), `reserved` (minutes held against the quota), `consumed` (hours approved: the approved
 * minutes, at most the reserved ones, are used), `rejected`.
 */
export const Participation = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  companyId: /* @__PURE__ */ z.string(),
  programId: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  applicationId: /* @__PURE__ */ z.string(),
  opportunityId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  shiftId: /* @__PURE__ */ z.string(),
  minutes: /* @__PURE__ */ z.int(),
  status: ParticipationStatus,
  usedMinutes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
  createdAt: /* @__PURE__ */ z.string(),
  decidedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type Participation = z.infer<typeof Participation>;

/** An employee's time off under a programme, in minutes. */
export const VtoBalance = /* @__PURE__ */ z.object({ quotaMinutes: /* @__PURE__ */ z.int(), reservedMinutes: /* @__PURE__ */ z.int(), usedMinutes: /* @__PURE__ */ z.int(), availableMinutes: /* @__PURE__ */ z.int() });
export type VtoBalance = z.infer<typeof VtoBalance>;
export const ParticipationView = /* @__PURE__ */ z.extend(Participation, { balance: VtoBalance });

export const ParticipationDecision = /* @__PURE__ */ decisionRequest('required when rejecting; shown to the employee');

export const VtoReservedDetail = /* @__PURE__ */ z.strictObject({ companyId: /* @__PURE__ */ z.string(), programId: /* @__PURE__ */ z.string(), participationId: /* @__PURE__ */ z.string(), volunteerId: /* @__PURE__ */ z.string(), opportunityId: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.int(), at: /* @__PURE__ */ z.iso.datetime({ offset: true }) });

// ── Contribution reports ─────────────────────────────────────────────────────
export const CompanyReport = /* @__PURE__ */ z.object({
  companyId: /* @__PURE__ */ z.string(),
  from: /* @__PURE__ */ z.string(),
  to: /* @__PURE__ */ z.string(),
  employees: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'volunteers who ever joined the company on the platform'),
  currentEmployees: /* @__PURE__ */ z.int(),
  participants: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'distinct employees with approved hours in the range'),
  participationRate: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'participants / employees (0 when none joined)'),
  approvedMinutes: /* @__PURE__ */ z.int(),
  valueSar: /* @__PURE__ */ z.number(),
  byCause: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ cause: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.int() })),
  byOrganization: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.int() })),
  byMonth: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ month: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.int(), valueSar: /* @__PURE__ */ z.number(), participants: /* @__PURE__ */ z.int() })),
});
export type CompanyReport = z.infer<typeof CompanyReport>;

// ── Team events: seats reserved on a shift for a company's team ─────────────
/** Unclaimed seats go back to the shift this long before it starts. */
export const TEAM_RELEASE_BEFORE_MS = 48 * 3_600_000;

export const ReserveTeamSeats = /* @__PURE__ */ z.strictObject({
  opportunityId: Ulid,
  shiftId: /* @__PURE__ */ z.described(Ulid, 'the shift of that opportunity; it must start more than 48 h from now'),
  seats: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(200)), 'seats taken at once for the team, all or none'),
});
export type ReserveTeamSeats = z.output<typeof ReserveTeamSeats>;

export const TeamEventStatus = /* @__PURE__ */ z.enum(['reserved', 'released']);
/**
 * Seats a company took on a shift for its employees: `claimed` of `seats` are employees'
 * approved applications; 48 h before the start the unclaimed ones go back to the shift
 * (`released`, with `releasedSeats`).
 */
export const TeamEvent = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  companyId: /* @__PURE__ */ z.string(),
  opportunityId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  shiftId: /* @__PURE__ */ z.string(),
  start: /* @__PURE__ */ z.string(),
  end: /* @__PURE__ */ z.string(),
  seats: /* @__PURE__ */ z.int(),
  claimed: /* @__PURE__ */ z.int(),
  status: TeamEventStatus,
  releaseAt: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'when the unclaimed seats go back to the shift (48 h before the start)'),
  releasedSeats: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
  releasedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  createdBy: /* @__PURE__ */ z.string(),
  createdAt: /* @__PURE__ */ z.string(),
});
export type TeamEvent = z.infer<typeof TeamEvent>;
export const TeamEventList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(TeamEvent) });
export const TeamEventPath = /* @__PURE__ */ z.object({ companyId: Ulid, teamEventId: Ulid });
/** The employee's approved application on the shift, made by claiming a team seat. */
export const TeamSeatClaimed = /* @__PURE__ */ z.object({ teamEventId: /* @__PURE__ */ z.string(), applicationId: /* @__PURE__ */ z.string(), status: /* @__PURE__ */ z.literal('approved'), claimed: /* @__PURE__ */ z.int(), seats: /* @__PURE__ */ z.int() });
