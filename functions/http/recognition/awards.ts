/** GET /v1/awards?month=: the awards given for a month. */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { listAwards } from './routes.js';

export const handler = http(listAwards).handler(async ({ query }) =>
  json(200, await recognition.awardsOf(recognitionStore(), query.month), { 'cache-control': 'public, max-age=300' }),
);
