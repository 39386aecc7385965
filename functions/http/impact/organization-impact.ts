/** GET /v1/organizations/{orgId}/impact: its managers and the ministry; JSON or CSV. */
import { organizationCsv, wantsCsv } from '../../../shared/domain/impact/csv.js';
import { organizationImpact } from '../../../shared/domain/impact/views.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { impactPorts } from './ports.js';
import { getOrganizationImpact } from './routes.js';

export const handler = http(getOrganizationImpact).handler(async ({ path, query, caller, headers }) => {
  const impact = await organizationImpact(impactPorts(), caller, path.orgId, query);
  if (!wantsCsv(headers.accept)) return ok(impact);
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="impact-${path.orgId}-${impact.from}-${impact.to}.csv"` },
    body: organizationCsv(impact),
  };
});
