/**
 * Contracts of the attendance and hours events (issue 19). Other areas consume them: the
 * national register and certificates, recognition, company reports and impact (COORDINATION.md,
 * "Domain events shared between the feature engineers"); keep the names and fields.
 */
import * as z from 'zod';

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

export const VolunteerCheckedInDetail = z
  .object({
    volunteerId: Id,
    orgId: Id,
    opportunityId: Id,
    shiftId: Id,
    checkedInAt: At,
    outsideRadius: z.boolean().describe('the given location was farther than the opportunity radius (recorded, not refused)'),
    by: z.enum(['code', 'roster']),
  })
  .strict();
export type VolunteerCheckedInDetail = z.infer<typeof VolunteerCheckedInDetail>;

export const VolunteerNoShowDetail = z
  .object({
    volunteerId: Id,
    orgId: Id,
    opportunityId: Id,
    shiftId: Id,
    date: RiyadhDate,
    shiftStart: At,
    shiftEnd: At,
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
