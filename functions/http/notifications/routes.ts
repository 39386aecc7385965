/**
 * Notification routes: the volunteer's private calendar feed (group `volunteer`; each caller
 * only ever gets their own shifts).
 */
import { defineOperation } from '../operation.js';

export const getMyCalendar = /* @__PURE__ */ defineOperation({
  id: 'GetMyCalendar',
  method: 'GET',
  path: '/v1/volunteers/me/calendar.ics',
  entry: 'functions/http/notifications/calendar.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read'],
  summary:
    "The caller's approved shifts as an iCalendar feed (text/calendar). UIDs are stable per shift, so updates replace entries and never duplicate them; withdrawn seats disappear.",
  tags: ['notifications'],
  responses: { 200: { description: 'an iCalendar (RFC 5545) document', contentType: 'text/calendar' } },
  errors: [401, 403],
});

export const notificationOperations = [getMyCalendar] as const;
