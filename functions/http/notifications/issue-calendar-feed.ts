/** POST /v1/volunteers/me/calendar-feed: a new secret feed URL for the caller; the previous one stops working. */
import { calendarFeedRepository, newFeedSecret } from '../../../shared/db/calendar-feed-repository.js';
import { http } from '../../../shared/middleware/http.js';
import { created } from '../../../shared/middleware/responses.js';
import { publicBaseUrl } from '../register/ports.js';
import { issueCalendarFeed } from './routes.js';

export const handler = http(issueCalendarFeed).handler(async ({ caller, event }) => {
  const secret = newFeedSecret();
  const createdAt = new Date().toISOString();
  await calendarFeedRepository().issue(caller.sub, secret, createdAt);
  return created({ url: `${publicBaseUrl(event)}/v1/calendar-feeds/${secret}/calendar.ics`, createdAt });
});
