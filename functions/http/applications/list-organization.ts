/** GET /v1/organizations/{orgId}/applications?status=: that organisation's review queue, oldest first, paginated, with who applied. */
import { applicantReads } from '../../../shared/db/applicant-reads.js';
import * as applications from '../../../shared/domain/applications/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { applicationPorts } from './ports.js';
import { listOrganizationApplications } from './routes.js';

export const handler = http(listOrganizationApplications).handler(async ({ path, query, caller }) =>
  ok(await applications.listOrganizationApplications({ ...applicationPorts(), applicants: applicantReads() }, caller, path.orgId, query)),
);
