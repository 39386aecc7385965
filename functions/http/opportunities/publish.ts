/** POST /v1/opportunities/{id}/publish: its organisation's manager publishes a draft (it becomes searchable). */
import { OpportunityPath } from '../../../shared/domain/opportunities/schema.js';
import * as opportunities from '../../../shared/domain/opportunities/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { opportunityPorts } from './ports.js';

export const handler = http({ path: OpportunityPath, groups: ['org-manager'] }).handler(async ({ path, caller }) =>
  ok(await opportunities.publishOpportunity(opportunityPorts(), caller, path.id)),
);
