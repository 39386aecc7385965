/** POST /v1/organizations/{orgId}/hours/decisions: up to 100 decisions, each with its own outcome. */
import { hoursLedgers, hoursRates, hoursRecords, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { decisionPorts } from './ports.js';
import { decideHoursBulk } from './routes.js';

export const handler = http(decideHoursBulk).handler(async ({ path, body, caller }) => ok(await hours.decideBulk(decisionPorts({ ...hoursRecords(), ...hoursLedgers(), ...hoursRates(), ...hoursWrites() }), caller, path.orgId, body.items)));
