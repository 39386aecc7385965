/** POST /v1/shifts/{shiftId}/attendance/dispute: a volunteer disputes being recorded absent or a no-show (14 days, once). */
import { hoursAttendance, hoursShifts, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { storePorts } from './reads.js';
import { disputeNoShow } from './routes.js';

export const handler = http(disputeNoShow).handler(async ({ path, body, caller }) => ok(await hours.disputeNoShow(storePorts({ ...hoursShifts(), ...hoursAttendance(), ...hoursWrites() }), caller, path.shiftId, body)));
