/** GET /v1/organizations/{orgId}: public fields for anyone; everything, with history, for its managers and the ministry. */
import * as organizations from '../../../shared/domain/organizations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { optionalCaller } from '../../../shared/middleware/optional-auth.js';
import { ok } from '../../../shared/middleware/responses.js';
import { organizationPorts } from './ports.js';
import { getOrganization } from './routes.js';

export const handler = http(getOrganization, { optionalCaller }).handler(async ({ path, caller }) =>
  ok(await organizations.viewOrganization(organizationPorts(), caller, path.orgId)),
);
