/** GET /v1/opportunities: published opportunities, filtered, in pages (Query on one GSI1 partition, never Scan). */
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityStorePorts } from './ports.js';
import { searchOpportunities } from './routes.js';

export const handler = http(searchOpportunities).handler(async ({ query }) =>
  ok(await opportunities.searchOpportunities(opportunityStorePorts(), query)),
);
