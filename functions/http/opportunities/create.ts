/** POST /v1/organizations/{orgId}/opportunities: an active organisation's manager posts a draft with its shifts. */
import { OrgPath } from '../../../shared/domain/organizations/schema.js';
import { CreateOpportunity } from '../../../shared/domain/opportunities/schema.js';
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { opportunityPorts } from './ports.js';

export const handler = http({ path: OrgPath, body: CreateOpportunity, groups: ['org-manager'] })
  .use(idempotent())
  .handler(async ({ path, body, caller }) => {
    const opportunity = await opportunities.createOpportunity(opportunityPorts(), caller, path.orgId, body);
    return created(opportunity, `/v1/opportunities/${opportunity.id}`);
  });
