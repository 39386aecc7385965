/**
 * VolunteerRegistered (volunteerId = the Cognito sub) → the user joins the Cognito `volunteer` group (the `/me` routes need it;
 * the client refreshes its token after registering). Idempotent: joining twice is a no-op.
 */
import type { VolunteerRegisteredDetail } from '../../shared/domain/volunteers/schema.js';
import type { DomainEventEnvelope } from './definition.js';
import { volunteerDirectory } from '../../shared/identity/user-directory.js';
import { logger } from '../../shared/powertools/logger.js';

export const handler = async (event: DomainEventEnvelope<Pick<VolunteerRegisteredDetail, 'volunteerId'>>): Promise<void> => {
  await volunteerDirectory().grantVolunteer(event.detail.volunteerId);
  logger.info('volunteer group granted', { eventId: event.detail.eventId });
};
