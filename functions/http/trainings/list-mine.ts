/** GET /v1/volunteers/me/trainings: the caller's completions with their expiry. */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { listMyTrainings } from './routes.js';

export const handler = http(listMyTrainings).handler(async ({ caller }) => ok(await training.listMyTrainings(trainingPorts(), caller)));
