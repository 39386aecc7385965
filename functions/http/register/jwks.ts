/** GET /.well-known/jwks.json: the keys that verify certificates (current and rotated out). */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { json } from '../../../shared/middleware/responses.js';
import { signer } from '../../../shared/signing/index.js';
import { getJwks } from './routes.js';

export const handler = http(getJwks).handler(async () =>
  json(200, await certificates.jwks({ signer }), { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' }),
);
