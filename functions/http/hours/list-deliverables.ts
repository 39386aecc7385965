/** GET /v1/opportunities/{id}/deliverables: a project's deliverables and their status. */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { hoursListPorts } from './reads.js';
import { listDeliverables } from './routes.js';

export const handler = http(listDeliverables).handler(async ({ path, caller }) => ok(await hours.listDeliverables(hoursListPorts(), caller, path.id)));
