/**
 * Notification routes: the volunteer's private calendar feed (group `volunteer`; each caller
 * only ever gets their own shifts).
 */
import * as z from '../../../shared/zod.js';
import { defineOperation } from '../operation.js';

const FeedSecretPath = /* @__PURE__ */ z.object({ secret: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Za-z0-9_-]{43}$/, 'must be a calendar feed secret')) });
const CalendarFeedUrl = /* @__PURE__ */ z.described(/* @__PURE__ */ z
  .object({
    url: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the secret feed address to subscribe to in a calendar app (no token needed); keep it private'),
    createdAt: /* @__PURE__ */ z.string(),
  }), 'a secret calendar feed URL');

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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: { description: 'an iCalendar (RFC 5545) document', contentType: 'text/calendar' } },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response:
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tatawwu//Notifications//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:تطوع | Tatawwu\r\nX-WR-TIMEZONE:Asia/Riyadh\r\nBEGIN:VEVENT\r\nUID:shift-01JS2B4C6D8E0F1G2H3J4K5M6P@tatawwu.sa\r\nDTSTAMP:20270301T090000Z\r\nDTSTART:20270305T130000Z\r\nDTEND:20270305T170000Z\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\nSUMMARY:توزيع السلال الغذائية | Food basket distribution\r\nLOCATION:جدة | Jeddah\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
  },
});

export const issueCalendarFeed = /* @__PURE__ */ defineOperation({
  id: 'IssueCalendarFeed',
  method: 'POST',
  path: '/v1/volunteers/me/calendar-feed',
  entry: 'functions/http/notifications/issue-calendar-feed.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read', 'table:write'],
  summary:
    "A secret URL of the caller's calendar feed that a calendar app can subscribe to without a bearer token (the same content as GET /v1/volunteers/me/calendar.ics). Issuing a new one revokes the previous URL.",
  tags: ['notifications'],
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: CalendarFeedUrl },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: { url: 'https://api.tatawwu.example.sa/v1/calendar-feeds/q3Xn0c2Jc0o4m1mZ8w3v5b9xZr7Kp2Ld6Tf1Yh4Ue8s/calendar.ics', createdAt: '2026-04-25T17:12:09.000Z' },
  },
});

export const revokeCalendarFeed = /* @__PURE__ */ defineOperation({
  id: 'RevokeCalendarFeed',
  method: 'DELETE',
  path: '/v1/volunteers/me/calendar-feed',
  entry: 'functions/http/notifications/revoke-calendar-feed.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read', 'table:write'],
  summary: "Revokes the caller's secret calendar feed URL (204; also when there was none).",
  tags: ['notifications'],
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 204: { description: 'revoked (no body)' } },
  errors: [401, 403],
});

export const getCalendarFeed = /* @__PURE__ */ defineOperation({
  id: 'GetCalendarFeed',
  method: 'GET',
  path: '/v1/calendar-feeds/{secret}/calendar.ics',
  entry: 'functions/http/notifications/calendar-feed.ts',
  auth: 'none',
  request: { path: FeedSecretPath },
  needs: ['table:read'],
  summary:
    'The calendar feed behind a secret URL (POST /v1/volunteers/me/calendar-feed), for calendar apps that cannot send a token. 404 once revoked or replaced.',
  tags: ['notifications'],
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: { description: 'an iCalendar (RFC 5545) document', contentType: 'text/calendar' } },
  errors: [400, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { secret: 'q3Xn0c2Jc0o4m1mZ8w3v5b9xZr7Kp2Ld6Tf1Yh4Ue8s' },
    response:
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tatawwu//Notifications//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:تطوع | Tatawwu\r\nX-WR-TIMEZONE:Asia/Riyadh\r\nBEGIN:VEVENT\r\nUID:shift-01JS2B4C6D8E0F1G2H3J4K5M6P@tatawwu.sa\r\nDTSTAMP:20270301T090000Z\r\nDTSTART:20270305T130000Z\r\nDTEND:20270305T170000Z\r\nSEQUENCE:0\r\nSTATUS:CONFIRMED\r\nSUMMARY:توزيع السلال الغذائية | Food basket distribution\r\nLOCATION:جدة | Jeddah\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
  },
});

export const notificationOperations = [getMyCalendar, issueCalendarFeed, revokeCalendarFeed, getCalendarFeed] as const;
