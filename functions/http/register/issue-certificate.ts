/** POST /v1/volunteers/me/certificates: a certificate of the caller's hours in a scope (201), or the scope's unchanged one (200). */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { created, ok } from '../../../shared/middleware/responses.js';
import { certificatePorts } from './ports.js';
import { issueCertificate } from './routes.js';

export const handler = http(issueCertificate).handler(async ({ body, caller, event }) => {
  const { certificate, created: isNew } = await certificates.issue(certificatePorts(event), caller, body);
  const view = certificates.issuedView(certificate);
  return isNew ? created(view, `/v1/certificates/${certificate.code}`) : ok(view);
});
