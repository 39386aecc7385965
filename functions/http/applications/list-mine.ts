/** GET /v1/volunteers/me/applications: the caller's applications, newest first, paginated. */
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { applicationListPorts } from './ports.js';
import { listMyApplications } from './routes.js';

export const handler = http(listMyApplications).handler(async ({ query, caller }) =>
  ok(await applications.listMyApplications(applicationListPorts(), caller, query)),
);
