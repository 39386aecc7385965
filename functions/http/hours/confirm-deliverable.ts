/** POST /v1/opportunities/{id}/deliverables/{deliverableId}/confirm: a manager confirms a deliverable as done, once. */
import { hoursDeliverables, hoursShifts } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { storePorts } from './reads.js';
import { confirmDeliverable } from './routes.js';

export const handler = http(confirmDeliverable).handler(async ({ path, body, caller }) => ok(await hours.confirmDeliverable(storePorts({ ...hoursShifts(), ...hoursDeliverables() }), caller, path.id, path.deliverableId, body)));
