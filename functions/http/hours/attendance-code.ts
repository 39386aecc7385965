/** GET /v1/shifts/{shiftId}/attendance-code: the shift's rotating code for its managers. */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { attendanceCodePorts } from './ports.js';
import { getAttendanceCode } from './routes.js';

export const handler = http(getAttendanceCode).handler(async ({ path, caller }) => ok(await hours.attendanceCode(attendanceCodePorts(), caller, path.shiftId)));
