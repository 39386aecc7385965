/** POST /v1/hours/{hoursId}/reversal: a ministry-admin reverses approved hours (a reversing entry). */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { hoursListPorts } from './reads.js';
import { reverseHours } from './routes.js';

export const handler = http(reverseHours).handler(async ({ path, body, caller }) => ok(await hours.reverse(hoursListPorts(), caller, path.hoursId, body)));
