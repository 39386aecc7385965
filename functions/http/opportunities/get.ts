/** GET /v1/opportunities/{id}: a published opportunity for anyone, any status for its managers; shifts with seats left. */
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { optionalCaller } from '../../../shared/middleware/optional-auth.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityStorePorts } from './ports.js';
import { getOpportunity } from './routes.js';

export const handler = http(getOpportunity, { optionalCaller }).handler(async ({ path, caller }) =>
  ok(await opportunities.viewOpportunity(opportunityStorePorts(), caller, path.id)),
);
