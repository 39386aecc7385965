/** GET /v1/applications/{id}: its volunteer or that organisation's managers; status, history, waitlist position. */
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { applicationPorts } from './ports.js';
import { getApplication } from './routes.js';

export const handler = http(getApplication).handler(async ({ path, caller }) =>
  ok(await applications.viewApplication(applicationPorts(), caller, path.id)),
);
