/** POST /v1/shifts/{shiftId}/evaluations: once each, by attendees and the shift organisation's managers. */
import * as evaluations from '../../../shared/domain/evaluations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { created } from '../../../shared/middleware/responses.js';
import { evaluationPorts } from './ports.js';
import { submitEvaluation } from './routes.js';

export const handler = http(submitEvaluation).handler(async ({ path, body, caller }) => created(await evaluations.submitEvaluation(evaluationPorts(), caller, path.shiftId, body)));
