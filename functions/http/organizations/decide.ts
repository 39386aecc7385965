/** POST /v1/organizations/{orgId}/decision: a ministry reviewer approves or rejects, once. */
import { OrganizationDecision, OrgPath } from '../../../shared/domain/organizations/schema.js';
import * as organizations from '../../../shared/domain/organizations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { onboardingWorkflow, organizationPorts } from './ports.js';

export const handler = http({ path: OrgPath, body: OrganizationDecision, groups: ['ministry-reviewer'] }).handler(
  async ({ path, body, caller }) =>
    accepted(await organizations.decideOrganization({ ...organizationPorts(), workflow: onboardingWorkflow() }, caller, path.orgId, body)),
);
