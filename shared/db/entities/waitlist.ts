/**
 * The waitlist of a shift is its own partition `WAITLIST#<shiftId>`: `WAIT#<seq>` items (FIFO)
 * and a `SEQUENCE` counter handing out `seq`.
 */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

const partition = (shiftId: string) => `WAITLIST#${shiftId}`;

/** The key builders of `waitlistEntry` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const waitlistEntryKeys = {
  item: (shiftId: string, seq: number) => ({ PK: partition(shiftId), SK: `WAIT#${String(seq).padStart(10, '0')}` }),
  partition,
  prefix: 'WAIT#',
};

export const waitlistEntry = /* @__PURE__ */ defineEntity({
  name: 'WaitlistEntry',
  schema: /* @__PURE__ */ z.looseObject({ applicationId: /* @__PURE__ */ z.string() }),
  keys: waitlistEntryKeys,
  accessPatterns: [
    {
      pattern: 'join the waitlist: shift waiting + 1 if full, WAIT item, application, history',
      key: 'Update SHIFT# waiting + 1 if seatsTaken >= #capacity + Put WAITLIST#<shiftId>/WAIT#<seq> + Update APP + Put HISTORY',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: 'first waitlisted applicants of a shift (FIFO)', key: 'PK = WAITLIST#<shiftId> AND begins_with(SK, WAIT#)', index: 'table', operation: 'Query' },
    {
      pattern: 'withdraw an approved application and promote the first waitlisted one, in one step',
      key: 'Update APP (approved → withdrawn) + Delete BOOKING + Delete APPLIED + Put HISTORY + [Delete WAIT#<seq> if exists + Update candidate APP if waitlisted + Put candidate BOOKING + Update candidate BOOKINGS if version + Put HISTORY + Update SHIFT waiting - 1] or [Update SHIFT seatsTaken - 1 if waiting = 0]',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

/** The key builders of `waitlistSequence` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const waitlistSequenceKeys = { item: (shiftId: string) => ({ PK: partition(shiftId), SK: 'SEQUENCE' }) };

export const waitlistSequence = /* @__PURE__ */ defineEntity({
  name: 'WaitlistSequence',
  schema: /* @__PURE__ */ z.object({ seq: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()) }),
  keys: waitlistSequenceKeys,
  accessPatterns: [
    { pattern: 'next waitlist sequence number of a shift', key: 'Update PK = WAITLIST#<shiftId>, SK = SEQUENCE ADD seq 1', index: 'table', operation: 'UpdateItem' },
  ],
});
