/** HEAD /health: liveness, no body. */
import { http } from '../../../shared/middleware/http.js';
import { healthHead } from './routes.js';

export const handler = http(healthHead).handler(async () => ({ statusCode: 200, headers: { 'cache-control': 'no-store' }, body: '' }));
