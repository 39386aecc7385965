/** POST /v1/trainings: a ministry-admin authors a national module. */
import * as training from '../../../shared/domain/training/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { trainingPorts } from './ports.js';
import { createNationalTraining } from './routes.js';

export const handler = http(createNationalTraining, { idempotency: idempotent }).handler(async ({ body, caller }) => created(await training.createNationalTraining(trainingPorts(), caller, body)));
