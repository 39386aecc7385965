/** GET /v1/companies/{companyId}/employees: current and former employees, work email only. */
import * as employees from '../../../shared/domain/companies/employees.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { membershipPorts } from './ports.js';
import { listEmployees } from './routes.js';

export const handler = http(listEmployees).handler(async ({ path, query, caller }) => ok(await employees.listEmployees(membershipPorts(), caller, path.companyId, query)));
