/** GET /v1/volunteers/me/ratings: the caller's ratings. */
import * as evaluations from '../../../shared/domain/evaluations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { evaluationPorts } from './ports.js';
import { getMyRatings } from './routes.js';

export const handler = http(getMyRatings).handler(async ({ caller }) => ok(await evaluations.volunteerRatings(evaluationPorts(), caller, caller.sub)));
