/**
 * DELETE /v1/volunteers/me: without a body, emails a confirmation code; with `{ code }`, starts
 * the Erasure workflow (functions/workflows/erasure). Both answer 202.
 */
import { confirmErasure, requestErasure } from '../../../shared/domain/personal-data/erasure.js';
import { http } from '../../../shared/middleware/http.js';
import { accepted } from '../../../shared/middleware/responses.js';
import { erasurePorts } from './ports.js';
import { eraseMe } from './routes.js';

export const handler = http(eraseMe).handler(async ({ body, caller }) =>
  accepted(body ? await confirmErasure(erasurePorts(), caller, body.code) : await requestErasure(erasurePorts(), caller)),
);
