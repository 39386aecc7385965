/**
 * The catalogue of domain events: for each event type (the EventBridge `detail-type`), what it
 * means, the zod contract of its `detail`, and an example file under events/ (a whole
 * EventBridge event, as a consumer receives it). test/unit/event-catalog.test.ts checks every
 * example against its contract, so add the three together.
 *
 * Details carry ids and what consumers need to route or match, never national IDs and no
 * contact data: a consumer that must email someone reads the profile, where consent lives.
 */
import * as z from '../shared/zod.js';
import {
  ApplicationEventDetail,
  ApplicationPendingDecisionDetail,
  ApplicationPromotedDetail,
  ApplicationWithdrawnDetail,
  ApplicationRejectedDetail,
  ApplicationWaitlistedDetail,
} from '../shared/domain/applications/schema.js';
import { OpportunityClosedDetail, OpportunityPublishedDetail, OpportunityUpdatedDetail } from '../shared/domain/opportunities/schema.js';
import { OrganizationApprovedDetail, OrganizationRegisteredDetail, OrganizationRejectedDetail, OrganizationCertifiedManagerChangedDetail } from '../shared/domain/organizations/schema.js';
import { VolunteerInvitedDetail, VolunteerProfileUpdatedDetail } from '../shared/domain/matching/schema.js';
import { VolunteerRegisteredDetail } from '../shared/domain/volunteers/schema.js';
import { NotificationDeadLetteredDetail, NotificationQueuedDetail } from '../shared/domain/notifications/schema.js';
import { TrainingCompletedDetail, TrainingMissingAtCheckInDetail } from '../shared/domain/training/schema.js';
import {
  DeliverableConfirmedDetail,
  HoursApprovedDetail,
  HoursDisputedDetail,
  HoursPendingDetail,
  HoursRejectedDetail,
  HoursReversedDetail,
  NoShowDisputeDecidedDetail,
  NoShowDisputedDetail,
  ValuationRatesSetDetail,
  VolunteerCheckedInDetail,
  VolunteerNoShowDetail,
} from '../shared/domain/hours/schema.js';
import { CertificateIssuedDetail, CertificateRevokedDetail } from '../shared/domain/certificates/schema.js';
import {
  CompanyAdminAddedDetail,
  EmployeeJoinedDetail,
  EmployeeLeftDetail,
  VtoReservedDetail,
  CompanyApprovedDetail,
  CompanyRegisteredDetail,
  CompanyRejectedDetail,
} from '../shared/domain/companies/schema.js';
import { EVENT_SOURCE } from '../shared/domain/event-source.js';
import { PersonalDataExportRequestedDetail } from '../shared/domain/personal-data/schema.js';

export interface EventContract {
  readonly description: string;
  /** Contract of `detail` (without the `eventId` the publisher adds). */
  readonly detail: z.ZodMiniObject;
  /** Example EventBridge event, relative to the events/ folder. */
  readonly example: string;
}

export const eventCatalog = {
  VolunteerRegistered: {
    description:
      'A user created their volunteer profile (POST /v1/volunteers). Carries what matching and onboarding need: city and region, locale, skills, professions, languages, interests.',
    detail: VolunteerRegisteredDetail,
    example: 'volunteers/volunteer-registered.json',
  },
  VolunteerProfileUpdated: {
    description: "A volunteer changed their profile (PATCH /v1/volunteers/me); `fields` names what the patch carried. Matching re-indexes the volunteer.",
    detail: VolunteerProfileUpdatedDetail,
    example: 'volunteers/volunteer-profile-updated.json',
  },
  VolunteerInvited: {
    description:
      'The matching job invited a volunteer to a newly published opportunity (one invitation per volunteer and opportunity, at most N per week); the invitation carries the recommended shift for a one-step application.',
    detail: VolunteerInvitedDetail,
    example: 'matching/volunteer-invited.json',
  },
  OrganizationRegistered: {
    description:
      'An organisation registered (POST /v1/organizations) and waits for the ministry: the OrganizationOnboarding workflow has started. No contact data; read the organisation if needed.',
    detail: OrganizationRegisteredDetail,
    example: 'organizations/organization-registered.json',
  },
  OrganizationApproved: {
    description: 'A ministry reviewer approved an organisation: it is active and its volunteer department is established (national KPI: organisations with a department).',
    detail: OrganizationApprovedDetail,
    example: 'organizations/organization-approved.json',
  },
  OrganizationCertifiedManagerChanged: {
    description:
      "An organisation gained its first volunteer manager with a valid certification (`hasCertifiedManager: true`), or lost its last one (removed, or expired: the manager-certifications schedule). Emitted only on these transitions, in the transaction that changes the organisation's set of certified managers; the impact aggregates count organisations with a certified manager from it.",
    detail: OrganizationCertifiedManagerChangedDetail,
    example: 'organizations/organization-certified-manager-changed.json',
  },
  OrganizationRejected: {
    description: 'An organisation was rejected by a reviewer, or by the workflow when validation failed (`rejectedBy: system`); the licence number it held is free again.',
    detail: OrganizationRejectedDetail,
    example: 'organizations/organization-rejected.json',
  },
  OpportunityPublished: {
    description: "A manager published an opportunity: it is searchable. Carries what matching needs (category, city, skills, professions, the shifts' span).",
    detail: OpportunityPublishedDetail,
    example: 'opportunities/opportunity-published.json',
  },
  OpportunityClosed: {
    description: 'A manager closed an opportunity (draft or published): it left search; no new applications.',
    detail: OpportunityClosedDetail,
    example: 'opportunities/opportunity-closed.json',
  },
  OpportunityUpdated: {
    description:
      'A manager edited a published opportunity (PATCH /v1/opportunities/{id}) so that its volunteers must be told: its place changed (`placeChanged`) or shifts without seats moved (`movedShifts`). Shifts with seats never move and capacity never drops below the seats taken.',
    detail: OpportunityUpdatedDetail,
    example: 'opportunities/opportunity-updated.json',
  },
  ApplicationSubmitted: {
    description:
      'A volunteer applied for a shift (POST /v1/opportunities/{id}/applications); the ApplicationReview workflow screens it. Application events carry applicationId, volunteerId, opportunityId, shiftId, orgId, the shift times, status, version (applicationId + version identify one transition), at, by, reason.',
    detail: ApplicationEventDetail,
    example: 'applications/application-submitted.json',
  },
  ApplicationPendingDecision: {
    description:
      "An application waits for a decision of the organisation's managers (`reminder: false`), or still waits after the first 72 h (`reminder: true`, the nudge); the managers are to be told.",
    detail: ApplicationPendingDecisionDetail,
    example: 'applications/application-pending-decision.json',
  },
  ApplicationApproved: {
    description: 'An application holds a seat on its shift (approved automatically or by a manager); the volunteer is to be told, with the shift times for a calendar invite.',
    detail: ApplicationEventDetail,
    example: 'applications/application-approved.json',
  },
  ApplicationRejected: {
    description:
      'An application was rejected: by a manager (reason given), by screening (`failures` name each rule, e.g. charter, age, overlap) or skipped at promotion because of an overlapping approved shift.',
    detail: ApplicationRejectedDetail,
    example: 'applications/application-rejected.json',
  },
  ApplicationWaitlisted: {
    description: 'An approved or eligible application found its shift full and joined the waitlist (FIFO, `waitlistSeq`); it is promoted when a seat is freed.',
    detail: ApplicationWaitlistedDetail,
    example: 'applications/application-waitlisted.json',
  },
  ApplicationPromoted: {
    description: 'A withdrawal freed a seat and, in the same transaction, the first waitlisted application took it: it is approved now; the volunteer is to be told.',
    detail: ApplicationPromotedDetail,
    example: 'applications/application-promoted.json',
  },
  ApplicationWithdrawn: {
    description: 'The volunteer withdrew their application; an approved seat was freed (`seatFreed`, and passed to the waitlist, see ApplicationPromoted).',
    detail: ApplicationWithdrawnDetail,
    example: 'applications/application-withdrawn.json',
  },
  ApplicationCancelled: {
    description:
      'The organisation closed the opportunity before the shift: the application (submitted, pending, waitlisted or approved) ended as `cancelled`; an approved seat was freed and its booking removed (the calendar feed shows the shift cancelled).',
    detail: ApplicationEventDetail,
    example: 'applications/application-cancelled.json',
  },
  ApplicationExpired: {
    description: "No manager decided within the review period (72 h, a nudge, 72 h more): the application expired; the volunteer is to be told and may apply again.",
    detail: ApplicationEventDetail,
    example: 'applications/application-expired.json',
  },
  VolunteerCheckedIn: {
    description:
      'A volunteer with an approved seat checked in on a shift (rotating attendance code) or a manager marked them present on the roster; `outsideRadius` flags a location beyond the opportunity radius.',
    detail: VolunteerCheckedInDetail,
    example: 'hours/volunteer-checked-in.json',
  },
  VolunteerNoShow: {
    description:
      'A volunteer with an approved seat did not come: marked absent on the roster, or neither checked in nor on the roster 24 h after the shift end (`by: system`); the volunteer is told and may dispute until `disputeUntil`.',
    detail: VolunteerNoShowDetail,
    example: 'hours/volunteer-no-show.json',
  },
  HoursPending: {
    description:
      "An hours record (check-out, roster or claim) waits for the organisation's managers (`reminder: false`), still waits after 7 days (`reminder: true`), or after 14 days went to the ministry reviewers' queue (`escalated: true`). Never auto-approved.",
    detail: HoursPendingDetail,
    example: 'hours/hours-pending.json',
  },
  HoursApproved: {
    description:
      'Hours were approved and entered the national register: immutable from now on (only a ministry-admin reversal takes them back). `minutes` are the approved minutes; `valueSar` is frozen at approval from the valuation rate in force (0 when none). Register, recognition, company reports and impact consume it.',
    detail: HoursApprovedDetail,
    example: 'hours/hours-approved.json',
  },
  HoursRejected: {
    description: 'A manager rejected an hours record with a reason; the volunteer is told and may dispute within 14 days (once).',
    detail: HoursRejectedDetail,
    example: 'hours/hours-rejected.json',
  },
  HoursReversed: {
    description:
      'A ministry-admin reversed approved hours with a reason: a reversing entry (`reversalId`), never an edit; `minutes` and `valueSar` are what is taken back (positive). Consumers subtract them.',
    detail: HoursReversedDetail,
    example: 'hours/hours-reversed.json',
  },
  HoursDisputed: {
    description: 'A volunteer disputed a rejection or a cut within 14 days; the record is pending again for the managers, who decide once more (final).',
    detail: HoursDisputedDetail,
    example: 'hours/hours-disputed.json',
  },
  NoShowDisputed: {
    description:
      'A volunteer recorded absent or a no-show disputed it within 14 days (once), with a reason and optionally when they came and left; the managers are told and decide once on the roster.',
    detail: NoShowDisputedDetail,
    example: 'hours/no-show-disputed.json',
  },
  NoShowDisputeDecided: {
    description:
      "The managers decided a no-show dispute (final): `upheld` takes the no-show back from the volunteer's attendance record and puts the hours up for verification (`hoursId`); `dismissed` leaves the no-show. Impact consumers that counted the VolunteerNoShow subtract an upheld one.",
    detail: NoShowDisputeDecidedDetail,
    example: 'hours/no-show-dispute-decided.json',
  },
  DeliverableConfirmed: {
    description:
      "A manager confirmed a project's deliverable as done (once); transcripts and certificates name the project and its confirmed deliverables.",
    detail: DeliverableConfirmedDetail,
    example: 'hours/deliverable-confirmed.json',
  },
  ValuationRatesSet: {
    description:
      'A ministry-admin set economic valuation rates (SAR per hour by track or profession, effective-dated, replacement-cost method). Rates never rewrite history: approved hours keep the value frozen at approval.',
    detail: ValuationRatesSetDetail,
    example: 'hours/valuation-rates-set.json',
  },
  NotificationQueued: {
    description:
      'A notification was decided (consent, suppressions, quiet hours) and written to the outbox, ready to send: the DeliverNotifications consumer renders it and sends it through SES or SMS, with retries. Written in the transaction that writes the outbox record, so a queued message is never without its event.',
    detail: NotificationQueuedDetail,
    example: 'notifications/notification-queued.json',
  },
  NotificationDeadLettered: {
    description:
      'A notification failed on every try (transient provider errors) and was dead-lettered; its outbox record keeps what is needed to send it again. An EventBridge rule delivers it to the notifications dead-letter queue (alarmed).',
    detail: NotificationDeadLetteredDetail,
    example: 'notifications/notification-dead-lettered.json',
  },
  CertificateIssued: {
    description:
      "A volunteer was issued a certificate of volunteering (a VC 2.0 signed with the region's key) for a scope of the national register: an organisation's (`orgId`) or the national one, over a period. Carries ids and numbers, never the holder's name.",
    detail: CertificateIssuedDetail,
    example: 'register/certificate-issued.json',
  },
  CertificateRevoked: {
    description:
      "A certificate was revoked: by the issuing organisation's managers or a ministry-admin (`cause: manual`), or because hours it counted were reversed (`cause: hours-reversed`), or because its holder had their personal data erased (`cause: holder-request`, issue 18). Its status list bit is set and the verification page says revoked.",
    detail: CertificateRevokedDetail,
    example: 'register/certificate-revoked.json',
  },
  TrainingCompleted: {
    description:
      'A volunteer completed a training module: passed its quiz (POST /v1/trainings/{id}/attempts) or a manager confirmed a practical one. `version` is the content they completed; `validUntil` is absent when the completion never expires. Written in the same transaction as the completion (outbox); recognition consumes it.',
    detail: TrainingCompletedDetail,
    example: 'training/training-completed.json',
  },
  TrainingMissingAtCheckIn: {
    description:
      'A volunteer checked in to a shift whose required training (`missing` module ids) they have not validly completed, e.g. a completion that expired after approval. The check-in stands; written with the attendance record; the managers are warned and the volunteer told (notify-training-missing).',
    detail: TrainingMissingAtCheckInDetail,
    example: 'training/training-missing-at-check-in.json',
  },
  CompanyRegistered: {
    description: 'A company registered (POST /v1/companies) and waits for the ministry: the CompanyOnboarding workflow has started. No contact data.',
    detail: CompanyRegisteredDetail,
    example: 'companies/company-registered.json',
  },
  CompanyApproved: {
    description: 'A ministry reviewer approved a company: it is active and its registrant (`firstAdmin`) is its first company-admin.',
    detail: CompanyApprovedDetail,
    example: 'companies/company-approved.json',
  },
  CompanyRejected: {
    description: 'A company was not approved (a reviewer, or the workflow\'s validation with `rejectedBy: system`); its CR number is free again.',
    detail: CompanyRejectedDetail,
    example: 'companies/company-rejected.json',
  },
  CompanyAdminAdded: {
    description: "A company's admin added another admin (POST /v1/companies/{companyId}/admins).",
    detail: CompanyAdminAddedDetail,
    example: 'companies/company-admin-added.json',
  },
  EmployeeJoined: {
    description: 'A volunteer joined a company with a one-time code (`via` an invitation or a proof of a company-domain address). No email: the work email stays in the company\'s record.',
    detail: EmployeeJoinedDetail,
    example: 'companies/employee-joined.json',
  },
  EmployeeLeft: {
    description: 'An employee left their company; their record and contributions stay in its history.',
    detail: EmployeeLeftDetail,
    example: 'companies/employee-left.json',
  },
  VtoReserved: {
    description: "An employee's volunteer time off was reserved against their programme quota for one application (at once, or when an admin approved the participation).",
    detail: VtoReservedDetail,
    example: 'companies/vto-reserved.json',
  },
  PersonalDataExportRequested: {
    description:
      'A volunteer asked for a copy of their data too large to answer at once (issue 18): the PrepareExport consumer builds the ZIP, stores it for 24 h and emails a one-time link. Ids only.',
    detail: PersonalDataExportRequestedDetail,
    example: 'personal-data/export-requested.json',
  },
} as const satisfies Record<string, EventContract>;

export type EventType = keyof typeof eventCatalog;
export type EventDetail<T extends EventType> = z.output<(typeof eventCatalog)[T]['detail']>;

/** The EventBridge event a consumer of `type` receives (see shared/messaging/events.ts for what is sent). */
export const eventEnvelope = (type: EventType) =>
  z.strictObject({
    version: z.literal('0'),
    id: z.string().check(z.minLength(1)),
    'detail-type': z.literal(type),
    source: z.literal(EVENT_SOURCE),
    account: z.string(),
    time: z.iso.datetime({ offset: true }),
    region: z.string(),
    resources: z.array(z.string()),
    detail: z.extend(eventCatalog[type].detail as z.ZodMiniObject, { eventId: z.string().check(z.minLength(1)) }),
  });
