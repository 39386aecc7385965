/** PUT /v1/trainings/{id}: edit a module (a new version when the latest is published). */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { updateTraining } from './routes.js';

export const handler = http(updateTraining).handler(async ({ path, body, caller }) => ok(await training.updateTraining(trainingPorts(), caller, path.id, body)));
