/** GET /v1/applications/{id}: its volunteer or that organisation's managers; status, history, waitlist position. */
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { auditAccess } from '../personal-data/audit.js';
import { applicationReadPorts } from './ports.js';
import { getApplication } from './routes.js';

export const handler = http(getApplication).handler(async ({ path, caller }) => {
  const view = await applications.viewApplication(applicationReadPorts(), caller, path.id);
  // A manager reading a volunteer's application is audited (issue 18); the volunteer's own read is not.
  await auditAccess(getApplication, caller, { what: 'application', subjects: [view.volunteerId], recordId: view.id });
  return ok(view);
});
