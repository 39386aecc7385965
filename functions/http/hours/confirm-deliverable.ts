/** POST /v1/opportunities/{id}/deliverables/{deliverableId}/confirm: a manager confirms a deliverable as done, once. */
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { hoursListPorts } from './reads.js';
import { confirmDeliverable } from './routes.js';

export const handler = http(confirmDeliverable).handler(async ({ path, body, caller }) => ok(await hours.confirmDeliverable(hoursListPorts(), caller, path.id, path.deliverableId, body)));
