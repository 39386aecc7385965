/** GET /v1/companies/{companyId}: the company and its history, for its admins, the ministry and its registrant. */
import * as companies from '../../../shared/domain/companies/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { companyPorts } from './ports.js';
import { getCompany } from './routes.js';

export const handler = http(getCompany).handler(async ({ path, caller }) => ok(await companies.viewCompany(companyPorts(), caller, path.companyId)));
