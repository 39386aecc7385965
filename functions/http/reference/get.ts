/** GET /v1/reference: reference ids and labels for clients' forms; the same for everyone, so cacheable. */
import { referenceData } from '../../../shared/domain/reference/catalogue.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { getReference } from './routes.js';

const body = referenceData;

export const handler = http(getReference).handler(async () => json(200, body, { 'cache-control': 'public, max-age=3600' }));
