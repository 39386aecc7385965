/** GET /v1/stats/national: the ministry's KPIs against the targets; JSON or CSV. */
import { nationalCsv, wantsCsv } from '../../../shared/domain/impact/csv.js';
import { nationalStats } from '../../../shared/domain/impact/views.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { impactPorts } from './ports.js';
import { getNationalStats } from './routes.js';

export const handler = http(getNationalStats).handler(async ({ query, caller, headers }) => {
  const stats = await nationalStats(impactPorts(), caller, query);
  if (!wantsCsv(headers.accept)) return ok(stats);
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="national-${stats.from}-${stats.to}.csv"` },
    body: nationalCsv(stats),
  };
});
