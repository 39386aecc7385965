/**
 * Notification routes: the volunteer's private calendar feed (group `volunteer`; each caller
 * only ever gets their own shifts).
 */
import { defineRoutes } from '../route.js';

export const notificationRoutes = defineRoutes([
  {
    id: 'GetMyCalendar',
    method: 'GET',
    path: '/v1/volunteers/me/calendar.ics',
    entry: 'functions/http/notifications/calendar.ts',
    auth: 'required',
    needs: ['table:read'],
    docs: {
      summary:
        "The caller's approved shifts as an iCalendar feed (text/calendar). UIDs are stable per shift, so updates replace entries and never duplicate them; withdrawn seats disappear.",
      tags: ['notifications'],
      responses: { 200: { description: 'an iCalendar (RFC 5545) document', contentType: 'text/calendar' } },
      errors: [401, 403],
    },
  },
]);
