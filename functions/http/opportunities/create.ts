/** POST /v1/organizations/{orgId}/opportunities: an active organisation's manager posts a draft with its shifts. */
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { opportunityCreatePorts } from './ports.js';
import { createOpportunity } from './routes.js';

export const handler = http(createOpportunity, { idempotency: idempotent })
  .handler(async ({ path, body, caller }) => {
    const opportunity = await opportunities.createOpportunity(opportunityCreatePorts(), caller, path.orgId, body);
    return created(opportunity, `/v1/opportunities/${opportunity.id}`);
  });
