/** PUT /v1/valuation-rates: new effective-dated valuation rates (ministry-admin). */
import { hoursRates } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { storePorts } from './reads.js';
import { putValuationRates } from './routes.js';

export const handler = http(putValuationRates).handler(async ({ body, caller }) => ok(await hours.setValuationRates(storePorts(hoursRates()), caller, body)));
