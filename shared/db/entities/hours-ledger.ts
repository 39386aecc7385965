/**
 * A volunteer's credited time on one Riyadh day, across every organisation: `VOL#<sub>` /
 * `HOURSDAY#<date>` with `minutes`, the credited `intervals` (each naming its hours record) and a
 * `version`. Every credit and release is conditioned on the version that was read, so two
 * check-outs of the same volunteer at once (two organisations) can never both take the same time
 * or pass the 12 h cap. One item per volunteer and day: no hot key.
 */
import * as z from '../../zod.js';
import type { DayLedger } from '../../domain/hours/credit.js';
import { defineEntity, entityItem, type Item } from './entity.js';

/** The key builders of `hoursLedger` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const hoursLedgerKeys = {
  item: (sub: string, date: string) => ({ PK: `VOL#${sub}`, SK: `HOURSDAY#${date}` }),
};

const HOURS_LEDGER = 'HoursLedger';

/** A day ledger's item as `hoursLedger.toItem` writes it, without the ledger schema: the writes never read (issue 17). */
export const hoursLedgerItem = (volunteerId: string, ledger: DayLedger): Item => entityItem(HOURS_LEDGER, ledger, hoursLedgerKeys.item(volunteerId, ledger.date));

export const hoursLedger = /* @__PURE__ */ defineEntity({
  name: HOURS_LEDGER,
  schema: /* @__PURE__ */ z.object({
    date: /* @__PURE__ */ z.string(),
    minutes: /* @__PURE__ */ z.int(),
    intervals: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ start: /* @__PURE__ */ z.string(), end: /* @__PURE__ */ z.string(), hoursId: /* @__PURE__ */ z.string() })),
    version: /* @__PURE__ */ z.int(),
  }),
  keys: hoursLedgerKeys,
  accessPatterns: [
    { pattern: "a volunteer's day ledgers", key: 'PK = VOL#<sub> AND SK = HOURSDAY#<date> (per day touched)', index: 'table', operation: 'BatchGetItem (consistent: GetItem)' },
    { pattern: 'credit or release time', key: 'Put HOURSDAY item if version = <seen> (or attribute_not_exists)', index: 'table', operation: 'TransactWriteItems' },
  ],
});

/** The key builders of `attendanceStats` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const attendanceStatsKeys = {
  item: (sub: string, month: string) => ({ PK: `VOL#${sub}`, SK: `ATTSTATS#${month}` }),
  sort: (month: string) => `ATTSTATS#${month}`,
  prefixEnd: 'ATTSTATS#~',
  /** Counted once: e.g. one late cancellation per application, whatever the redeliveries. */
  once: (kind: string, id: string) => ({ PK: `ATTONCE#${kind}#${id}`, SK: 'ONCE' }),
};

/**
 * Attendance counters per volunteer and Riyadh month: `VOL#<sub>` / `ATTSTATS#<yyyy-mm>`
 * (ADD attended / noShows / lateCancellations in the write that causes them); the last 12
 * months are one Query, never a recount.
 */
/** The `entity` attribute of the counters item (the writes ADD to it without the counters schema). */
export const ATTENDANCE_STATS = 'AttendanceStats';

export const attendanceStats = /* @__PURE__ */ defineEntity({
  name: ATTENDANCE_STATS,
  schema: /* @__PURE__ */ z.object({ month: /* @__PURE__ */ z.string(), attended: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int(), 0), noShows: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int(), 0), lateCancellations: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int(), 0) }),
  keys: attendanceStatsKeys,
  accessPatterns: [
    { pattern: 'count an attendance, a no-show or a late cancellation', key: 'Update PK = VOL#<sub>, SK = ATTSTATS#<month> ADD <counter> 1', index: 'table', operation: 'TransactWriteItems / UpdateItem' },
    { pattern: 'count something once (late cancellation per application)', key: 'Put PK = ATTONCE#<kind>#<id> attribute_not_exists + the counter Update', index: 'table', operation: 'TransactWriteItems' },
    { pattern: "a volunteer's attendance over the last 12 months", key: 'PK = VOL#<sub> AND SK BETWEEN ATTSTATS#<month-11> AND ATTSTATS#~', index: 'table', operation: 'Query' },
  ],
});
