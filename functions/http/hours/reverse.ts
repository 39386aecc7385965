/** POST /v1/hours/{hoursId}/reversal: a ministry-admin reverses approved hours (a reversing entry). */
import { hoursLedgers, hoursRecords, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { storePorts } from './reads.js';
import { reverseHours } from './routes.js';

export const handler = http(reverseHours).handler(async ({ path, body, caller }) => ok(await hours.reverse(storePorts({ ...hoursRecords(), ...hoursLedgers(), ...hoursWrites() }), caller, path.hoursId, body)));
