/** GET /v1/rewards: the incentive catalogue. */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { listRewards } from './routes.js';

export const handler = http(listRewards).handler(async () => ok(await recognition.listRewards(recognitionStore())));
