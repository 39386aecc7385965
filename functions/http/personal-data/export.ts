/**
 * GET /v1/volunteers/me/export: everything held about the caller, as JSON or (Accept:
 * application/zip) a ZIP of CSV files; a copy too large to answer at once is prepared
 * asynchronously (202, the link emailed).
 */
import { ASYNC_EXPORT_ABOVE_BYTES, requestCopy } from '../../../shared/domain/personal-data/export-jobs.js';
import { exportFiles } from '../../../shared/domain/personal-data/service.js';
import { zip } from '../../../shared/formats/zip.js';
import { http } from '../../../shared/middleware/http.js';
import { accepted, ok } from '../../../shared/middleware/responses.js';
import { auditAccess } from './audit.js';
import { exportRequestPorts } from './reader.js';
import { exportMyPersonalData } from './routes.js';

const wantsZip = (accept: string | undefined): boolean => /(^|,)\s*application\/zip\b/i.test(accept ?? '');
/** `EXPORT_ASYNC_ABOVE_BYTES` overrides the size above which a copy is prepared asynchronously (tests, operations). */
const asyncAbove = (): number => Number(process.env.EXPORT_ASYNC_ABOVE_BYTES) || ASYNC_EXPORT_ABOVE_BYTES;

export const handler = http(exportMyPersonalData).handler(async ({ caller, headers }) => {
  const answer = await requestCopy(exportRequestPorts(), caller.sub, asyncAbove());
  await auditAccess(exportMyPersonalData, caller, { what: 'export', subjects: [caller.sub] });
  if ('preparing' in answer) return accepted(answer.preparing);
  const { copy } = answer;
  if (!wantsZip(headers.accept)) return ok(copy);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="tatawwu-personal-data-${copy.generatedAt.slice(0, 10)}.zip"` },
    body: zip(exportFiles(copy), new Date(copy.generatedAt)).toString('base64'),
    isBase64Encoded: true,
  };
});
