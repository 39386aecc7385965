/** POST /v1/applications/{id}/withdraw: its volunteer withdraws; a freed seat goes to the first waitlisted applicant. */
import { ApplicationPath } from '../../../shared/domain/applications/schema.js';
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { applicationPorts } from './ports.js';

export const handler = http({ path: ApplicationPath, groups: ['volunteer'] }).handler(async ({ path, caller }) =>
  ok(await applications.withdrawApplication(applicationPorts(), caller, path.id)),
);
