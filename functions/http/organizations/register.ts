/** POST /v1/organizations: any signed-in user registers an organisation; it waits for the ministry (202). */
import { RegisterOrganization } from '../../../shared/domain/organizations/schema.js';
import * as organizations from '../../../shared/domain/organizations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { onboardingWorkflow, organizationPorts } from './ports.js';

export const handler = http({ body: RegisterOrganization })
  .use(idempotent())
  .handler(async ({ body, caller }) => {
    const registered = await organizations.registerOrganization({ ...organizationPorts(), workflow: onboardingWorkflow() }, caller, body);
    return accepted(registered);
  });
