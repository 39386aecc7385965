/** GET /v1/companies/{companyId}/report: the company's contribution, JSON or CSV (UTF-8 with BOM). */
import { companyReport, reportCsv } from '../../../shared/domain/companies/contributions.js';
import { wantsCsv } from '../../../shared/domain/impact/csv.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { reportPorts } from './ports.js';
import { getCompanyReport } from './routes.js';

export const handler = http(getCompanyReport).handler(async ({ path, query, caller, headers }) => {
  const report = await companyReport(reportPorts(), caller, path.companyId, query);
  if (!wantsCsv(headers.accept)) return ok(report);
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="company-${path.companyId}-${report.from}-${report.to}.csv"` },
    body: reportCsv(report),
  };
});
