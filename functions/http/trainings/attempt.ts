/** POST /v1/trainings/{id}/attempts: graded server-side, 3 attempts per 24 h. */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { attemptTraining } from './routes.js';

export const handler = http(attemptTraining).handler(async ({ path, body, caller }) => ok(await training.attemptTraining(trainingPorts(), caller, path.id, body)));
