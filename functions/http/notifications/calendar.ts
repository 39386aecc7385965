/**
 * GET /v1/volunteers/me/calendar.ics: the caller's approved shifts as an iCalendar feed. Each
 * shift keeps the same UID (shift-<id>@tatawwu.sa) in the feed and in every invite, so a
 * refresh or a later invite replaces the entry instead of adding one; a withdrawn seat simply
 * leaves the feed; a seat cancelled because the opportunity was closed stays in it as
 * STATUS:CANCELLED (same UID, higher SEQUENCE), so a subscribed calendar marks it cancelled.
 * Shifts that ended more than 30 days ago are left out.
 */
import { http } from '../../../shared/middleware/http.js';
import { text } from '../../../shared/middleware/responses.js';
import { approvedShifts, cancelledShifts, reminderSource } from '../../../shared/db/notification-repository.js';
import { buildCalendar } from '../../../shared/messaging/ics.js';
import { getMyCalendar } from './routes.js';

const KEEP_PAST_MS = 30 * 86_400_000;

export const handler = http(getMyCalendar).handler(async ({ caller }) => {
  const now = new Date();
  const since = new Date(now.getTime() - KEEP_PAST_MS).toISOString();
  const [bookings, cancelled] = await Promise.all([approvedShifts(caller.sub, since), cancelledShifts(caller.sub, since)]);
  const source = reminderSource();
  const contexts = await Promise.all([...bookings, ...cancelled].map((booking) => source.shiftContext(booking)));
  const events = contexts.flatMap((context, i) =>
    !context ? [] : i < bookings.length ? [context.calendar] : [{ ...context.calendar, status: 'CANCELLED' as const, sequence: 1 }],
  );
  const response = text(200, buildCalendar(events, { stamp: now.toISOString(), name: 'تطوع | Tatawwu' }), 'text/calendar; charset=utf-8');
  return { ...response, headers: { ...response.headers, 'cache-control': 'private, max-age=300' } };
});
