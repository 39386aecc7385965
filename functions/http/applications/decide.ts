/** POST /v1/applications/{id}/decision: that organisation's manager approves or rejects, once; the review resumes. */
import { ApplicationDecision, ApplicationPath } from '../../../shared/domain/applications/schema.js';
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { applicationPorts } from './ports.js';

export const handler = http({ path: ApplicationPath, body: ApplicationDecision, groups: ['org-manager'] }).handler(async ({ path, body, caller }) =>
  ok(await applications.decideApplication(applicationPorts(), caller, path.id, body)),
);
