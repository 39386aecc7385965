/** POST /v1/organizations: any signed-in user registers an organisation; it waits for the ministry (202). */
import * as organizations from '../../../shared/domain/organizations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { registrationPorts } from './ports.js';
import { registerOrganization } from './routes.js';

export const handler = http(registerOrganization, { idempotency: idempotent }).handler(async ({ body, caller }) =>
  accepted(await organizations.registerOrganization(registrationPorts(), caller, body)),
);
