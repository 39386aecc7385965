import { describe, expect, it } from 'vitest';
import { attendance, attendanceItem } from '../../shared/db/entities/attendance.js';
import { hoursLedger, hoursLedgerItem } from '../../shared/db/entities/hours-ledger.js';
import { hoursIndexKeys, hoursRecord, hoursRecordItem } from '../../shared/db/entities/hours-record.js';
import type { AttendanceRecord, HoursRecord } from '../../shared/domain/hours/schema.js';

const record: HoursRecord = {
  id: '01JB0000000000000000000001',
  volunteerId: 'vol-1',
  orgId: 'org-1',
  opportunityId: 'opp-1',
  shiftId: 'shift-1',
  kind: 'shift',
  date: '2026-03-01',
  intervals: [{ start: '2026-03-01T06:00:00.000Z', end: '2026-03-01T09:00:00.000Z' }],
  requestedMinutes: 180,
  minutes: 180,
  status: 'pending',
  track: 'general',
  causes: ['health'],
  city: 'riyadh',
  region: 'riyadh',
  flags: ['escalated'],
  round: 1,
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  decisions: [],
};

const checkedIn: AttendanceRecord = {
  shiftId: 'shift-1',
  opportunityId: 'opp-1',
  orgId: 'org-1',
  volunteerId: 'vol-1',
  shiftStart: '2026-03-01T06:00:00.000Z',
  shiftEnd: '2026-03-01T09:00:00.000Z',
  status: 'checked-in',
  checkedInAt: '2026-03-01T06:01:00.000Z',
  outsideRadius: false,
  by: 'code',
  at: '2026-03-01T06:01:00.000Z',
};

describe('hours items written without the record schemas (issue 17)', () => {
  it('writes an hours record as the entity does, with the index keys of its status', () => {
    expect(hoursRecordItem(record)).toEqual(hoursRecord.toItem(record, { ...hoursRecord.keys.item(record.id), ...hoursIndexKeys(record) }));
    expect(hoursRecordItem(record)).toHaveProperty('GSI3PK', 'HOURS#ESCALATED');
  });

  it('writes a check-in as the entity does, in the open check-ins', () => {
    const keys = { ...attendance.keys.item(checkedIn.shiftId, checkedIn.volunteerId), ...attendance.keys.open(checkedIn.shiftEnd, checkedIn.shiftId, checkedIn.volunteerId) };
    expect(attendanceItem(checkedIn)).toEqual(attendance.toItem(checkedIn, keys));
  });

  it('writes a check-out as the entity does, out of the open check-ins', () => {
    const checkedOut: AttendanceRecord = { ...checkedIn, status: 'checked-out', checkedOutAt: '2026-03-01T09:00:00.000Z' };
    expect(attendanceItem(checkedOut)).toEqual(attendance.toItem(checkedOut, attendance.keys.item(checkedOut.shiftId, checkedOut.volunteerId)));
    expect(attendanceItem(checkedOut)).not.toHaveProperty('GSI2PK');
  });

  it('writes a day ledger as the entity does', () => {
    const ledger = { date: '2026-03-01', minutes: 180, intervals: [{ start: '2026-03-01T06:00:00.000Z', end: '2026-03-01T09:00:00.000Z', hoursId: record.id }], version: 2 };
    expect(hoursLedgerItem('vol-1', ledger)).toEqual(hoursLedger.toItem(ledger, hoursLedger.keys.item('vol-1', ledger.date)));
  });
});
