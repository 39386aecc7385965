/** GET /v1/volunteers/me/badges: the caller's earned badges. */
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { recognitionStore } from './store.js';
import { listMyBadges } from './routes.js';

export const handler = http(listMyBadges).handler(async ({ caller }) => ok(await recognition.listBadges(recognitionStore(), caller)));
