/** GET /v1/redemptions/{code}: a partner checks the code a volunteer shows (public, rate-limited). */
import { rateLimiter } from '../../../shared/db/certificate-repository.js';
import * as recognition from '../../../shared/domain/recognition/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { clientAddress } from '../register/ports.js';
import { recognitionStore } from './store.js';
import { checkRedemption } from './routes.js';

export const handler = http(checkRedemption).handler(async ({ path, event }) =>
  ok(await recognition.checkRedemption({ ...recognitionStore(), rateLimiter: rateLimiter() }, path.code, clientAddress(event))),
);
