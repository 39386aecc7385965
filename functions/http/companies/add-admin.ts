/** POST /v1/companies/{companyId}/admins: a company's admins add an admin. */
import * as companies from '../../../shared/domain/companies/service.js';
import { companyDirectory } from '../../../shared/identity/user-directory.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { companyPorts } from './ports.js';
import { addCompanyAdmin } from './routes.js';

export const handler = http(addCompanyAdmin, { idempotency: idempotent }).handler(async ({ path, body, caller }) =>
  created(await companies.addCompanyAdmin({ ...companyPorts(), directory: companyDirectory() }, caller, path.companyId, body)),
);
