/** GET /v1/volunteers/me/certificates: the caller's certificates. */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { certificateReadPorts } from './ports.js';
import { listMyCertificates } from './routes.js';

export const handler = http(listMyCertificates).handler(async ({ caller }) => ok(await certificates.listMine(certificateReadPorts(), caller)));
