/** PUT /v1/valuation-rates: new effective-dated valuation rates (ministry-admin). */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { hoursListPorts } from './reads.js';
import { putValuationRates } from './routes.js';

export const handler = http(putValuationRates).handler(async ({ body, caller }) => ok(await hours.setValuationRates(hoursListPorts(), caller, body)));
