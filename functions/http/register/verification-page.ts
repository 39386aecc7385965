/** GET /verify/{code}: the public verification as a bilingual web page (404 page for an unknown code). */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { certificateReadPorts, clientAddress } from './ports.js';
import { notFoundPage, pageHeaders, renderVerificationPage } from './page.js';
import { verificationPage } from './routes.js';

export const handler = http(verificationPage).handler(async ({ path, event }) => {
  const certificate = await certificates.lookup(certificateReadPorts(), path.code, clientAddress(event));
  if (!certificate) return { statusCode: 404, headers: pageHeaders(false), body: notFoundPage() };
  return { statusCode: 200, headers: pageHeaders(false), body: await renderVerificationPage(certificates.verificationView(certificate)) };
});
