/**
 * VolunteerRegistered (volunteerId = the Cognito sub) → the user joins the Cognito `volunteer` group (the `/me` routes need it;
 * the client refreshes its token after registering). Idempotent: joining twice is a no-op.
 */
import { volunteerDirectory } from '../../shared/identity/user-directory.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { logger } from '../../shared/powertools/logger.js';
import { assignVolunteerGroup } from './index.js';

export const handler = consumer(assignVolunteerGroup).handler(async ({ detail }) => {
  await volunteerDirectory().grantVolunteer(detail.volunteerId);
  logger.info('volunteer group granted');
});
