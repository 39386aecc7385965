/** GET /v1/opportunities/{id}/deliverables: a project's deliverables and their status. */
import { hoursDeliverables, hoursShifts } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { storePorts } from './reads.js';
import { listDeliverables } from './routes.js';

export const handler = http(listDeliverables).handler(async ({ path, caller }) => ok(await hours.listDeliverables(storePorts({ ...hoursShifts(), ...hoursDeliverables() }), caller, path.id)));
