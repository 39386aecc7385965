/** POST /v1/opportunities/{id}/applications: a volunteer applies for a shift; 202, the review workflow takes over. */
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { submitPorts } from './ports.js';
import { submitApplication } from './routes.js';

export const handler = http(submitApplication, { idempotency: idempotent }).handler(async ({ path, body, caller }) =>
  accepted(await applications.submitApplication(submitPorts(), caller, path.id, body)),
);
