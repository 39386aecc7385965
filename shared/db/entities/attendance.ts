/**
 * Attendance of one volunteer on one shift: `SHIFTATT#<shiftId>` / `VOL#<sub>` (the shift's
 * roster is its partition). While checked in, it sits in the sparse GSI2 partition `OPENCHECKIN`
 * sorted by shift end, so attendance-close finds the forgotten check-outs without a Scan.
 */
import { AttendanceRecord } from '../../domain/hours/schema.js';
import { defineEntity, entityItem, type Item } from './entity.js';

/** The key builders of `attendance` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const attendanceKeys = {
  item: (shiftId: string, sub: string) => ({ PK: `SHIFTATT#${shiftId}`, SK: `VOL#${sub}` }),
  open: (shiftEnd: string, shiftId: string, sub: string) => ({ GSI2PK: 'OPENCHECKIN', GSI2SK: `${shiftEnd}#${shiftId}#${sub}` }),
  openPartition: 'OPENCHECKIN',
};

const ATTENDANCE = 'Attendance';

/** The attendance item as `attendance.toItem` writes it (in OPENCHECKIN while checked in), without the record schema: the writes never read (issue 17). */
export const attendanceItem = (record: AttendanceRecord): Item =>
  entityItem(ATTENDANCE, record, {
    ...attendanceKeys.item(record.shiftId, record.volunteerId),
    ...(record.status === 'checked-in' && attendanceKeys.open(record.shiftEnd, record.shiftId, record.volunteerId)),
  });

export const attendance = /* @__PURE__ */ defineEntity({
  name: ATTENDANCE,
  schema: AttendanceRecord,
  keys: attendanceKeys,
  accessPatterns: [
    { pattern: "a volunteer's attendance on a shift", key: 'PK = SHIFTATT#<shiftId> AND SK = VOL#<sub>', index: 'table', operation: 'GetItem' },
    { pattern: 'check in once (a second check-in finds the first)', key: 'Put PK = SHIFTATT#<shiftId>, SK = VOL#<sub> attribute_not_exists(PK)', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'check out once', key: 'Put SHIFTATT item if #status = checked-in (+ the hours record)', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'open check-ins of shifts ended by a time (auto-close)', key: 'GSI2PK = OPENCHECKIN AND GSI2SK < <endedBy>', index: 'GSI2', operation: 'Query' },
  ],
});
