/** GET /v1/volunteers/me: the caller's own profile (404 until they register). */
import { systemClock } from '../../../shared/clock.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import * as volunteers from '../../../shared/domain/volunteers/service.js';
import { http } from '../../../shared/middleware/http.js';
import { ok } from '../../../shared/middleware/responses.js';
import { getMyVolunteerProfile } from './routes.js';

export const handler = http(getMyVolunteerProfile).handler(async ({ caller }) =>
  ok(await volunteers.getProfile({ repo: volunteerRepository(), clock: systemClock }, caller)),
);
