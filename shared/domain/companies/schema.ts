/**
 * Shapes of companies (corporate volunteering, issue 15): what clients send, what is stored and
 * what clients get back. Objects are `.strict()`: an unknown field is a 422 that names it.
 */
import * as z from 'zod';
import { decisionRequest, RecordedDecision } from '../decision.js';
import { LicenseNumber, uniqueItems } from '../organizations/schema.js';
import { Cause } from '../reference/causes.js';
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

// ── Employees ────────────────────────────────────────────────────────────────
const WorkEmail = z.email().max(254).toLowerCase();

/** `{ email }` (API.md) or `{ emails: [...] }` for up to 100 invitations at once. */
export const InviteEmployees = z
  .object({
    email: WorkEmail.optional(),
    emails: z.array(WorkEmail).min(1).max(100).superRefine(uniqueItems('email')).optional(),
  })
  .strict()
  .refine((b) => b.email !== undefined || b.emails !== undefined, { path: ['emails'], message: 'give email or emails' });
export type InviteEmployees = z.output<typeof InviteEmployees>;

export const InvitationsSent = z.object({ items: z.array(z.object({ email: z.string(), expiresAt: z.string() })) });

/** An address on one of the company's domains, to prove by the code sent to it. */
export const RequestDomainCode = z.object({ email: WorkEmail }).strict();
export const DomainCodeSent = z.object({ email: z.string(), expiresAt: z.string() });

/** The one-time code from the invitation or the domain email (spaces, hyphens and case ignored). */
export const JoinCompany = z
  .object({
    code: z
      .string()
      .max(40)
      .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{8}$/, 'must be the 8-character code from the email')),
  })
  .strict();

export const JoinVia = z.enum(['invitation', 'domain']);
export type JoinVia = z.infer<typeof JoinVia>;

/** One period of employment as the platform knows it (joined, and left if they did). */
export const Stint = z.object({ workEmail: z.string(), via: JoinVia, joinedAt: z.string(), leftAt: z.string().optional() });
export type Stint = z.infer<typeof Stint>;

/**
 * What the company knows of an employee: the volunteer's id, the work email they joined with
 * and their periods of employment. Never the national ID, phone or the profile's own email.
 */
export const Employee = z.object({
  companyId: z.string(),
  volunteerId: z.string(),
  workEmail: z.string(),
  status: z.enum(['current', 'left']),
  joinedAt: z.string(),
  leftAt: z.string().optional(),
  stints: z.array(Stint),
});
export type Employee = z.infer<typeof Employee>;

export const EmployeeList = z.object({ items: z.array(Employee), nextCursor: z.string().optional() });
export const ListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(2048).optional().describe('nextCursor of the previous page (opaque)'),
  })
  .strict();

/** The volunteer's side: the company they belong to now. */
export const Membership = z.object({ companyId: z.string(), volunteerId: z.string(), workEmail: z.string(), via: JoinVia, joinedAt: z.string() });
export type Membership = z.infer<typeof Membership>;

export const EmployeeJoinedDetail = z
  .object({ companyId: z.string(), volunteerId: z.string(), via: JoinVia, joinedAt: z.iso.datetime({ offset: true }) })
  .strict();
export const EmployeeLeftDetail = z
  .object({ companyId: z.string(), volunteerId: z.string(), joinedAt: z.iso.datetime({ offset: true }), leftAt: z.iso.datetime({ offset: true }) })
  .strict();

// ── Programmes and volunteer time off ───────────────────────────────────────
const Day = z.iso.date().describe('a calendar day (YYYY-MM-DD), Asia/Riyadh');

export const CreateProgram = z
  .object({
    nameAr: boundedText(2, 150),
    nameEn: boundedText(2, 150),
    hoursPerEmployee: z.int().min(1).max(400).describe('volunteer time off per employee over the programme, in hours'),
    from: Day,
    to: Day,
    causes: z.array(Cause).max(14).superRefine(uniqueItems('cause')).optional().describe('eligible causes (reference ids)'),
    orgIds: z.array(Ulid).max(100).superRefine(uniqueItems('organisation')).optional().describe('eligible organisations (active non-profits of the platform)'),
    requiresApproval: z.boolean().default(false).describe("an admin approves each employee's participation before time off is reserved"),
  })
  .strict()
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'must not be before from' })
  .refine((p) => (p.causes?.length ?? 0) + (p.orgIds?.length ?? 0) > 0, { path: ['causes'], message: 'give eligible causes or orgIds' });
export type CreateProgram = z.output<typeof CreateProgram>;

export const Program = z.object({
  id: z.string(),
  companyId: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  hoursPerEmployee: z.int(),
  from: z.string(),
  to: z.string(),
  causes: z.array(z.string()),
  orgIds: z.array(z.string()),
  requiresApproval: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Program = z.infer<typeof Program>;
export const ProgramList = z.object({ items: z.array(Program) });

export const ProgramPath = z.object({ companyId: Ulid, programId: Ulid });
export const ParticipationPath = ProgramPath.extend({ participationId: Ulid });

export const Participate = z.object({ applicationId: Ulid.describe('the employee\'s application to an eligible opportunity') }).strict();

export const ParticipationStatus = z.enum(['requested', 'reserved', 'rejected', 'consumed']);
/**
 * An employee's time off for one application under a programme: `requested` (waiting for an
 * admin), `reserved` (minutes held against the quota), `consumed` (hours approved: the approved
 * minutes, at most the reserved ones, are used), `rejected`.
 */
export const Participation = z.object({
  id: z.string(),
  companyId: z.string(),
  programId: z.string(),
  volunteerId: z.string(),
  applicationId: z.string(),
  opportunityId: z.string(),
  orgId: z.string(),
  shiftId: z.string(),
  minutes: z.int(),
  status: ParticipationStatus,
  usedMinutes: z.int().optional(),
  createdAt: z.string(),
  decidedBy: z.string().optional(),
  reason: z.string().optional(),
});
export type Participation = z.infer<typeof Participation>;

/** An employee's time off under a programme, in minutes. */
export const VtoBalance = z.object({ quotaMinutes: z.int(), reservedMinutes: z.int(), usedMinutes: z.int(), availableMinutes: z.int() });
export type VtoBalance = z.infer<typeof VtoBalance>;
export const ParticipationView = Participation.extend({ balance: VtoBalance });

export const ParticipationDecision = decisionRequest('required when rejecting; shown to the employee');

export const VtoReservedDetail = z
  .object({ companyId: z.string(), programId: z.string(), participationId: z.string(), volunteerId: z.string(), opportunityId: z.string(), minutes: z.int(), at: z.iso.datetime({ offset: true }) })
  .strict();

// ── Contribution reports ─────────────────────────────────────────────────────
export const CompanyReport = z.object({
  companyId: z.string(),
  from: z.string(),
  to: z.string(),
  employees: z.int().describe('volunteers who ever joined the company on the platform'),
  currentEmployees: z.int(),
  participants: z.int().describe('distinct employees with approved hours in the range'),
  participationRate: z.number().describe('participants / employees (0 when none joined)'),
  approvedMinutes: z.int(),
  valueSar: z.number(),
  byCause: z.array(z.object({ cause: z.string(), minutes: z.int() })),
  byOrganization: z.array(z.object({ orgId: z.string(), minutes: z.int() })),
  byMonth: z.array(z.object({ month: z.string(), minutes: z.int(), valueSar: z.number(), participants: z.int() })),
});
export type CompanyReport = z.infer<typeof CompanyReport>;

// ── Team events: seats reserved on a shift for a company's team ─────────────
/** Unclaimed seats go back to the shift this long before it starts. */
export const TEAM_RELEASE_BEFORE_MS = 48 * 3_600_000;

export const ReserveTeamSeats = z
  .object({
    opportunityId: Ulid,
    shiftId: Ulid.describe('the shift of that opportunity; it must start more than 48 h from now'),
    seats: z.int().min(1).max(200).describe('seats taken at once for the team, all or none'),
  })
  .strict();
export type ReserveTeamSeats = z.output<typeof ReserveTeamSeats>;

export const TeamEventStatus = z.enum(['reserved', 'released']);
/**
 * Seats a company took on a shift for its employees: `claimed` of `seats` are employees'
 * approved applications; 48 h before the start the unclaimed ones go back to the shift
 * (`released`, with `releasedSeats`).
 */
export const TeamEvent = z.object({
  id: z.string(),
  companyId: z.string(),
  opportunityId: z.string(),
  orgId: z.string(),
  shiftId: z.string(),
  start: z.string(),
  end: z.string(),
  seats: z.int(),
  claimed: z.int(),
  status: TeamEventStatus,
  releaseAt: z.string().describe('when the unclaimed seats go back to the shift (48 h before the start)'),
  releasedSeats: z.int().optional(),
  releasedAt: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TeamEvent = z.infer<typeof TeamEvent>;
export const TeamEventList = z.object({ items: z.array(TeamEvent) });
export const TeamEventPath = z.object({ companyId: Ulid, teamEventId: Ulid });
/** The employee's approved application on the shift, made by claiming a team seat. */
export const TeamSeatClaimed = z.object({ teamEventId: z.string(), applicationId: z.string(), status: z.literal('approved'), claimed: z.int(), seats: z.int() });
