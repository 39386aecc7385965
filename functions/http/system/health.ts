/** GET /health: liveness. */
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { health } from './routes.js';

export const handler = http(health).handler(async () => ok({ status: 'ok' }));
