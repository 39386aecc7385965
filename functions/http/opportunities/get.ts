/** GET /v1/opportunities/{id}: a published opportunity for anyone, any status for its managers; shifts with seats left. */
import { OpportunityPath } from '../../../shared/domain/opportunities/schema.js';
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityPorts } from './ports.js';

export const handler = http({ path: OpportunityPath, auth: 'optional' }).handler(async ({ path, caller }) =>
  ok(await opportunities.viewOpportunity(opportunityPorts(), caller, path.id)),
);
