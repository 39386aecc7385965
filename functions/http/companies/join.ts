/** POST /v1/companies/{companyId}/join: a volunteer joins with their one-time code. */
import * as employees from '../../../shared/domain/companies/employees.js';
import { http } from '../../../shared/middleware/http.js';
import { created } from '../../../shared/middleware/responses.js';
import { membershipPorts } from './ports.js';
import { joinCompany } from './routes.js';

export const handler = http(joinCompany).handler(async ({ path, body, caller }) => created(await employees.joinCompany(membershipPorts(), caller, path.companyId, body.code)));
