/** GET /v1/shifts/{shiftId}/evaluations: the shift's feedback for its managers (k-anonymous comments). */
import * as evaluations from '../../../shared/domain/evaluations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { evaluationPorts } from './ports.js';
import { getShiftFeedback } from './routes.js';

export const handler = http(getShiftFeedback).handler(async ({ path, caller }) => ok(await evaluations.shiftFeedback(evaluationPorts(), caller, path.shiftId)));
