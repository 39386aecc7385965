/** POST /v1/opportunities/{id}/close: its organisation's manager closes a draft or published opportunity. */
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityStorePorts } from './ports.js';
import { closeOpportunity } from './routes.js';

export const handler = http(closeOpportunity).handler(async ({ path, body, caller }) =>
  ok(await opportunities.closeOpportunity(opportunityStorePorts(), caller, path.id, body ?? {})),
);
