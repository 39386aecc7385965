/** GET /v1/organizations/{orgId}/applications?status=: that organisation's review queue, oldest first, paginated, with who applied. */
import { applicantReads } from '../../../shared/db/applicant-reads.js';
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { auditAccess } from '../personal-data/audit.js';
import { applicationListPorts } from './ports.js';
import { listOrganizationApplications } from './routes.js';

export const handler = http(listOrganizationApplications).handler(async ({ path, query, caller }) => {
  const page = await applications.listOrganizationApplications({ ...applicationListPorts(), applicants: applicantReads() }, caller, path.orgId, query);
  // The queue shows who applied (names, city, skills), and approved volunteers' contact data:
  // a read of their personal data (issue 18).
  const what = query.status === 'approved' ? 'contact' : 'applications';
  await auditAccess(listOrganizationApplications, caller, { what, subjects: page.items.map((item) => item.volunteerId) });
  return ok(page);
});
