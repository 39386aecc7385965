/** POST /v1/organizations/{orgId}/decision: a ministry reviewer approves or rejects, once. */
import * as organizations from '../../../shared/domain/organizations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { onboardingWorkflow, organizationPorts } from './ports.js';
import { decideOrganization } from './routes.js';

export const handler = http(decideOrganization).handler(async ({ path, body, caller }) =>
  accepted(await organizations.decideOrganization({ ...organizationPorts(), workflow: onboardingWorkflow() }, caller, path.orgId, body)),
);
