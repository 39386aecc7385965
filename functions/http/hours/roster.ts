/** POST /v1/shifts/{shiftId}/attendance: the managers' roster (present with times, or absent = no-show). */
import { hoursAttendance, hoursLedgers, hoursShifts, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { verificationPorts } from './ports.js';
import { recordAttendance } from './routes.js';

export const handler = http(recordAttendance).handler(async ({ path, body, caller }) => ok(await hours.recordAttendance(verificationPorts({ ...hoursShifts(), ...hoursAttendance(), ...hoursLedgers(), ...hoursWrites() }), caller, path.shiftId, body)));
