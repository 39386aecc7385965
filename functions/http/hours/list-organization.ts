/** GET /v1/organizations/{orgId}/hours: the organisation's hours by status, oldest first. */
import { hoursAttendanceSummary, hoursLists } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { auditAccess } from '../personal-data/audit.js';
import { storePorts } from './reads.js';
import { listOrganizationHours } from './routes.js';

export const handler = http(listOrganizationHours).handler(async ({ path, query, caller }) => {
  const page = await hours.listForOrganization(storePorts({ ...hoursLists(), ...hoursAttendanceSummary() }), caller, path.orgId, query);
  await auditAccess(listOrganizationHours, caller, { what: 'hours', subjects: page.items.map((item) => item.volunteerId) });
  return ok(page);
});
