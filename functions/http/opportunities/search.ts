/** GET /v1/opportunities: published opportunities, filtered, in pages (Query on one GSI1 partition, never Scan). */
import { SearchOpportunities } from '../../../shared/domain/opportunities/schema.js';
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityPorts } from './ports.js';

export const handler = http({ query: SearchOpportunities, auth: 'none' }).handler(async ({ query }) =>
  ok(await opportunities.searchOpportunities(opportunityPorts(), query)),
);
