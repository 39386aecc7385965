/** POST /v1/companies: any signed-in user registers a company; it waits for the ministry (202). */
import * as companies from '../../../shared/domain/companies/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { companyOnboardingWorkflow, companyPorts } from './ports.js';
import { registerCompany } from './routes.js';

export const handler = http(registerCompany, { idempotency: idempotent }).handler(async ({ body, caller }) =>
  accepted(await companies.registerCompany({ ...companyPorts(), workflow: companyOnboardingWorkflow() }, caller, body)),
);
