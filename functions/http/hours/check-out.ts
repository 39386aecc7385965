/** POST /v1/shifts/{shiftId}/check-out: the pending hours record, clamped, capped, never overlapping. */
import { hoursAttendance, hoursLedgers, hoursRecords, hoursShifts, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { hoursPorts } from './ports.js';
import { checkOut } from './routes.js';

export const handler = http(checkOut).handler(async ({ path, body, caller }) => ok(await hours.checkOut(hoursPorts({ ...hoursShifts(), ...hoursAttendance(), ...hoursRecords(), ...hoursLedgers(), ...hoursWrites() }), caller, path.shiftId, body)));
