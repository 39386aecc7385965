/** GET /v1/guide: the volunteer guide (duties, responsibilities, rights), public. */
import { getGuide } from '../../../shared/domain/volunteers/service.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { getVolunteerGuide } from './routes.js';

/** The documents change only with a deployment; let clients and CDNs keep them for a while. */
const CACHE = { 'cache-control': 'public, max-age=300' };

export const handler = http(getVolunteerGuide).handler(async () => json(200, getGuide(), CACHE));
