/** GET /v1/organizations/{orgId}/opportunities: that organisation's managers (and the ministry) list its opportunities in every status. */
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityStorePorts } from './ports.js';
import { listOrganizationOpportunities } from './routes.js';

export const handler = http(listOrganizationOpportunities).handler(async ({ path, query, caller }) =>
  ok(await opportunities.listOrganizationOpportunities(opportunityStorePorts(), caller, path.orgId, query)),
);
