/** POST /v1/opportunities/{id}/applications: a volunteer applies for a shift; 202, the review workflow takes over. */
import { OpportunityIdPath, SubmitApplication } from '../../../shared/domain/applications/schema.js';
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { applicationPorts } from './ports.js';

export const handler = http({ path: OpportunityIdPath, body: SubmitApplication, groups: ['volunteer'] })
  .use(idempotent())
  .handler(async ({ path, body, caller }) => accepted(await applications.submitApplication(applicationPorts(), caller, path.id, body)));
