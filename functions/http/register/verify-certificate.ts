/** GET /v1/certificates/{code}: public verification (rate-limited per client address). */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { certificateReadPorts, clientAddress } from './ports.js';
import { verifyCertificate } from './routes.js';

export const handler = http(verifyCertificate).handler(async ({ path, event }) =>
  json(200, await certificates.verify(certificateReadPorts(), path.code, clientAddress(event)), { 'cache-control': 'no-store' }),
);
