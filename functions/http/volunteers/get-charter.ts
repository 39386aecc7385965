/** GET /v1/charter: the current ethics charter, public. */
import { getCharter as currentCharter } from '../../../shared/domain/volunteers/service.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { getCharter } from './routes.js';

/** The documents change only with a deployment; let clients and CDNs keep them for a while. */
const CACHE = { 'cache-control': 'public, max-age=300' };

export const handler = http(getCharter).handler(async () => json(200, currentCharter(), CACHE));
