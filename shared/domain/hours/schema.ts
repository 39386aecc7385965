/**
 * Contracts of the attendance and hours events (issue 19). Other areas consume them: the
 * national register and certificates, recognition, company reports and impact (COORDINATION.md,
 * "Domain events shared between the feature engineers"); keep the names and fields.
 */
import * as z from '../../zod.js';
import { GeoPoint } from '../reference/contact.js';
import { boundedText } from '../reference/text.js';

const Id = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1));
const At = /* @__PURE__ */ z.iso.datetime({ offset: true });
/** A calendar day in Asia/Riyadh. */
export const RiyadhDate = /* @__PURE__ */ z.described(/* @__PURE__ */ z.iso.date(), 'a calendar day (YYYY-MM-DD) in Asia/Riyadh');

export const HoursTrack = /* @__PURE__ */ z.described(/* @__PURE__ */ z.enum(['general', 'skills', 'professional']), 'professional when the opportunity asked for a profession the volunteer holds; skills when it asked for skills they hold; else general');
export type HoursTrack = z.infer<typeof HoursTrack>;
export const HoursKind = /* @__PURE__ */ z.described(/* @__PURE__ */ z.enum(['shift', 'claim']), 'shift: checked in/out or the roster; claim: hours claimed on a project or remote opportunity');
export type HoursKind = z.infer<typeof HoursKind>;

/** What every hours event says about the record it is about. */
const HoursFacts = {
  hoursId: Id,
  volunteerId: Id,
  orgId: Id,
  opportunityId: Id,
  shiftId: /* @__PURE__ */ z.optional(Id),
  kind: HoursKind,
  date: RiyadhDate,
  startedAt: /* @__PURE__ */ z.optional(At),
  endedAt: /* @__PURE__ */ z.optional(At),
  minutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  track: HoursTrack,
  profession: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1))),
  causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  city: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  region: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  companyId: /* @__PURE__ */ z.optional(Id),
  programId: /* @__PURE__ */ z.optional(Id),
  disputeOf: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Id), 'a disputed cut: these are the extra minutes of the approved record `disputeOf` (the same attendance, not a second one)'),
};

export const HoursApprovedDetail = /* @__PURE__ */ (() =>
  z.strictObject({
    ...HoursFacts,
    valueSar: /* @__PURE__ */ z.described(z.number().check(z.gte(0)), 'economic value frozen at approval (replacement cost: minutes / 60 × the rate in force); 0 when no rate'),
    approvedBy: Id,
    approvedAt: At,
  }))();
export type HoursApprovedDetail = z.infer<typeof HoursApprovedDetail>;

export const HoursReversedDetail = /* @__PURE__ */ z.strictObject({
  hoursId: Id,
  reversalId: Id,
  volunteerId: Id,
  orgId: Id,
  opportunityId: Id,
  minutes: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)), 'the minutes taken back (positive)'),
  valueSar: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(0)), 'the value taken back (the frozen value of the approved record)'),
  track: HoursTrack,
  causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  city: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  region: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  date: RiyadhDate,
  reason: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  reversedBy: Id,
  reversedAt: At,
  companyId: /* @__PURE__ */ z.optional(Id),
  programId: /* @__PURE__ */ z.optional(Id),
});
export type HoursReversedDetail = z.infer<typeof HoursReversedDetail>;

export const HoursPendingDetail = /* @__PURE__ */ (() =>
  z.strictObject({
    ...HoursFacts,
    reminder: /* @__PURE__ */ z.described(z.boolean(), 'false: a new record waits for the managers; true: still waiting after 7 days (the reminder)'),
    escalated: /* @__PURE__ */ z.described(z.boolean(), 'true: 14 days without a decision, now in the ministry reviewers\' queue'),
    autoClosed: /* @__PURE__ */ z.optional(z.boolean()),
    at: At,
  }))();
export type HoursPendingDetail = z.infer<typeof HoursPendingDetail>;

export const HoursRejectedDetail = /* @__PURE__ */ (() =>
  z.strictObject({
    ...HoursFacts,
    requestedMinutes: /* @__PURE__ */ z.int().check(z.gte(0)),
    reason: /* @__PURE__ */ z.string().check(z.minLength(1)),
    decidedBy: Id,
    decidedAt: At,
    disputeUntil: /* @__PURE__ */ z.described(z.optional(At), 'the volunteer may dispute until then (once)'),
  }))();
export type HoursRejectedDetail = z.infer<typeof HoursRejectedDetail>;

export const HoursDisputedDetail = /* @__PURE__ */ z.strictObject({
  hoursId: Id,
  volunteerId: Id,
  orgId: Id,
  opportunityId: Id,
  minutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  reason: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  at: At,
});
export type HoursDisputedDetail = z.infer<typeof HoursDisputedDetail>;

/** Who was expected on which shift: the fields every attendance and no-show event starts with. */
const ShiftAttendee = { volunteerId: Id, orgId: Id, opportunityId: Id, shiftId: Id };
const ShiftTimes = { shiftStart: At, shiftEnd: At };

export const VolunteerCheckedInDetail = /* @__PURE__ */ (() =>
  z.strictObject({
    ...ShiftAttendee,
    checkedInAt: At,
    outsideRadius: /* @__PURE__ */ z.described(z.boolean(), 'the given location was farther than the opportunity radius (recorded, not refused)'),
    by: /* @__PURE__ */ z.enum(['code', 'roster']),
  }))();
export type VolunteerCheckedInDetail = z.infer<typeof VolunteerCheckedInDetail>;

export const VolunteerNoShowDetail = /* @__PURE__ */ (() =>
  z.strictObject({
    ...ShiftAttendee,
    date: RiyadhDate,
    ...ShiftTimes,
    city: /* @__PURE__ */ z.string().check(z.minLength(1)),
    region: /* @__PURE__ */ z.string().check(z.minLength(1)),
    by: /* @__PURE__ */ z.described(z.string().check(z.minLength(1)), 'the manager who marked the volunteer absent on the roster, or `system` (no check-in 24 h after the end)'),
    disputeUntil: At,
    at: At,
  }))();
export type VolunteerNoShowDetail = z.infer<typeof VolunteerNoShowDetail>;

export const ValuationRatesSetDetail = /* @__PURE__ */ z.strictObject({
  rates: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.strictObject({
      track: /* @__PURE__ */ z.optional(HoursTrack),
      profession: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1))),
      sarPerHour: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(0)),
      effectiveFrom: RiyadhDate,
    }),
  ),
  setBy: Id,
  at: At,
});

// ── Records, requests and views ──────────────────────────────────────────────

const Ulid = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)'));
export const HoursStatus = /* @__PURE__ */ z.enum(['pending', 'approved', 'rejected', 'reversed']);
export type HoursStatus = z.infer<typeof HoursStatus>;
export const HoursFlag = /* @__PURE__ */ z.enum(['clamped', 'overlap', 'daily-cap', 'auto-closed', 'outside-radius', 'roster', 'escalated', 'disputed']);
export type HoursFlag = z.infer<typeof HoursFlag>;

const IntervalSchema = /* @__PURE__ */ z.object({ start: /* @__PURE__ */ z.string(), end: /* @__PURE__ */ z.string() });

export const HoursDecisionRecord = /* @__PURE__ */ z.object({
  decision: /* @__PURE__ */ z.enum(['approve', 'reject']),
  minutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  by: /* @__PURE__ */ z.string(),
  at: /* @__PURE__ */ z.string(),
  round: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
});
export type HoursDecisionRecord = z.infer<typeof HoursDecisionRecord>;

export const HoursRecord = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  opportunityId: /* @__PURE__ */ z.string(),
  shiftId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  kind: HoursKind,
  date: /* @__PURE__ */ z.string(),
  startedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  endedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** The credited pieces held in the volunteer's day ledgers (released on rejection and reversal). */
  intervals: /* @__PURE__ */ z.array(IntervalSchema),
  /** Minutes credited at creation (or asked for in a dispute): what the managers decide on. */
  requestedMinutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  /** The requested minutes while pending; the approved minutes once approved; 0 when rejected. */
  minutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  status: HoursStatus,
  track: HoursTrack,
  profession: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  city: /* @__PURE__ */ z.string(),
  region: /* @__PURE__ */ z.string(),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** A project's deliverable the claimed hours went into (issue 19). */
  deliverableId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  flags: /* @__PURE__ */ z.array(HoursFlag),
  /** 1: the first decision; 2: the decision on a dispute (final). */
  round: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(2)),
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
  decisions: /* @__PURE__ */ z.array(HoursDecisionRecord),
  valueSar: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  approvedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  approvedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  disputeUntil: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  dispute: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ minutes: /* @__PURE__ */ z.int(), reason: /* @__PURE__ */ z.string(), at: /* @__PURE__ */ z.string() })),
  /** The approved record whose cut this supplementary record disputes. */
  disputeOf: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  reversal: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ reversalId: /* @__PURE__ */ z.string(), reason: /* @__PURE__ */ z.string(), by: /* @__PURE__ */ z.string(), at: /* @__PURE__ */ z.string() })),
  companyId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  programId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** The verification workflow's task token (never returned to clients). */
  taskToken: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type HoursRecord = z.infer<typeof HoursRecord>;

export const HoursView = /* @__PURE__ */ z.omit(HoursRecord, { taskToken: true, intervals: true, version: true });
export type HoursView = z.infer<typeof HoursView>;
export const toHoursView = ({ taskToken: _t, intervals: _i, version: _v, ...view }: HoursRecord): HoursView => view;

export const AttendanceStatus = /* @__PURE__ */ z.enum(['checked-in', 'checked-out', 'absent', 'no-show']);
export const AttendanceRecord = /* @__PURE__ */ z.object({
  shiftId: /* @__PURE__ */ z.string(),
  opportunityId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  shiftStart: /* @__PURE__ */ z.string(),
  shiftEnd: /* @__PURE__ */ z.string(),
  status: AttendanceStatus,
  checkedInAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  checkedOutAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  outsideRadius: /* @__PURE__ */ z.boolean(),
  distanceM: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  by: /* @__PURE__ */ z.string(),
  autoClosed: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  hoursId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  disputeUntil: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** The volunteer's dispute of a no-show (absent on the roster or no-show), decided once by the managers. */
  dispute: /* @__PURE__ */ z.optional(/* @__PURE__ */ z
    .object({
      reason: /* @__PURE__ */ z.string(),
      at: /* @__PURE__ */ z.string(),
      checkIn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
      checkOut: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
      status: /* @__PURE__ */ z.enum(['open', 'upheld', 'dismissed']),
      decidedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
      decidedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    })),
  at: /* @__PURE__ */ z.string(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;
export type AttendanceDispute = NonNullable<AttendanceRecord['dispute']>;

export const ShiftPath = /* @__PURE__ */ z.object({ shiftId: Ulid });
export const HoursPath = /* @__PURE__ */ z.object({ hoursId: Ulid });
export const OrgHoursPath = /* @__PURE__ */ z.object({ orgId: Ulid });
export const OpportunityHoursPath = /* @__PURE__ */ z.object({ id: Ulid });

export const AttendanceCodeView = /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.string(), qr: /* @__PURE__ */ z.string(), expiresAt: /* @__PURE__ */ z.string() });
export const CheckIn = /* @__PURE__ */ z.strictObject({ code: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(4), /* @__PURE__ */ z.maxLength(32)), 'the attendance code the manager shows (or the QR code carries)'), location: /* @__PURE__ */ z.optional(GeoPoint) });
export type CheckIn = z.output<typeof CheckIn>;
export const CheckInView = /* @__PURE__ */ z.object({
  checkedInAt: /* @__PURE__ */ z.string(),
  outsideRadius: /* @__PURE__ */ z.boolean(),
  trainingMissing: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string())), 'required training not validly completed: the check-in stands, the managers are warned (issue 13)'),
});
export const CheckOut = /* @__PURE__ */ z.strictObject({ code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(4), /* @__PURE__ */ z.maxLength(32))) });
export const CheckOutView = /* @__PURE__ */ z.object({ hoursId: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.int(), status: HoursStatus, flags: /* @__PURE__ */ z.array(HoursFlag) });

const Instant = /* @__PURE__ */ z.pipe(/* @__PURE__ */ z.iso.datetime({ offset: true }), /* @__PURE__ */ z.transform((v) => new Date(v).toISOString()));
export const RosterEntry = /* @__PURE__ */ z.strictObject({
  volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)),
  status: /* @__PURE__ */ z.enum(['present', 'absent']),
  checkIn: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Instant), 'present: when they arrived (default the shift start)'),
  checkOut: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Instant), 'present: when they left (default the shift end)'),
})
  .check(/* @__PURE__ */ z.refine((e) => !e.checkIn || !e.checkOut || e.checkOut > e.checkIn, { path: ['checkOut'], message: 'must be after checkIn' }));
export type RosterEntry = z.output<typeof RosterEntry>;
export const RosterView = /* @__PURE__ */ z.object({
  volunteerId: /* @__PURE__ */ z.string(),
  status: AttendanceStatus,
  hoursId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  dispute: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['upheld', 'dismissed'])), 'the no-show dispute this entry decided: present upholds it, absent dismisses it'),
});

/** A volunteer disputes being recorded absent or a no-show (within 14 days, once). */
export const NoShowDispute = /* @__PURE__ */ z.strictObject({
  reason: /* @__PURE__ */ boundedText(3, 1000),
  checkIn: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Instant), 'when they say they arrived (the managers may take it when upholding)'),
  checkOut: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Instant), 'when they say they left'),
})
  .check(/* @__PURE__ */ z.refine((e) => !e.checkIn || !e.checkOut || e.checkOut > e.checkIn, { path: ['checkOut'], message: 'must be after checkIn' }));
export type NoShowDispute = z.output<typeof NoShowDispute>;
export const NoShowDisputeView = /* @__PURE__ */ z.object({
  shiftId: /* @__PURE__ */ z.string(),
  status: AttendanceStatus,
  dispute: /* @__PURE__ */ z.object({ reason: /* @__PURE__ */ z.string(), at: /* @__PURE__ */ z.string(), checkIn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), checkOut: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), status: /* @__PURE__ */ z.enum(['open', 'upheld', 'dismissed']) }),
});

export const NoShowDisputedDetail = /* @__PURE__ */ (() =>
  z.strictObject({
    ...ShiftAttendee,
    ...ShiftTimes,
    reason: /* @__PURE__ */ z.string().check(z.minLength(1)),
    checkIn: /* @__PURE__ */ z.optional(At),
    checkOut: /* @__PURE__ */ z.optional(At),
    at: At,
  }))();
export type NoShowDisputedDetail = z.infer<typeof NoShowDisputedDetail>;

export const NoShowDisputeDecidedDetail = /* @__PURE__ */ (() =>
  z.strictObject({
    ...ShiftAttendee,
    date: RiyadhDate,
    outcome: /* @__PURE__ */ z.described(z.enum(['upheld', 'dismissed']), 'upheld: the volunteer was there (the no-show is taken back and hours are pending); dismissed: the no-show stands'),
    hoursId: /* @__PURE__ */ z.optional(Id),
    decidedBy: Id,
    at: At,
  }))();
export type NoShowDisputeDecidedDetail = z.infer<typeof NoShowDisputeDecidedDetail>;

const Reason = /* @__PURE__ */ boundedText(3, 1000);
export const HoursDecision = /* @__PURE__ */ z.strictObject({
  decision: /* @__PURE__ */ z.enum(['approve', 'reject']),
  minutes: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(24 * 60))), 'approve: other minutes than requested (a cut); needs a reason'),
  reason: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Reason), 'required to reject and to change the minutes'),
});
export type HoursDecision = z.output<typeof HoursDecision>;
export const HoursDecisionView = /* @__PURE__ */ z.object({ hoursId: /* @__PURE__ */ z.string(), status: HoursStatus, minutes: /* @__PURE__ */ z.int(), valueSar: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()) });

export const BulkHoursDecisions = /* @__PURE__ */ z.strictObject({ items: /* @__PURE__ */ z.array(/* @__PURE__ */ z.safeExtend(HoursDecision, { hoursId: Ulid })).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(100)) });
export const BulkOutcome = /* @__PURE__ */ z.object({
  hoursId: /* @__PURE__ */ z.string(),
  status: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'the HTTP status this item would have had alone'),
  outcome: /* @__PURE__ */ z.optional(HoursStatus),
  minutes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
  error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.string(), detail: /* @__PURE__ */ z.string(), errors: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ path: /* @__PURE__ */ z.string(), message: /* @__PURE__ */ z.string() }))) })),
});
export const BulkView = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(BulkOutcome), succeeded: /* @__PURE__ */ z.int(), failed: /* @__PURE__ */ z.int() });

export const HoursReversal = /* @__PURE__ */ z.strictObject({ reason: Reason });
export const HoursReversalView = /* @__PURE__ */ z.object({ hoursId: /* @__PURE__ */ z.string(), reversalId: /* @__PURE__ */ z.string(), status: HoursStatus });
export const HoursDispute = /* @__PURE__ */ z.strictObject({ minutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(24 * 60)), reason: Reason });
export const HoursDisputeView = /* @__PURE__ */ z.object({ hoursId: /* @__PURE__ */ z.string(), status: HoursStatus });

export const HoursClaim = /* @__PURE__ */ z.strictObject({
  date: RiyadhDate,
  minutes: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(12 * 60)),
  description: /* @__PURE__ */ boundedText(3, 1000),
  start: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM (Riyadh)'))), 'when the work began (Riyadh time of day): needed on a day with checked-in time, so the claim never overlaps it; a timed claim is also never overlapped by later credit'),
  deliverableId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Ulid), "a project's deliverable the hours went into (GET /v1/opportunities/{id}/deliverables)"),
});
export type HoursClaim = z.output<typeof HoursClaim>;
export const HoursClaimView = /* @__PURE__ */ z.object({ hoursId: /* @__PURE__ */ z.string(), status: HoursStatus, minutes: /* @__PURE__ */ z.int() });

export const ListHoursQuery = /* @__PURE__ */ z.strictObject({
  status: /* @__PURE__ */ z._default(HoursStatus, 'pending'),
  limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
  cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(2048))),
});
export const MyHoursQuery = /* @__PURE__ */ z.strictObject({ limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20), cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(2048))) });
export const AttendanceSummary = /* @__PURE__ */ z.object({
  attended: /* @__PURE__ */ z.int(),
  noShows: /* @__PURE__ */ z.int(),
  lateCancellations: /* @__PURE__ */ z.int(),
  since: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the first Riyadh month counted (the last 12 months)'),
});
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;
export const HoursPage = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(HoursView), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });
export const MyHoursPage = /* @__PURE__ */ z.extend(HoursPage, { attendance: AttendanceSummary });
export const OrgHoursItem = /* @__PURE__ */ z.extend(HoursView, { attendance: AttendanceSummary });
export const OrgHoursPage = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(OrgHoursItem), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });

// ── Valuation rates (replacement-cost method, ILO Manual on the measurement of volunteer work) ──
export const ValuationRateInput = /* @__PURE__ */ z.strictObject({
  track: /* @__PURE__ */ z.optional(HoursTrack),
  profession: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(60))),
  sarPerHour: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10_000)),
  effectiveFrom: RiyadhDate,
})
  .check(/* @__PURE__ */ z.refine((r) => r.track !== undefined || r.profession !== undefined, { path: ['track'], message: 'give a track or a profession' }));
export const PutValuationRates = /* @__PURE__ */ z.strictObject({ rates: /* @__PURE__ */ z.array(ValuationRateInput).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)) });
export type PutValuationRates = z.output<typeof PutValuationRates>;
export const ValuationRate = /* @__PURE__ */ z.object({
  track: /* @__PURE__ */ z.optional(HoursTrack),
  profession: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  sarPerHour: /* @__PURE__ */ z.number(),
  effectiveFrom: /* @__PURE__ */ z.string(),
  setBy: /* @__PURE__ */ z.string(),
  setAt: /* @__PURE__ */ z.string(),
});
export type ValuationRate = z.infer<typeof ValuationRate>;
export const ValuationRatesView = /* @__PURE__ */ z.object({ rates: /* @__PURE__ */ z.array(ValuationRate) });

// ── Project deliverables (issue 19) ──────────────────────────────────────────
export const DeliverablePath = /* @__PURE__ */ z.object({ id: Ulid, deliverableId: Ulid });
export const DeliverableConfirmation = /* @__PURE__ */ z.strictObject({ note: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(3, 1000)), 'what was delivered, for the record (optional)') });
export type DeliverableConfirmation = z.output<typeof DeliverableConfirmation>;
export const DeliverableRecord = /* @__PURE__ */ z.object({
  opportunityId: /* @__PURE__ */ z.string(),
  deliverableId: /* @__PURE__ */ z.string(),
  confirmedBy: /* @__PURE__ */ z.string(),
  confirmedAt: /* @__PURE__ */ z.string(),
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type DeliverableRecord = z.infer<typeof DeliverableRecord>;
export const DeliverableView = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  status: /* @__PURE__ */ z.enum(['open', 'confirmed']),
  confirmedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  confirmedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type DeliverableView = z.infer<typeof DeliverableView>;
export const DeliverablesPage = /* @__PURE__ */ z.object({
  opportunityId: /* @__PURE__ */ z.string(),
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  estimatedHours: /* @__PURE__ */ z.int(),
  items: /* @__PURE__ */ z.array(DeliverableView),
});

export const DeliverableConfirmedDetail = /* @__PURE__ */ z.strictObject({
  opportunityId: Id,
  orgId: Id,
  deliverableId: Id,
  titleAr: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  titleEn: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  confirmedBy: Id,
  confirmedAt: At,
});
export type DeliverableConfirmedDetail = z.infer<typeof DeliverableConfirmedDetail>;
