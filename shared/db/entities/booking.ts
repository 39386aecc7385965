/**
 * An approved seat, beside the volunteer's profile: `BOOKING#<start>#<shiftId>` (with `end`).
 * `BOOKINGS` holds `version` (bumped by every booking) and `longestMs` (the longest booking), so
 * the overlap query is `SK BETWEEN BOOKING#<start - longestMs> AND BOOKING#<end>` and the seat
 * transaction's condition `version = <seen>` refuses a booking made since the overlap was read.
 *
 * Sparse GSI3 on the booking: bookings by shift start, in UTC-day partitions. The reminders job
 * reads the bookings starting in a window; a cancellation reads one shift's
 * (begins_with `<start>#<shiftId>#`).
 */
import * as z from '../../zod.js';
import { defineEntity, type Item } from './entity.js';
import { volunteerPartition } from './partitions.js';

const BOOKING = 'BOOKING#';

/** What a seat is: the booking's fields, also kept by a cancelled seat. */
const seatFields = {
    volunteerId: /* @__PURE__ */ z.string(),
    applicationId: /* @__PURE__ */ z.string(),
    opportunityId: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.string(),
    shiftId: /* @__PURE__ */ z.string(),
    start: /* @__PURE__ */ z.string(),
    end: /* @__PURE__ */ z.string(),
    /** A project's period (issue 19): ignored by the double-booking guard. */
    project: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
};

/** The key builders of `booking` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const bookingKeys = {
  item: (sub: string, start: string, shiftId: string) => ({ PK: volunteerPartition(sub), SK: `${BOOKING}${start}#${shiftId}` }),
  /** Sort key bound: every booking starting at or after `start` sorts after it. */
  sort: (start: string) => `${BOOKING}${start}`,
  /** Sort key bound after every booking. */
  last: `${BOOKING}~`,
  partition: volunteerPartition,
  startIndex: (start: string, shiftId: string, volunteerId: string) => ({ GSI3PK: `BOOKSTART#${start.slice(0, 10)}`, GSI3SK: `${start}#${shiftId}#${volunteerId}` }),
  /** GSI3 partition of the bookings starting on a UTC day. */
  startPartition: (day: string) => `BOOKSTART#${day}`,
  /** GSI3 sort key prefix of one shift's bookings. */
  shiftPrefix: (start: string, shiftId: string) => `${start}#${shiftId}#`,
  /**
   * Sparse GSI1 on a booking approved less than a day before its shift starts ("late"): by
   * approval time, in UTC-day partitions. The reminders job's windows may already have passed
   * its start when it is approved; it reads these each run and sends what is still due.
   */
  lateIndex: (approvedAt: string, shiftId: string, volunteerId: string) => ({ GSI1PK: `LATEBOOKING#${approvedAt.slice(0, 10)}`, GSI1SK: `${approvedAt}#${shiftId}#${volunteerId}` }),
  /** GSI1 partition of the late bookings approved on a UTC day. */
  latePartition: (day: string) => `LATEBOOKING#${day}`,
};

export const booking = /* @__PURE__ */ (() => defineEntity({
  name: 'Booking',
  schema: /* @__PURE__ */ z.object(seatFields),
  keys: bookingKeys,
  accessPatterns: [
    {
      pattern: "a volunteer's approved bookings that may overlap a shift (double-booking guard)",
      key: 'PK = VOL#<sub> AND SK BETWEEN BOOKING#<start - longestMs> AND BOOKING#<end> (+ GetItem SK = BOOKINGS first)',
      index: 'table',
      operation: 'Query',
    },
    {
      pattern: 'reserve a seat: shift counter, application, booking, bookings version, history',
      key: 'Update OPP#<opp>/SHIFT#<id> seatsTaken + 1 if seatsTaken < #capacity + Update APP if status/version + Put BOOKING# + Update BOOKINGS if version = <seen> + Put HISTORY',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    {
      pattern: 'approved seats whose shift starts in a window (reminders)',
      key: 'GSI3PK = BOOKSTART#<yyyy-mm-dd> AND GSI3SK BETWEEN <from> AND <to>',
      index: 'GSI3',
      operation: 'Query',
    },
    {
      pattern: 'approved volunteers of one shift (cancellations)',
      key: 'GSI3PK = BOOKSTART#<yyyy-mm-dd of start> AND begins_with(GSI3SK, <start>#<shiftId>#)',
      index: 'GSI3',
      operation: 'Query',
    },
    {
      pattern: 'seats approved less than a day before their shift, by approval time (reminders a window cursor already passed)',
      key: 'GSI1PK = LATEBOOKING#<yyyy-mm-dd of approval> AND GSI1SK BETWEEN <from> AND <to>',
      index: 'GSI1',
      operation: 'Query',
    },
    { pattern: "a volunteer's approved shifts (calendar feed)", key: 'PK = VOL#<sub> AND begins_with(SK, BOOKING#)', index: 'table', operation: 'Query' },
  ],
}))();

const CANCELLED = 'CANCELLEDSEAT#';

/** The key builders of `cancelledSeat` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const cancelledSeatKeys = {
  item: (sub: string, start: string, shiftId: string) => ({ PK: volunteerPartition(sub), SK: `${CANCELLED}${start}#${shiftId}` }),
  sort: (start: string) => `${CANCELLED}${start}`,
  last: `${CANCELLED}~`,
  partition: volunteerPartition,
};

/**
 * A seat cancelled because its opportunity was closed, beside the volunteer's bookings:
 * `CANCELLEDSEAT#<start>#<shiftId>`. The booking itself is deleted in the same transaction (the
 * seat is freed, reminders and the overlap guard no longer see it); this item keeps the shift in
 * the volunteer's calendar feed as STATUS:CANCELLED with its UID, so a subscribed calendar
 * removes the entry instead of keeping a confirmed one.
 */
export const cancelledSeat = /* @__PURE__ */ (() => defineEntity({
  name: 'CancelledSeat',
  schema: /* @__PURE__ */ z.object({ ...seatFields, cancelledAt: /* @__PURE__ */ z.string() }),
  keys: cancelledSeatKeys,
  accessPatterns: [
    { pattern: "a volunteer's seats cancelled by a closed opportunity (calendar feed)", key: 'PK = VOL#<sub> AND SK BETWEEN CANCELLEDSEAT#<since> AND CANCELLEDSEAT#~', index: 'table', operation: 'Query' },
  ],
}))();

/** The key builders of `bookingsVersion` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const bookingsVersionKeys = { item: (sub: string) => ({ PK: volunteerPartition(sub), SK: 'BOOKINGS' }) };

/** The version and longest duration of a volunteer's bookings (the overlap guard). */
export const bookingsVersion = /* @__PURE__ */ defineEntity({
  name: 'Bookings',
  schema: /* @__PURE__ */ z.object({ version: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()), longestMs: /* @__PURE__ */ z.number() }),
  keys: bookingsVersionKeys,
  accessPatterns: [],
});

/**
 * The booking as the areas that read it see it (reminders and cancellation notices, attendance
 * and hours): the volunteer, the shift and its times.
 */
export interface BookedSeat {
  readonly volunteerId: string;
  readonly shiftId: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
}

export const bookedSeat = (item: Item): BookedSeat => ({
  volunteerId: String(item.volunteerId),
  shiftId: String(item.shiftId),
  opportunityId: String(item.opportunityId),
  orgId: String(item.orgId),
  start: String(item.start),
  end: String(item.end),
});
