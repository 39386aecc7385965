/** POST /v1/companies/{companyId}/decision: a ministry reviewer approves or rejects, once. */
import * as companies from '../../../shared/domain/companies/service.js';
import { http } from '../../../shared/middleware/http.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { companyOnboardingWorkflow, companyPorts } from './ports.js';
import { decideCompany } from './routes.js';

export const handler = http(decideCompany).handler(async ({ path, body, caller }) =>
  accepted(await companies.decideCompany({ ...companyPorts(), workflow: companyOnboardingWorkflow() }, caller, path.companyId, body)),
);
