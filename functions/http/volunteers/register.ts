/**
 * POST /v1/volunteers: the signed-in user creates their volunteer profile (once per user and per
 * national ID). A caller whose token has no `volunteer` group joins it in this very request (in
 * the cloud: Cognito AdminAddUserToGroup), so one token refresh is enough before the `/me`
 * routes; the 201 says so (`tokenRefreshRequired`). Should that call fail, the profile stands
 * and the VolunteerRegistered consumer grants the group shortly after.
 */
import { systemClock } from '../../../shared/clock.js';
import { volunteerRegistration } from '../../../shared/db/volunteer-registration.js';
import * as volunteers from '../../../shared/domain/volunteers/service.js';
import { volunteerDirectory } from '../../../shared/identity/user-directory.js';
import { http } from '../../../shared/middleware/http.js';
import { idempotent } from '../../../shared/middleware/idempotency.js';
import { created } from '../../../shared/middleware/responses.js';
import { logger } from '../../../shared/powertools/logger.js';
import { pepperedNationalIds } from '../../../shared/security/national-id-protector.js';
import { registerVolunteer } from './routes.js';

export const handler = http(registerVolunteer, { idempotency: idempotent }).handler(async ({ body, caller }) => {
  const ports = { repo: volunteerRegistration(), clock: systemClock, nationalIds: pepperedNationalIds() };
  const profile = await volunteers.register(ports, caller, body);
  if (caller.groups.includes('volunteer')) return created(profile, '/v1/volunteers/me');
  await volunteerDirectory()
    .grantVolunteer(caller.sub)
    .catch((error: unknown) => logger.warn('volunteer group not granted in the request; the VolunteerRegistered consumer will', { error }));
  return created({ ...profile, tokenRefreshRequired: true }, '/v1/volunteers/me');
});
