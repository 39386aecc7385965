/** GET /v1/valuation-rates: every rate ever set (the ministry). */
import { hoursRates } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { storePorts } from './reads.js';
import { getValuationRates } from './routes.js';

export const handler = http(getValuationRates).handler(async ({ caller }) => ok(await hours.valuationRates(storePorts(hoursRates()), caller)));
