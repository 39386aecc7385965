/** GET /v1/volunteers/me/export: everything held about the caller, as JSON or (Accept: application/zip) a ZIP of CSV files. */
import { exportFiles, exportPersonalData } from '../../../shared/domain/personal-data/service.js';
import { zip } from '../../../shared/formats/zip.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { auditAccess } from './audit.js';
import { personalDataPorts } from './reader.js';
import { exportMyPersonalData } from './routes.js';

const wantsZip = (accept: string | undefined): boolean => /(^|,)\s*application\/zip\b/i.test(accept ?? '');

export const handler = http(exportMyPersonalData).handler(async ({ caller, headers }) => {
  const copy = await exportPersonalData(personalDataPorts(), caller.sub);
  await auditAccess(exportMyPersonalData, caller, { what: 'export', subjects: [caller.sub] });
  if (!wantsZip(headers.accept)) return ok(copy);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="tatawwu-personal-data-${copy.generatedAt.slice(0, 10)}.zip"` },
    body: zip(exportFiles(copy), new Date(copy.generatedAt)).toString('base64'),
    isBase64Encoded: true,
  };
});
