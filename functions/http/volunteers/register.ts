/** POST /v1/volunteers: the signed-in user creates their volunteer profile (once per user and per national ID). */
import { systemClock } from '../../../shared/clock.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import * as volunteers from '../../../shared/domain/volunteers/service.js';
import { http } from '../../../shared/middleware/http.js';
import { created } from '../../../shared/middleware/responses.js';
import { pepperedNationalIds } from '../../../shared/security/national-id-protector.js';
import { registerVolunteer } from './routes.js';

export const handler = http(registerVolunteer).handler(async ({ body, caller }) => {
  const ports = { repo: volunteerRepository(), clock: systemClock, nationalIds: pepperedNationalIds() };
  return created(await volunteers.register(ports, caller, body), '/v1/volunteers/me');
});
