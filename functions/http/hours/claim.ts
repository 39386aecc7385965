/** POST /v1/opportunities/{id}/hours: hours claimed on a project or remote opportunity. */
import { hoursLedgers, hoursShifts, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { verificationPorts } from './ports.js';
import { claimHours } from './routes.js';

export const handler = http(claimHours, { idempotency: idempotent }).handler(async ({ path, body, caller }) => created(await hours.claimHours(verificationPorts({ ...hoursShifts(), ...hoursLedgers(), ...hoursWrites() }), caller, path.id, body)));
