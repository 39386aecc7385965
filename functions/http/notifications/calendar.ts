/**
 * GET /v1/volunteers/me/calendar.ics: the caller's approved shifts as an iCalendar feed. Each
 * shift keeps the same UID (shift-<id>@tatawwu.sa) in the feed and in every invite, so a
 * refresh or a later invite replaces the entry instead of adding one; a withdrawn seat simply
 * leaves the feed; a seat cancelled because the opportunity was closed stays in it as
 * STATUS:CANCELLED (same UID, higher SEQUENCE), so a subscribed calendar marks it cancelled.
 */
import { http } from '../../../shared/middleware/http.js';
import { calendarResponse } from './feed.js';
import { getMyCalendar } from './routes.js';

export const handler = http(getMyCalendar).handler(async ({ caller }) => calendarResponse(caller.sub, new Date()));
