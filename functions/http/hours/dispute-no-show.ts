/** POST /v1/shifts/{shiftId}/attendance/dispute: a volunteer disputes being recorded absent or a no-show (14 days, once). */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { hoursListPorts } from './reads.js';
import { disputeNoShow } from './routes.js';

export const handler = http(disputeNoShow).handler(async ({ path, body, caller }) => ok(await hours.disputeNoShow(hoursListPorts(), caller, path.shiftId, body)));
