/** GET /v1/leaderboard: top volunteers by approved minutes (display names only). */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { getLeaderboard } from './routes.js';

export const handler = http(getLeaderboard).handler(async ({ query }) =>
  json(200, await recognition.leaderboard(recognitionStore(), query), { 'cache-control': 'public, max-age=60' }),
);
