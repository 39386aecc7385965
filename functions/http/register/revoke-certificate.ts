/** POST /v1/certificates/{id}/revoke: the issuing organisation's managers or a ministry-admin revoke a certificate. */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { certificateReadPorts } from './ports.js';
import { revokeCertificate } from './routes.js';

export const handler = http(revokeCertificate).handler(async ({ path, body, caller }) =>
  ok(await certificates.revoke(certificateReadPorts(), caller, path.id, body.reason)),
);
