/**
 * DELETE /v1/volunteers/me: without a body, emails a confirmation code; with `{ code }`, starts
 * the Erasure workflow (functions/workflows/erasure). Both answer 202.
 */
import { confirmErasure, requestErasure } from '../../../shared/domain/personal-data/erasure.js';
import { http } from '../../../shared/middleware/http.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { auditAccess } from './audit.js';
import { erasurePorts } from './ports.js';
import { eraseMe } from './routes.js';

export const handler = http(eraseMe).handler(async ({ body, caller }) => {
  if (!body) return accepted(await requestErasure(erasurePorts(), caller));
  const answer = await confirmErasure(erasurePorts(), caller, body.code);
  await auditAccess(eraseMe, caller, { what: 'erasure', subjects: [caller.sub] });
  return accepted(answer);
});
