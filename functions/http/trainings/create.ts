/** POST /v1/organizations/{orgId}/trainings: an organisation's managers author a module. */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { createTraining } from './routes.js';

export const handler = http(createTraining, { idempotency: idempotent }).handler(async ({ path, body, caller }) => created(await training.createTraining(trainingPorts(), caller, path.orgId, body)));
