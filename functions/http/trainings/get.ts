/** GET /v1/trainings/{id}: the live version without the answers. */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { getTraining } from './routes.js';

export const handler = http(getTraining).handler(async ({ path, caller }) => ok(await training.viewTraining(trainingPorts(), caller, path.id)));
