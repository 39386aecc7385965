/**
 * Contracts of the attendance and hours events (issue 19). Other areas consume them: the
 * national register and certificates, recognition, company reports and impact (COORDINATION.md,
 * "Domain events shared between the feature engineers"); keep the names and fields.
 */
import * as z from 'zod';
import { GeoPoint } from '../reference/contact.js';
import { boundedText } from '../reference/text.js';

const Id = z.string().min(1);
const At = z.iso.datetime({ offset: true });
/** A calendar day in Asia/Riyadh. */
export const RiyadhDate = z.iso.date().describe('a calendar day (YYYY-MM-DD) in Asia/Riyadh');

export const HoursTrack = z
  .enum(['general', 'skills', 'professional'])
  .describe('professional when the opportunity asked for a profession the volunteer holds; skills when it asked for skills they hold; else general');
export type HoursTrack = z.infer<typeof HoursTrack>;
export const HoursKind = z.enum(['shift', 'claim']).describe('shift: checked in/out or the roster; claim: hours claimed on a project or remote opportunity');
export type HoursKind = z.infer<typeof HoursKind>;

/** What every hours event says about the record it is about. */
const HoursFacts = {
  hoursId: Id,
  volunteerId: Id,
  orgId: Id,
  opportunityId: Id,
  shiftId: Id.optional(),
  kind: HoursKind,
  date: RiyadhDate,
  startedAt: At.optional(),
  endedAt: At.optional(),
  minutes: z.int().min(0),
  track: HoursTrack,
  profession: z.string().min(1).optional(),
  causes: z.array(z.string()),
  city: z.string().min(1),
  region: z.string().min(1),
  companyId: Id.optional(),
  programId: Id.optional(),
  disputeOf: Id.optional().describe('a disputed cut: these are the extra minutes of the approved record `disputeOf` (the same attendance, not a second one)'),
};

export const HoursApprovedDetail = z
  .object({
    ...HoursFacts,
    valueSar: z.number().min(0).describe('economic value frozen at approval (replacement cost: minutes / 60 × the rate in force); 0 when no rate'),
    approvedBy: Id,
    approvedAt: At,
  })
  .strict();
export type HoursApprovedDetail = z.infer<typeof HoursApprovedDetail>;

export const HoursReversedDetail = z
  .object({
    hoursId: Id,
    reversalId: Id,
    volunteerId: Id,
    orgId: Id,
    opportunityId: Id,
    minutes: z.int().min(1).describe('the minutes taken back (positive)'),
    valueSar: z.number().min(0).describe('the value taken back (the frozen value of the approved record)'),
    track: HoursTrack,
    causes: z.array(z.string()),
    city: z.string().min(1),
    region: z.string().min(1),
    date: RiyadhDate,
    reason: z.string().min(1),
    reversedBy: Id,
    reversedAt: At,
    companyId: Id.optional(),
    programId: Id.optional(),
  })
  .strict();
export type HoursReversedDetail = z.infer<typeof HoursReversedDetail>;

export const HoursPendingDetail = z
  .object({
    ...HoursFacts,
    reminder: z.boolean().describe('false: a new record waits for the managers; true: still waiting after 7 days (the reminder)'),
    escalated: z.boolean().describe('true: 14 days without a decision, now in the ministry reviewers\' queue'),
    autoClosed: z.boolean().optional(),
    at: At,
  })
  .strict();
export type HoursPendingDetail = z.infer<typeof HoursPendingDetail>;

export const HoursRejectedDetail = z
  .object({
    ...HoursFacts,
    requestedMinutes: z.int().min(0),
    reason: z.string().min(1),
    decidedBy: Id,
    decidedAt: At,
    disputeUntil: At.optional().describe('the volunteer may dispute until then (once)'),
  })
  .strict();
export type HoursRejectedDetail = z.infer<typeof HoursRejectedDetail>;

export const HoursDisputedDetail = z
  .object({
    hoursId: Id,
    volunteerId: Id,
    orgId: Id,
    opportunityId: Id,
    minutes: z.int().min(1),
    reason: z.string().min(1),
    at: At,
  })
  .strict();
export type HoursDisputedDetail = z.infer<typeof HoursDisputedDetail>;

/** Who was expected on which shift: the fields every attendance and no-show event starts with. */
const ShiftAttendee = { volunteerId: Id, orgId: Id, opportunityId: Id, shiftId: Id };
const ShiftTimes = { shiftStart: At, shiftEnd: At };

export const VolunteerCheckedInDetail = z
  .object({
    ...ShiftAttendee,
    checkedInAt: At,
    outsideRadius: z.boolean().describe('the given location was farther than the opportunity radius (recorded, not refused)'),
    by: z.enum(['code', 'roster']),
  })
  .strict();
export type VolunteerCheckedInDetail = z.infer<typeof VolunteerCheckedInDetail>;

export const VolunteerNoShowDetail = z
  .object({
    ...ShiftAttendee,
    date: RiyadhDate,
    ...ShiftTimes,
    city: z.string().min(1),
    region: z.string().min(1),
    by: z.string().min(1).describe('the manager who marked the volunteer absent on the roster, or `system` (no check-in 24 h after the end)'),
    disputeUntil: At,
    at: At,
  })
  .strict();
export type VolunteerNoShowDetail = z.infer<typeof VolunteerNoShowDetail>;

export const ValuationRatesSetDetail = z
  .object({
    rates: z.array(
      z
        .object({
          track: HoursTrack.optional(),
          profession: z.string().min(1).optional(),
          sarPerHour: z.number().min(0),
          effectiveFrom: RiyadhDate,
        })
        .strict(),
    ),
    setBy: Id,
    at: At,
  })
  .strict();

// ── Records, requests and views ──────────────────────────────────────────────

const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');
export const HoursStatus = z.enum(['pending', 'approved', 'rejected', 'reversed']);
export type HoursStatus = z.infer<typeof HoursStatus>;
export const HoursFlag = z.enum(['clamped', 'overlap', 'daily-cap', 'auto-closed', 'outside-radius', 'roster', 'escalated', 'disputed']);
export type HoursFlag = z.infer<typeof HoursFlag>;

const IntervalSchema = z.object({ start: z.string(), end: z.string() });

export const HoursDecisionRecord = z.object({
  decision: z.enum(['approve', 'reject']),
  minutes: z.int().min(0),
  reason: z.string().optional(),
  by: z.string(),
  at: z.string(),
  round: z.int().min(1),
});
export type HoursDecisionRecord = z.infer<typeof HoursDecisionRecord>;

export const HoursRecord = z.object({
  id: z.string(),
  volunteerId: z.string(),
  orgId: z.string(),
  opportunityId: z.string(),
  shiftId: z.string().optional(),
  kind: HoursKind,
  date: z.string(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  /** The credited pieces held in the volunteer's day ledgers (released on rejection and reversal). */
  intervals: z.array(IntervalSchema),
  /** Minutes credited at creation (or asked for in a dispute): what the managers decide on. */
  requestedMinutes: z.int().min(0),
  /** The requested minutes while pending; the approved minutes once approved; 0 when rejected. */
  minutes: z.int().min(0),
  status: HoursStatus,
  track: HoursTrack,
  profession: z.string().optional(),
  causes: z.array(z.string()),
  city: z.string(),
  region: z.string(),
  description: z.string().optional(),
  /** A project's deliverable the claimed hours went into (issue 19). */
  deliverableId: z.string().optional(),
  flags: z.array(HoursFlag),
  /** 1: the first decision; 2: the decision on a dispute (final). */
  round: z.int().min(1).max(2),
  version: z.int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  decisions: z.array(HoursDecisionRecord),
  valueSar: z.number().optional(),
  approvedBy: z.string().optional(),
  approvedAt: z.string().optional(),
  disputeUntil: z.string().optional(),
  dispute: z.object({ minutes: z.int(), reason: z.string(), at: z.string() }).optional(),
  /** The approved record whose cut this supplementary record disputes. */
  disputeOf: z.string().optional(),
  reversal: z.object({ reversalId: z.string(), reason: z.string(), by: z.string(), at: z.string() }).optional(),
  companyId: z.string().optional(),
  programId: z.string().optional(),
  /** The verification workflow's task token (never returned to clients). */
  taskToken: z.string().optional(),
});
export type HoursRecord = z.infer<typeof HoursRecord>;

export const HoursView = HoursRecord.omit({ taskToken: true, intervals: true, version: true });
export type HoursView = z.infer<typeof HoursView>;
export const toHoursView = ({ taskToken: _t, intervals: _i, version: _v, ...view }: HoursRecord): HoursView => view;

export const AttendanceStatus = z.enum(['checked-in', 'checked-out', 'absent', 'no-show']);
export const AttendanceRecord = z.object({
  shiftId: z.string(),
  opportunityId: z.string(),
  orgId: z.string(),
  volunteerId: z.string(),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  status: AttendanceStatus,
  checkedInAt: z.string().optional(),
  checkedOutAt: z.string().optional(),
  outsideRadius: z.boolean(),
  distanceM: z.number().optional(),
  by: z.string(),
  autoClosed: z.boolean().optional(),
  hoursId: z.string().optional(),
  disputeUntil: z.string().optional(),
  /** The volunteer's dispute of a no-show (absent on the roster or no-show), decided once by the managers. */
  dispute: z
    .object({
      reason: z.string(),
      at: z.string(),
      checkIn: z.string().optional(),
      checkOut: z.string().optional(),
      status: z.enum(['open', 'upheld', 'dismissed']),
      decidedBy: z.string().optional(),
      decidedAt: z.string().optional(),
    })
    .optional(),
  at: z.string(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;
export type AttendanceDispute = NonNullable<AttendanceRecord['dispute']>;

export const ShiftPath = z.object({ shiftId: Ulid });
export const HoursPath = z.object({ hoursId: Ulid });
export const OrgHoursPath = z.object({ orgId: Ulid });
export const OpportunityHoursPath = z.object({ id: Ulid });

export const AttendanceCodeView = z.object({ code: z.string(), qr: z.string(), expiresAt: z.string() });
export const CheckIn = z
  .object({ code: z.string().min(4).max(32).describe('the attendance code the manager shows (or the QR code carries)'), location: GeoPoint.optional() })
  .strict();
export type CheckIn = z.output<typeof CheckIn>;
export const CheckInView = z.object({
  checkedInAt: z.string(),
  outsideRadius: z.boolean(),
  trainingMissing: z.array(z.string()).optional().describe('required training not validly completed: the check-in stands, the managers are warned (issue 13)'),
});
export const CheckOut = z.object({ code: z.string().min(4).max(32).optional() }).strict();
export const CheckOutView = z.object({ hoursId: z.string(), minutes: z.int(), status: HoursStatus, flags: z.array(HoursFlag) });

const Instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
export const RosterEntry = z
  .object({
    volunteerId: z.string().min(1).max(128),
    status: z.enum(['present', 'absent']),
    checkIn: Instant.optional().describe('present: when they arrived (default the shift start)'),
    checkOut: Instant.optional().describe('present: when they left (default the shift end)'),
  })
  .strict()
  .refine((e) => !e.checkIn || !e.checkOut || e.checkOut > e.checkIn, { path: ['checkOut'], message: 'must be after checkIn' });
export type RosterEntry = z.output<typeof RosterEntry>;
export const RosterView = z.object({
  volunteerId: z.string(),
  status: AttendanceStatus,
  hoursId: z.string().optional(),
  dispute: z.enum(['upheld', 'dismissed']).optional().describe('the no-show dispute this entry decided: present upholds it, absent dismisses it'),
});

/** A volunteer disputes being recorded absent or a no-show (within 14 days, once). */
export const NoShowDispute = z
  .object({
    reason: boundedText(3, 1000),
    checkIn: Instant.optional().describe('when they say they arrived (the managers may take it when upholding)'),
    checkOut: Instant.optional().describe('when they say they left'),
  })
  .strict()
  .refine((e) => !e.checkIn || !e.checkOut || e.checkOut > e.checkIn, { path: ['checkOut'], message: 'must be after checkIn' });
export type NoShowDispute = z.output<typeof NoShowDispute>;
export const NoShowDisputeView = z.object({
  shiftId: z.string(),
  status: AttendanceStatus,
  dispute: z.object({ reason: z.string(), at: z.string(), checkIn: z.string().optional(), checkOut: z.string().optional(), status: z.enum(['open', 'upheld', 'dismissed']) }),
});

export const NoShowDisputedDetail = z
  .object({
    ...ShiftAttendee,
    ...ShiftTimes,
    reason: z.string().min(1),
    checkIn: At.optional(),
    checkOut: At.optional(),
    at: At,
  })
  .strict();
export type NoShowDisputedDetail = z.infer<typeof NoShowDisputedDetail>;

export const NoShowDisputeDecidedDetail = z
  .object({
    ...ShiftAttendee,
    date: RiyadhDate,
    outcome: z.enum(['upheld', 'dismissed']).describe('upheld: the volunteer was there (the no-show is taken back and hours are pending); dismissed: the no-show stands'),
    hoursId: Id.optional(),
    decidedBy: Id,
    at: At,
  })
  .strict();
export type NoShowDisputeDecidedDetail = z.infer<typeof NoShowDisputeDecidedDetail>;

const Reason = boundedText(3, 1000);
export const HoursDecision = z
  .object({
    decision: z.enum(['approve', 'reject']),
    minutes: z.int().min(0).max(24 * 60).optional().describe('approve: other minutes than requested (a cut); needs a reason'),
    reason: Reason.optional().describe('required to reject and to change the minutes'),
  })
  .strict();
export type HoursDecision = z.output<typeof HoursDecision>;
export const HoursDecisionView = z.object({ hoursId: z.string(), status: HoursStatus, minutes: z.int(), valueSar: z.number().optional() });

export const BulkHoursDecisions = z
  .object({ items: z.array(HoursDecision.safeExtend({ hoursId: Ulid })).min(1).max(100) })
  .strict();
export const BulkOutcome = z.object({
  hoursId: z.string(),
  status: z.int().describe('the HTTP status this item would have had alone'),
  outcome: HoursStatus.optional(),
  minutes: z.int().optional(),
  error: z.object({ code: z.string(), detail: z.string(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() }).optional(),
});
export const BulkView = z.object({ items: z.array(BulkOutcome), succeeded: z.int(), failed: z.int() });

export const HoursReversal = z.object({ reason: Reason }).strict();
export const HoursReversalView = z.object({ hoursId: z.string(), reversalId: z.string(), status: HoursStatus });
export const HoursDispute = z
  .object({ minutes: z.int().min(1).max(24 * 60), reason: Reason })
  .strict();
export const HoursDisputeView = z.object({ hoursId: z.string(), status: HoursStatus });

export const HoursClaim = z
  .object({
    date: RiyadhDate,
    minutes: z.int().min(1).max(12 * 60),
    description: boundedText(3, 1000),
    start: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM (Riyadh)')
      .optional()
      .describe('when the work began (Riyadh time of day): needed on a day with checked-in time, so the claim never overlaps it; a timed claim is also never overlapped by later credit'),
    deliverableId: Ulid.optional().describe("a project's deliverable the hours went into (GET /v1/opportunities/{id}/deliverables)"),
  })
  .strict();
export type HoursClaim = z.output<typeof HoursClaim>;
export const HoursClaimView = z.object({ hoursId: z.string(), status: HoursStatus, minutes: z.int() });

export const ListHoursQuery = z
  .object({
    status: HoursStatus.default('pending'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(2048).optional(),
  })
  .strict();
export const MyHoursQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).max(2048).optional() })
  .strict();
export const AttendanceSummary = z.object({
  attended: z.int(),
  noShows: z.int(),
  lateCancellations: z.int(),
  since: z.string().describe('the first Riyadh month counted (the last 12 months)'),
});
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;
export const HoursPage = z.object({ items: z.array(HoursView), nextCursor: z.string().optional() });
export const MyHoursPage = HoursPage.extend({ attendance: AttendanceSummary });
export const OrgHoursItem = HoursView.extend({ attendance: AttendanceSummary });
export const OrgHoursPage = z.object({ items: z.array(OrgHoursItem), nextCursor: z.string().optional() });

// ── Valuation rates (replacement-cost method, ILO Manual on the measurement of volunteer work) ──
export const ValuationRateInput = z
  .object({
    track: HoursTrack.optional(),
    profession: z.string().min(1).max(60).optional(),
    sarPerHour: z.number().min(0).max(10_000),
    effectiveFrom: RiyadhDate,
  })
  .strict()
  .refine((r) => r.track !== undefined || r.profession !== undefined, { path: ['track'], message: 'give a track or a profession' });
export const PutValuationRates = z.object({ rates: z.array(ValuationRateInput).min(1).max(200) }).strict();
export type PutValuationRates = z.output<typeof PutValuationRates>;
export const ValuationRate = z.object({
  track: HoursTrack.optional(),
  profession: z.string().optional(),
  sarPerHour: z.number(),
  effectiveFrom: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});
export type ValuationRate = z.infer<typeof ValuationRate>;
export const ValuationRatesView = z.object({ rates: z.array(ValuationRate) });

// ── Project deliverables (issue 19) ──────────────────────────────────────────
export const DeliverablePath = z.object({ id: Ulid, deliverableId: Ulid });
export const DeliverableConfirmation = z
  .object({ note: boundedText(3, 1000).optional().describe('what was delivered, for the record (optional)') })
  .strict();
export type DeliverableConfirmation = z.output<typeof DeliverableConfirmation>;
export const DeliverableRecord = z.object({
  opportunityId: z.string(),
  deliverableId: z.string(),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
  note: z.string().optional(),
});
export type DeliverableRecord = z.infer<typeof DeliverableRecord>;
export const DeliverableView = z.object({
  id: z.string(),
  titleAr: z.string(),
  titleEn: z.string(),
  status: z.enum(['open', 'confirmed']),
  confirmedAt: z.string().optional(),
  confirmedBy: z.string().optional(),
  note: z.string().optional(),
});
export type DeliverableView = z.infer<typeof DeliverableView>;
export const DeliverablesPage = z.object({
  opportunityId: z.string(),
  titleAr: z.string(),
  titleEn: z.string(),
  estimatedHours: z.int(),
  items: z.array(DeliverableView),
});

export const DeliverableConfirmedDetail = z
  .object({
    opportunityId: Id,
    orgId: Id,
    deliverableId: Id,
    titleAr: z.string().min(1),
    titleEn: z.string().min(1),
    confirmedBy: Id,
    confirmedAt: At,
  })
  .strict();
export type DeliverableConfirmedDetail = z.infer<typeof DeliverableConfirmedDetail>;
