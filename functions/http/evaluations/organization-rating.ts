/** GET /v1/organizations/{orgId}/rating: public average once 5 ratings. */
import * as evaluations from '../../../shared/domain/evaluations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { evaluationPorts } from './ports.js';
import { getOrganizationRating } from './routes.js';

export const handler = http(getOrganizationRating).handler(async ({ path }) => ok(await evaluations.organizationRating(evaluationPorts(), path.orgId)));
