/** GET /v1/opportunities/{id}/candidates: ranked candidates for that organisation's managers; display data only. */
import { attendanceRecords } from '../../../shared/db/attendance-reads.js';
import { matchingReads } from '../../../shared/db/matching-reads.js';
import { matchingTrainingReads } from '../../../shared/db/matching-training-reads.js';
import { opportunityReads } from '../../../shared/db/opportunity-reads.js';
import { candidates } from '../../../shared/domain/matching/read.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { getOpportunityCandidates } from './routes.js';

export const handler = http(getOpportunityCandidates).handler(async ({ path, query, caller }) =>
  ok(await candidates({ ...matchingReads(), ...matchingTrainingReads(), attendance: (ids) => attendanceRecords(ids) }, opportunityReads(), caller, path.id, query)),
);
