/** POST /v1/opportunities/{id}/close: its organisation's manager closes a draft or published opportunity. */
import { OpportunityPath } from '../../../shared/domain/opportunities/schema.js';
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityPorts } from './ports.js';

export const handler = http({ path: OpportunityPath, groups: ['org-manager'] }).handler(async ({ path, caller }) =>
  ok(await opportunities.closeOpportunity(opportunityPorts(), caller, path.id)),
);
