/**
 * GET /v1/calendar-feeds/{secret}/calendar.ics: the calendar of the volunteer the secret URL
 * belongs to, without a bearer token (calendar apps cannot send one). An unknown or revoked
 * secret is a 404, like any other unknown address.
 */
import { calendarFeedRepository } from '../../../shared/db/calendar-feed-repository.js';
import { NotFoundError } from '../../../shared/domain/errors.js';
import { http } from '../../../shared/middleware/http.js';
import { calendarResponse } from './feed.js';
import { getCalendarFeed } from './routes.js';

export const handler = http(getCalendarFeed).handler(async ({ path }) => {
  const volunteerId = await calendarFeedRepository().volunteerOf(path.secret);
  if (!volunteerId) throw new NotFoundError('calendar feed not found');
  return calendarResponse(volunteerId, new Date());
});
