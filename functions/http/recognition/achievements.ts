/** GET /v1/achievements: the public feed of badges and awards (display names only). */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { listAchievements } from './routes.js';

export const handler = http(listAchievements).handler(async ({ query }) =>
  json(200, await recognition.achievements(recognitionStore(), query.limit, query.cursor), { 'cache-control': 'public, max-age=60' }),
);
