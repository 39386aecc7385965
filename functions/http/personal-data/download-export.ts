/** GET /v1/volunteers/me/exports/{exportId}?token=: the one download of a prepared copy (303 to a short-lived link). */
import { downloadCopy } from '../../../shared/domain/personal-data/export-jobs.js';
import { http } from '../../../shared/middleware/http.js';
import { securityHeaders } from '../../../shared/middleware/security-headers.js';
import { exportDownloadPorts } from './files.js';
import { downloadMyExport } from './routes.js';

export const handler = http(downloadMyExport).handler(async ({ caller, path, query }) => ({
  statusCode: 303,
  headers: securityHeaders({ location: await downloadCopy(exportDownloadPorts(), caller.sub, path.exportId, query.token), 'cache-control': 'no-store' }),
}));
