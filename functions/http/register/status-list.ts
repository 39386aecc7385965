/** GET /v1/status-lists/{id}: the Bitstring Status List credential (application/vc+jwt). */
import * as certificates from '../../../shared/domain/certificates/service.js';
import { http } from '../../../shared/middleware/http.js';
import { text } from '../../../shared/middleware/responses.js';
import { statusListPorts } from './ports.js';
import { getStatusList } from './routes.js';

export const handler = http(getStatusList).handler(async ({ path, event }) => {
  const response = text(200, await certificates.statusList(statusListPorts(event), path.id), 'application/vc+jwt');
  return { ...response, headers: { ...response.headers, 'cache-control': 'public, max-age=60' } };
});
