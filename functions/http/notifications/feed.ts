/**
 * A volunteer's calendar as iCalendar text, for the bearer feed and the secret-URL feed alike:
 * approved shifts CONFIRMED, seats cancelled by a closed opportunity CANCELLED (same UID,
 * SEQUENCE 1); shifts that ended more than 30 days ago are left out.
 */
import { approvedShifts, cancelledShifts, reminderSource } from '../../../shared/db/notification-reads.js';
import { buildCalendar } from '../../../shared/messaging/ics.js';
import { text } from '../../../shared/middleware/responses.js';

const KEEP_PAST_MS = 30 * 86_400_000;

export const calendarResponse = async (volunteerId: string, now: Date) => {
  const since = new Date(now.getTime() - KEEP_PAST_MS).toISOString();
  const [bookings, cancelled] = await Promise.all([approvedShifts(volunteerId, since), cancelledShifts(volunteerId, since)]);
  const source = reminderSource();
  const contexts = await Promise.all([...bookings, ...cancelled].map((booking) => source.shiftContext(booking)));
  const events = contexts.flatMap((context, i) =>
    !context ? [] : i < bookings.length ? [context.calendar] : [{ ...context.calendar, status: 'CANCELLED' as const, sequence: 1 }],
  );
  const response = text(200, buildCalendar(events, { stamp: now.toISOString(), name: 'تطوع | Tatawwu' }), 'text/calendar; charset=utf-8');
  return { ...response, headers: { ...response.headers, 'cache-control': 'private, max-age=300' } };
};
