/** GET /v1/organizations: active organisations for anyone; any status (the pending queue, oldest first) for the ministry. */
import * as organizations from '../../../shared/domain/organizations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { optionalCaller } from '../../../shared/middleware/optional-auth.js';
import { ok } from '../../../shared/middleware/responses.js';
import { organizationPorts } from './ports.js';
import { listOrganizations } from './routes.js';

export const handler = http(listOrganizations, { optionalCaller }).handler(async ({ query, caller }) =>
  ok(await organizations.listOrganizations(organizationPorts(), caller, query)),
);
