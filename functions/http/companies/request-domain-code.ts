/** POST /v1/companies/{companyId}/domain-codes: a code sent to the volunteer's address on a company domain. */
import * as employees from '../../../shared/domain/companies/employees.js';
import { http } from '../../../shared/middleware/http.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { employeePorts } from './ports.js';
import { requestDomainCode } from './routes.js';

export const handler = http(requestDomainCode).handler(async ({ path, body, caller }) =>
  accepted(await employees.requestDomainCode(employeePorts(), caller, path.companyId, body)),
);
