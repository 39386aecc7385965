/** POST /v1/applications/{id}/decision: that organisation's manager approves or rejects, once; the review resumes. */
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { applicationDecisionPorts } from './ports.js';
import { decideApplication } from './routes.js';

export const handler = http(decideApplication).handler(async ({ path, body, caller }) =>
  ok(await applications.decideApplication(applicationDecisionPorts(), caller, path.id, body)),
);
