/** GET /v1/organizations/{orgId}/managers: its managers and the ministry list the organisation's managers. */
import * as organizations from '../../../shared/domain/organizations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { organizationPorts } from './ports.js';
import { listOrganizationManagers } from './routes.js';

export const handler = http(listOrganizationManagers).handler(async ({ path, caller }) =>
  ok({ items: await organizations.listManagers(organizationPorts(), caller, path.orgId) }),
);
