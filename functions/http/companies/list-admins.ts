/** GET /v1/companies/{companyId}/admins: the company's admins. */
import * as companies from '../../../shared/domain/companies/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { companyPorts } from './ports.js';
import { listCompanyAdmins } from './routes.js';

export const handler = http(listCompanyAdmins).handler(async ({ path, caller }) => ok(await companies.listCompanyAdmins(companyPorts(), caller, path.companyId)));
