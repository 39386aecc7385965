/** POST /v1/companies/{companyId}/employees: a company's admins invite employees (a one-time code each, by email). */
import * as employees from '../../../shared/domain/companies/employees.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { employeePorts } from './ports.js';
import { inviteEmployees } from './routes.js';

export const handler = http(inviteEmployees, { idempotency: idempotent }).handler(async ({ path, body, caller }) =>
  accepted(await employees.inviteEmployees(employeePorts(), caller, path.companyId, body)),
);
