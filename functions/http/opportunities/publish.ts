/** POST /v1/opportunities/{id}/publish: its organisation's manager publishes a draft (it becomes searchable). */
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityPorts } from './ports.js';
import { publishOpportunity } from './routes.js';

export const handler = http(publishOpportunity).handler(async ({ path, caller }) =>
  ok(await opportunities.publishOpportunity(opportunityPorts(), caller, path.id)),
);
