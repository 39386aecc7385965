/** POST /v1/volunteers: the signed-in user creates their volunteer profile (once per user and per national ID). */
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import { systemClock } from '../../../shared/clock.js';
import { RegisterVolunteer } from '../../../shared/domain/volunteers/schema.js';
import * as volunteers from '../../../shared/domain/volunteers/service.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { pepperedNationalIds } from '../../../shared/security/national-id-protector.js';

export const handler = http({ body: RegisterVolunteer })
  .use(idempotent())
  .handler(async ({ body, caller }) => {
    const ports = { repo: volunteerRepository(), clock: systemClock, nationalIds: pepperedNationalIds() };
    const profile = await volunteers.register(ports, caller, body);
    return created(profile, '/v1/volunteers/me');
  });
