/** PATCH /v1/volunteers/me: partial update of the caller's profile (the national ID cannot change). */
import { systemClock } from '../../../shared/clock.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import * as volunteers from '../../../shared/domain/volunteers/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { updateMyVolunteerProfile } from './routes.js';

export const handler = http(updateMyVolunteerProfile).handler(async ({ body, caller }) =>
  ok(await volunteers.updateProfile({ repo: volunteerRepository(), clock: systemClock }, caller, body)),
);
