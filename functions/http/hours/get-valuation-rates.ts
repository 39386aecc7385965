/** GET /v1/valuation-rates: every rate ever set (the ministry). */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { hoursReadPorts } from './reads.js';
import { getValuationRates } from './routes.js';

export const handler = http(getValuationRates).handler(async ({ caller }) => ok(await hours.valuationRates(hoursReadPorts(), caller)));
