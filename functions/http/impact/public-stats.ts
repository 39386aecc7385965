/** GET /v1/stats/public: national totals for anyone; cacheable (CDNs and browsers keep it 5 minutes). */
import { publicStats } from '../../../shared/domain/impact/views.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { impactPorts } from './ports.js';
import { getPublicStats } from './routes.js';

export const handler = http(getPublicStats).handler(async () =>
  json(200, await publicStats(impactPorts()), { 'cache-control': 'public, max-age=300, s-maxage=300, stale-while-revalidate=60' }),
);
