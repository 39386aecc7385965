/**
 * The `attendance-close` schedule (hourly, Asia/Riyadh): forgotten check-outs closed 2 h after
 * the shift end, no-shows 24 h after it. See closeAttendance in shared/domain/hours/service.ts.
 */
import { hoursAttendance, hoursLedgers, hoursRecords, hoursShifts, hoursSweeps, hoursWrites } from '../../shared/db/hours-repository.js';
import * as hours from '../../shared/domain/hours/service.js';
import { job } from '../../shared/middleware/job.js';
import { verificationPorts } from '../http/hours/ports.js';
import { attendanceCloseSchedule } from './index.js';

export const handler = job(attendanceCloseSchedule).handler(async ({ now }) => hours.closeAttendance(verificationPorts({ ...hoursShifts(), ...hoursAttendance(), ...hoursRecords(), ...hoursLedgers(), ...hoursWrites(), ...hoursSweeps() }), now));
