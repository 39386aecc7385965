/**
 * POST /v1/volunteers/me/charter-acceptances: accepts the current charter. 201 the first time;
 * 200 with the original `acceptedAt` when that version was already accepted.
 */
import { systemClock } from '../../../shared/clock.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import * as volunteers from '../../../shared/domain/volunteers/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created, ok } from '../../../shared/middleware/responses.js';
import { acceptCharter } from './routes.js';

export const handler = http(acceptCharter, { idempotency: idempotent }).handler(async ({ body, caller }) => {
  const result = await volunteers.acceptCharter({ repo: volunteerRepository(), clock: systemClock }, caller, body);
  return result.created ? created(result.acceptance) : ok(result.acceptance);
});
