/** POST /v1/applications/{id}/withdraw: its volunteer withdraws; a freed seat goes to the first waitlisted applicant. */
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { applicationDecisionPorts } from './ports.js';
import { withdrawApplication } from './routes.js';

export const handler = http(withdrawApplication).handler(async ({ path, caller }) => {
  // Which application took the freed seat is another volunteer's business: never in this answer.
  const { id, status } = await applications.withdrawApplication(applicationDecisionPorts(), caller, path.id);
  return ok({ id, status });
});
