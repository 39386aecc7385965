/** GET /v1/opportunities/{id}/candidates: ranked candidates for that organisation's managers; display data only. */
import { matchingRepository } from '../../../shared/db/matching-repository.js';
import { opportunityRepository } from '../../../shared/db/opportunity-repository.js';
import { candidates, PageQuery } from '../../../shared/domain/matching/read.js';
import { OpportunityPath } from '../../../shared/domain/opportunities/schema.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';

export const handler = http({ path: OpportunityPath, query: PageQuery, groups: ['org-manager'] }).handler(async ({ path, query, caller }) =>
  ok(await candidates(matchingRepository(), opportunityRepository(), caller, path.id, query)),
);
