/** POST /v1/shifts/{shiftId}/check-in: a volunteer with a seat checks in with the code. */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { codePorts } from './ports.js';
import { checkIn } from './routes.js';

export const handler = http(checkIn).handler(async ({ path, body, caller }) => ok(await hours.checkIn(codePorts(), caller, path.shiftId, body)));
