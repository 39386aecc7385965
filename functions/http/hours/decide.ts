/** POST /v1/hours/{hoursId}/decision: approve (optionally other minutes, with a reason) or reject, once. */
import { hoursLedgers, hoursRates, hoursRecords, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { decisionPorts } from './ports.js';
import { decideHours } from './routes.js';

export const handler = http(decideHours).handler(async ({ path, body, caller }) => ok(await hours.decideOne(decisionPorts({ ...hoursRecords(), ...hoursLedgers(), ...hoursRates(), ...hoursWrites() }), caller, path.hoursId, body)));
