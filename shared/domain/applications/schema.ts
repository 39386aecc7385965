/**
 * Shapes of applications: what volunteers and managers send (SubmitApplication,
 * ApplicationDecision), what is stored (ApplicationRecord, StatusChange) and what clients get
 * back (ApplicationView, ApplicationPage), plus the details of the domain events.
 *
 *   submitted ─→ pending ─→ approved ─→ withdrawn
 *      │           │  └──→ waitlisted ─→ approved (promoted) ─→ withdrawn
 *      │           ├──→ rejected          └──→ withdrawn | rejected (skipped: overlapping booking)
 *      │           ├──→ expired
 *      │           └──→ withdrawn
 *      └──→ approved | waitlisted | rejected | withdrawn   (no approval required, or screening failed)
 *   submitted | pending | waitlisted | approved ─→ cancelled   (the opportunity was closed before the shift)
 */
import * as z from 'zod';
import { decisionRequest, RecordedDecision } from '../decision.js';
import { boundedText } from '../reference/text.js';

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');

export const MAX_MOTIVATION_LENGTH = 2000;

export const ApplicationStatus = z.enum(['submitted', 'pending', 'approved', 'rejected', 'waitlisted', 'expired', 'withdrawn', 'cancelled']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Statuses an application never leaves. */
export const TERMINAL_STATUSES: readonly ApplicationStatus[] = ['rejected', 'expired', 'withdrawn', 'cancelled'];
/** Statuses that hold the volunteer–shift marker (the volunteer cannot apply to that shift again). */
export const isTerminal = (status: ApplicationStatus): boolean => TERMINAL_STATUSES.includes(status);

export const SubmitApplication = z
  .object({
    shiftId: Ulid.describe('one of the opportunity’s shifts'),
    motivation: boundedText(1, MAX_MOTIVATION_LENGTH).optional().describe(`why you want to help (at most ${MAX_MOTIVATION_LENGTH} characters)`),
  })
  .strict();
export type SubmitApplication = z.output<typeof SubmitApplication>;

export const ApplicationDecision = decisionRequest('required when rejecting; the volunteer is told').describe('the manager decision; `reason` is required for `reject`');
export type ApplicationDecision = z.output<typeof ApplicationDecision>;

export const OpportunityIdPath = z.object({ id: Ulid });
export const ApplicationPath = z.object({ id: Ulid });
export const OrgApplicationsPath = z.object({ orgId: Ulid });

const Limit = z.coerce.number().int().min(1).max(100).default(20);
const Cursor = z.string().min(1).max(1024).optional().describe('nextCursor of the previous page (opaque)');

export const ListQuery = z.object({ limit: Limit, cursor: Cursor }).strict();
export type ListQuery = z.output<typeof ListQuery>;

export const ReviewQueueQuery = z
  .object({
    status: ApplicationStatus.default('pending').describe('which queue (default pending, oldest first)'),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();
export type ReviewQueueQuery = z.output<typeof ReviewQueueQuery>;

/** A failed screening rule: `rule` names it (`charter`, `age`, `overlap`…). */
export const RuleFailure = z.object({ rule: z.string(), message: z.string() });
export type RuleFailure = z.infer<typeof RuleFailure>;

export { RecordedDecision };

/** One transition, kept as a history item: time, actor and reason. */
export const StatusChange = z.object({
  version: z.int().describe('1 for the submission, +1 per transition'),
  status: ApplicationStatus,
  from: ApplicationStatus.optional(),
  at: z.string(),
  by: z.string().describe('the user (sub) who caused it, or `system`'),
  reason: z.string().optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

/** An application as stored. `taskToken` is internal: never in a view, an event or a log. */
export interface ApplicationRecord {
  readonly id: string;
  readonly volunteerId: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly shiftId: string;
  readonly shiftStart: string;
  readonly shiftEnd: string;
  readonly requiresApproval: boolean;
  readonly motivation?: string;
  readonly status: ApplicationStatus;
  /** Incremented by every transition; history item N is version N. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly reason?: string;
  readonly failures?: readonly RuleFailure[];
  readonly decision?: RecordedDecision;
  /** Set while waitlisted: the FIFO sequence number of its WAIT item. */
  readonly waitlistSeq?: number;
  readonly taskToken?: string;
  /** On a project's period (issue 19): its seat neither blocks nor is blocked by shifts. */
  readonly project?: boolean;
  /** The company programme or team event the volunteer came through (issue 15), shown to the organisation. */
  readonly company?: CompanyTag;
}

/**
 * Who applied, as the organisation's managers see it in the review queue: what they need to
 * decide (display name, city, skills, professions, languages, the attendance record of the last
 * 12 months, training completions) and never contact data or the national ID before the
 * application is approved; `contact` appears only on an approved application.
 */
export const ApplicantView = z.object({
  displayName: z.string().describe('first name and initial, e.g. "Sara A."'),
  displayNameAr: z.string(),
  city: z.string().describe('a city id of GET /v1/reference'),
  skills: z.array(z.object({ name: z.string(), level: z.string() })),
  professions: z.array(z.string()),
  languages: z.array(z.string()),
  attendance: z
    .object({ attended: z.int(), noShows: z.int(), lateCancellations: z.int(), since: z.string() })
    .describe('shifts attended, no-shows and late cancellations since `since` (the last 12 months)'),
  trainings: z.array(z.object({ trainingId: z.string(), completedAt: z.string(), validUntil: z.string().optional(), valid: z.boolean() })),
  contact: z.object({ email: z.string().optional(), phone: z.string().optional() }).optional().describe('approved applications only'),
});
export type ApplicantView = z.infer<typeof ApplicantView>;

/** What the applicant reads hand to the service (contact included: the service decides whether it is shown). */
export interface ApplicantRecord {
  readonly nameAr: string;
  readonly nameEn: string;
  readonly city: string;
  readonly skills: readonly { name: string; level: string }[];
  readonly professions: readonly string[];
  readonly languages: readonly string[];
  readonly email?: string;
  readonly phone?: string;
  readonly attendance: ApplicantView['attendance'];
  readonly trainings: readonly { trainingId: string; completedAt: string; validUntil?: string }[];
}

/** How a volunteer came through their employer (issue 15): a programme's time off or a team event's seat. */
export const CompanyTag = z.object({
  companyId: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  programId: z.string().optional(),
  programNameAr: z.string().optional(),
  programNameEn: z.string().optional(),
  teamEventId: z.string().optional(),
});
export type CompanyTag = z.infer<typeof CompanyTag>;

export const ApplicationView = z
  .object({
    id: z.string(),
    volunteerId: z.string(),
    opportunityId: z.string(),
    orgId: z.string(),
    shiftId: z.string(),
    shift: z.object({ start: z.string(), end: z.string() }),
    status: ApplicationStatus,
    motivation: z.string().optional(),
    reason: z.string().optional().describe('why it is in its status (rejected, expired, withdrawn, cancelled; the manager’s words on an approval)'),
    failures: z.array(RuleFailure).optional().describe('screening rules that failed, each named'),
    waitlistPosition: z.int().optional().describe('1 = next to be promoted (waitlisted only)'),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(StatusChange).optional().describe('every transition, oldest first (GET /v1/applications/{id})'),
    applicant: ApplicantView.optional().describe("who applied (the organisation's review queue); contact data only once approved"),
    company: CompanyTag.optional().describe('the company programme (time off) or team event the volunteer came through'),
  })
  .meta({ id: 'Application' });
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationPage = z.object({ items: z.array(ApplicationView), nextCursor: z.string().optional() });
export type ApplicationPage = z.infer<typeof ApplicationPage>;

export const SubmittedResponse = z.object({ id: z.string(), status: ApplicationStatus });
export const DecisionResponse = z.object({
  id: z.string(),
  decision: z.enum(['approve', 'reject']),
  status: ApplicationStatus.describe('the status when answering: the workflow then reserves a seat or rejects'),
});
export const WithdrawResponse = z.object({
  id: z.string(),
  status: z.literal('withdrawn'),
});

// ── Domain events ──────────────────────────────────────────────────────────────
/**
 * What every application event carries: enough for the notifications consumer to find the
 * person (volunteerId → profile, where consent lives) and the shift, and to deduplicate
 * (`applicationId` + `version` identify one transition; a retried step repeats the same pair).
 */
export const ApplicationEventDetail = z
  .object({
    applicationId: z.string().min(1),
    volunteerId: z.string().min(1),
    opportunityId: z.string().min(1),
    shiftId: z.string().min(1),
    orgId: z.string().min(1),
    status: ApplicationStatus,
    version: z.int().min(1),
    shiftStart: z.iso.datetime({ offset: true }),
    shiftEnd: z.iso.datetime({ offset: true }),
    at: z.iso.datetime({ offset: true }),
    by: z.string().min(1),
    reason: z.string().optional(),
  })
  .strict();
export type ApplicationEventDetail = z.infer<typeof ApplicationEventDetail>;

export const ApplicationRejectedDetail = ApplicationEventDetail.extend({
  reason: z.string().min(1),
  failures: z.array(RuleFailure).optional(),
}).strict();
export const ApplicationWaitlistedDetail = ApplicationEventDetail.extend({ waitlistSeq: z.int().min(1) }).strict();
export const ApplicationWithdrawnDetail = ApplicationEventDetail.extend({
  seatFreed: z.boolean().optional().describe('true when the application held an approved seat (its calendar entry is cancelled)'),
}).strict();
export const ApplicationPromotedDetail = ApplicationEventDetail.extend({ promotedFrom: z.literal('waitlisted') }).strict();
export const ApplicationPendingDecisionDetail = ApplicationEventDetail.extend({
  reminder: z.boolean().describe('false: first request to the managers; true: the nudge after the first timeout'),
}).strict();
