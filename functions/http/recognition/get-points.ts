/** GET /v1/volunteers/me/points: the caller's balance and points ledger. */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { getMyPoints } from './routes.js';

export const handler = http(getMyPoints).handler(async ({ caller, query }) =>
  ok(await recognition.pointsOf(recognitionStore(), caller, query.limit, query.cursor)),
);
