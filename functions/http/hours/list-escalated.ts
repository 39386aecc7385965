/** GET /v1/hours/escalated: the ministry reviewers' queue. */
import { hoursLists } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { auditAccess } from '../personal-data/audit.js';
import { storePorts } from './reads.js';
import { listEscalatedHours } from './routes.js';

export const handler = http(listEscalatedHours).handler(async ({ query, caller }) => {
  const page = await hours.listEscalated(storePorts(hoursLists()), caller, query);
  await auditAccess(listEscalatedHours, caller, { what: 'hours', subjects: page.items.map((item) => item.volunteerId) });
  return ok(page);
});
