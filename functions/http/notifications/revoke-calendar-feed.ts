/** DELETE /v1/volunteers/me/calendar-feed: the caller's secret feed URL stops working. */
import { calendarFeedRepository } from '../../../shared/db/calendar-feed-repository.js';
import { http } from '../../../shared/middleware/http.js';
import { noContent } from '../../../shared/middleware/responses.js';
import { revokeCalendarFeed } from './routes.js';

export const handler = http(revokeCalendarFeed).handler(async ({ caller }) => {
  await calendarFeedRepository().revoke(caller.sub);
  return noContent();
});
