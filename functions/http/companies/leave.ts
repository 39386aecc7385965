/** POST /v1/companies/{companyId}/leave: the employee leaves; their history stays. */
import * as employees from '../../../shared/domain/companies/employees.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { membershipPorts } from './ports.js';
import { leaveCompany } from './routes.js';

export const handler = http(leaveCompany).handler(async ({ path, caller }) => ok(await employees.leaveCompany(membershipPorts(), caller, path.companyId)));
