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
import * as z from '../../zod.js';
import { decisionRequest, RecordedDecision } from '../decision.js';
import { boundedText } from '../reference/text.js';

const Ulid = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)'));

export const MAX_MOTIVATION_LENGTH = 2000;

export const ApplicationStatus = /* @__PURE__ */ z.enum(['submitted', 'pending', 'approved', 'rejected', 'waitlisted', 'expired', 'withdrawn', 'cancelled']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Statuses an application never leaves. */
export const TERMINAL_STATUSES: readonly ApplicationStatus[] = ['rejected', 'expired', 'withdrawn', 'cancelled'];
/** Statuses that hold the volunteer–shift marker (the volunteer cannot apply to that shift again). */
export const isTerminal = (status: ApplicationStatus): boolean => TERMINAL_STATUSES.includes(status);

export const SubmitApplication = /* @__PURE__ */ (() => z.strictObject({
    shiftId: /* @__PURE__ */ z.described(Ulid, 'one of the opportunity’s shifts'),
    motivation: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, MAX_MOTIVATION_LENGTH)), `why you want to help (at most ${MAX_MOTIVATION_LENGTH} characters)`),
  }))();
export type SubmitApplication = z.output<typeof SubmitApplication>;

export const ApplicationDecision = /* @__PURE__ */ z.described(/* @__PURE__ */ decisionRequest('required when rejecting; the volunteer is told'), 'the manager decision; `reason` is required for `reject`');
export type ApplicationDecision = z.output<typeof ApplicationDecision>;

export const OpportunityIdPath = /* @__PURE__ */ z.object({ id: Ulid });
export const ApplicationPath = /* @__PURE__ */ z.object({ id: Ulid });
export const OrgApplicationsPath = /* @__PURE__ */ z.object({ orgId: Ulid });

const Limit = /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20);
const Cursor = /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(1024))), 'nextCursor of the previous page (opaque)');

export const ListQuery = /* @__PURE__ */ z.strictObject({ limit: Limit, cursor: Cursor });
export type ListQuery = z.output<typeof ListQuery>;

export const ReviewQueueQuery = /* @__PURE__ */ z.strictObject({
  status: /* @__PURE__ */ z.described(/* @__PURE__ */ z._default(ApplicationStatus, 'pending'), 'which queue (default pending, oldest first)'),
  limit: Limit,
  cursor: Cursor,
});
export type ReviewQueueQuery = z.output<typeof ReviewQueueQuery>;

/** A failed screening rule: `rule` names it (`charter`, `age`, `overlap`…). */
export const RuleFailure = /* @__PURE__ */ z.object({ rule: /* @__PURE__ */ z.string(), message: /* @__PURE__ */ z.string() });
export type RuleFailure = z.infer<typeof RuleFailure>;

export { RecordedDecision };

/** One transition, kept as a history item: time, actor and reason. */
export const StatusChange = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), '1 for the submission, +1 per transition'),
  status: ApplicationStatus,
  from: /* @__PURE__ */ z.optional(ApplicationStatus),
  at: /* @__PURE__ */ z.string(),
  by: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the user (sub) who caused it, or `system`'),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
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
export const ApplicantView = /* @__PURE__ */ z.object({
  displayName: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'first name and initial, e.g. "Sara A."'),
  displayNameAr: /* @__PURE__ */ z.string(),
  city: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'a city id of GET /v1/reference'),
  skills: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.string(), level: /* @__PURE__ */ z.string() })),
  professions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  languages: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  attendance: /* @__PURE__ */ z.described(/* @__PURE__ */ z
    .object({ attended: /* @__PURE__ */ z.int(), noShows: /* @__PURE__ */ z.int(), lateCancellations: /* @__PURE__ */ z.int(), since: /* @__PURE__ */ z.string() }), 'shifts attended, no-shows and late cancellations since `since` (the last 12 months)'),
  trainings: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ trainingId: /* @__PURE__ */ z.string(), completedAt: /* @__PURE__ */ z.string(), validUntil: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), valid: /* @__PURE__ */ z.boolean() })),
  contact: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ email: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), phone: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) })), 'approved applications only'),
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
export const CompanyTag = /* @__PURE__ */ z.object({
  companyId: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  programId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  programNameAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  programNameEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  teamEventId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type CompanyTag = z.infer<typeof CompanyTag>;

export const ApplicationView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.string(),
    volunteerId: /* @__PURE__ */ z.string(),
    opportunityId: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.string(),
    shiftId: /* @__PURE__ */ z.string(),
    shift: /* @__PURE__ */ z.object({ start: /* @__PURE__ */ z.string(), end: /* @__PURE__ */ z.string() }),
    status: ApplicationStatus,
    motivation: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    reason: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), 'why it is in its status (rejected, expired, withdrawn, cancelled; the manager’s words on an approval)'),
    failures: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(RuleFailure)), 'screening rules that failed, each named'),
    waitlistPosition: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()), '1 = next to be promoted (waitlisted only)'),
    createdAt: /* @__PURE__ */ z.string(),
    updatedAt: /* @__PURE__ */ z.string(),
    history: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(StatusChange)), 'every transition, oldest first (GET /v1/applications/{id})'),
    applicant: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(ApplicantView), "who applied (the organisation's review queue); contact data only once approved"),
    company: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(CompanyTag), 'the company programme (time off) or team event the volunteer came through'),
  }), { id: 'Application' });
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationPage = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(ApplicationView), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });
export type ApplicationPage = z.infer<typeof ApplicationPage>;

export const SubmittedResponse = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), status: ApplicationStatus });
export const DecisionResponse = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  decision: /* @__PURE__ */ z.enum(['approve', 'reject']),
  status: /* @__PURE__ */ z.described(ApplicationStatus, 'the status when answering: the workflow then reserves a seat or rejects'),
});
export const WithdrawResponse = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  status: /* @__PURE__ */ z.literal('withdrawn'),
});

// ── Domain events ──────────────────────────────────────────────────────────────
/**
 * What every application event carries: enough for the notifications consumer to find the
 * person (volunteerId → profile, where consent lives) and the shift, and to deduplicate
 * (`applicationId` + `version` identify one transition; a retried step repeats the same pair).
 */
export const ApplicationEventDetail = /* @__PURE__ */ z.strictObject({
  applicationId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  opportunityId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  shiftId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  orgId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  status: ApplicationStatus,
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  shiftStart: /* @__PURE__ */ z.iso.datetime({ offset: true }),
  shiftEnd: /* @__PURE__ */ z.iso.datetime({ offset: true }),
  at: /* @__PURE__ */ z.iso.datetime({ offset: true }),
  by: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type ApplicationEventDetail = z.infer<typeof ApplicationEventDetail>;

export const ApplicationRejectedDetail = /* @__PURE__ */ z.strict(/* @__PURE__ */ z.extend(ApplicationEventDetail, {
  reason: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  failures: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(RuleFailure)),
}));
export const ApplicationWaitlistedDetail = /* @__PURE__ */ z.strict(/* @__PURE__ */ z.extend(ApplicationEventDetail, { waitlistSeq: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)) }));
export const ApplicationWithdrawnDetail = /* @__PURE__ */ z.strict(/* @__PURE__ */ z.extend(ApplicationEventDetail, {
  seatFreed: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()), 'true when the application held an approved seat (its calendar entry is cancelled)'),
}));
export const ApplicationPromotedDetail = /* @__PURE__ */ z.strict(/* @__PURE__ */ z.extend(ApplicationEventDetail, { promotedFrom: /* @__PURE__ */ z.literal('waitlisted') }));
export const ApplicationPendingDecisionDetail = /* @__PURE__ */ z.strict(/* @__PURE__ */ z.extend(ApplicationEventDetail, {
  reminder: /* @__PURE__ */ z.described(/* @__PURE__ */ z.boolean(), 'false: first request to the managers; true: the nudge after the first timeout'),
}));
