/** POST /v1/organizations/{orgId}/managers: its managers or ministry-admin add a certified volunteer manager. */
import * as organizations from '../../../shared/domain/organizations/service.js';
import { userDirectory } from '../../../shared/identity/user-directory.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { organizationPorts } from './ports.js';
import { addOrganizationManager } from './routes.js';

export const handler = http(addOrganizationManager, { idempotency: idempotent }).handler(async ({ path, body, caller }) =>
  created(await organizations.addManager({ ...organizationPorts(), directory: userDirectory() }, caller, path.orgId, body)),
);
