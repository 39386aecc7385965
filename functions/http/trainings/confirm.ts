/** POST /v1/trainings/{id}/confirmations: a manager confirms a practical module. */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { confirmTraining } from './routes.js';

export const handler = http(confirmTraining).handler(async ({ path, body, caller }) => ok(await training.confirmPractical(trainingPorts(), caller, path.id, body)));
