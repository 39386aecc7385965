/** PATCH /v1/opportunities/{id}: its organisation's managers edit it (a published one keeps the seats taken). */
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityStorePorts } from './ports.js';
import { updateOpportunity } from './routes.js';

export const handler = http(updateOpportunity).handler(async ({ path, body, caller }) =>
  ok(await opportunities.updateOpportunity(opportunityStorePorts(), caller, path.id, body)),
);
