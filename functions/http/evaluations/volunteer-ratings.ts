/** GET /v1/volunteers/{volunteerId}/ratings: for managers of organisations the volunteer applied to. */
import * as evaluations from '../../../shared/domain/evaluations/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { auditAccess } from '../personal-data/audit.js';
import { evaluationPorts } from './ports.js';
import { getVolunteerRatings } from './routes.js';

export const handler = http(getVolunteerRatings).handler(async ({ path, caller }) => {
  const ratings = await evaluations.volunteerRatings(evaluationPorts(), caller, path.volunteerId);
  await auditAccess(getVolunteerRatings, caller, { what: 'ratings', subjects: [path.volunteerId] });
  return ok(ratings);
});
