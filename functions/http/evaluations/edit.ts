/** PATCH /v1/shifts/{shiftId}/evaluations: edit within 7 days. */
import * as evaluations from '../../../shared/domain/evaluations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { evaluationPorts } from './ports.js';
import { editEvaluation } from './routes.js';

export const handler = http(editEvaluation).handler(async ({ path, body, caller }) => ok(await evaluations.editEvaluation(evaluationPorts(), caller, path.shiftId, body)));
