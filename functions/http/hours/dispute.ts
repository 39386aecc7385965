/** POST /v1/hours/{hoursId}/dispute: the volunteer disputes a rejection or a cut within 14 days, once. */
import { hoursLedgers, hoursRecords, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { decisionPorts } from './ports.js';
import { disputeHours } from './routes.js';

export const handler = http(disputeHours).handler(async ({ path, body, caller }) => ok(await hours.dispute(decisionPorts({ ...hoursRecords(), ...hoursLedgers(), ...hoursWrites() }), caller, path.hoursId, body)));
