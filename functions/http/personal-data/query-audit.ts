/** GET /v1/audit: the audit trail of access to personal data (ministry-admin). */
import { queryAudit } from '../../../shared/domain/personal-data/audit.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { auditPorts } from './audit.js';
import { getAuditTrail } from './routes.js';

export const handler = http(getAuditTrail).handler(async ({ query }) => ok(await queryAudit(auditPorts(), query)));
