/** POST /v1/certificates/{id}/revoke: the issuing organisation's managers or a ministry-admin revoke a certificate. */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { certificatePorts } from './ports.js';
import { revokeCertificate } from './routes.js';

export const handler = http(revokeCertificate).handler(async ({ path, body, caller, event }) =>
  ok(await certificates.revoke(certificatePorts(event), caller, path.id, body.reason)),
);
