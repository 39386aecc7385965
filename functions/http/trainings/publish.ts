/** POST /v1/trainings/{id}/publish: the draft goes live. */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { publishTraining } from './routes.js';

export const handler = http(publishTraining).handler(async ({ path, caller }) => ok(await training.publishTraining(trainingPorts(), caller, path.id)));
