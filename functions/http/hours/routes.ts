/**
 * Attendance and hours operations (issue 19). Who may call them:
 * - attendance code, roster, organisation hours, bulk decisions: that organisation's managers;
 * - check-in / check-out: a volunteer with an approved seat on the shift;
 * - claims: a volunteer approved on a project or remote opportunity;
 * - decision: the organisation's managers (ministry reviewers once escalated), never on their own hours;
 * - dispute: the record's volunteer; reversal and valuation rates: ministry-admin.
 */
import {
  AttendanceCodeView,
  BulkHoursDecisions,
  BulkView,
  CheckIn,
  CheckInView,
  CheckOut,
  CheckOutView,
  DeliverableConfirmation,
  DeliverablePath,
  DeliverablesPage,
  DeliverableView,
  HoursClaim,
  HoursClaimView,
  HoursDecision,
  HoursDecisionView,
  HoursDispute,
  HoursDisputeView,
  HoursPage,
  HoursPath,
  HoursReversal,
  HoursReversalView,
  ListHoursQuery,
  MyHoursPage,
  MyHoursQuery,
  NoShowDispute,
  NoShowDisputeView,
  OpportunityHoursPath,
  OrgHoursPage,
  OrgHoursPath,
  PutValuationRates,
  RosterEntry,
  RosterView,
  ShiftPath,
  ValuationRatesView,
} from '../../../shared/domain/hours/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['hours'];
const file = (name: string) => `functions/http/hours/${name}.ts`;
const WORKFLOW = 'workflow:HoursVerification' as const;

/** The hours record the list examples show (a Riyadh nurse's shift), before its status and decision. */
const hoursRecordExample = {
  id: '01JT0H7K2M4N6P8Q0R2S4T6V8W',
  volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
  orgId: '01JRZX4B6C8D0E2F4G6H8J0K2M',
  opportunityId: '01JS2ZR7M1N5P8Q2R6S9T3V7W4',
  shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5',
  kind: 'shift' as const,
  date: '2026-05-02',
  startedAt: '2026-05-02T05:02:00.000Z',
  endedAt: '2026-05-02T09:00:00.000Z',
  requestedMinutes: 238,
  minutes: 238,
  track: 'professional',
  profession: 'nurse',
  causes: ['health'] as string[],
  city: 'riyadh',
  region: 'riyadh',
  flags: [] as string[],
  round: 1,
  createdAt: '2026-05-02T09:00:00.000Z',
};

export const getAttendanceCode = /* @__PURE__ */ defineOperation({
  id: 'GetAttendanceCode',
  method: 'GET',
  path: '/v1/shifts/{shiftId}/attendance-code',
  entry: /* @__PURE__ */ file('attendance-code'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: ShiftPath },
  needs: ['table:read', 'attendance-code-key'],
  summary:
    "The shift's current attendance code (its organisation's managers): `{ code, qr, expiresAt }`; `qr` is the text to put in a QR code. Codes rotate every 5 minutes (the previous one is still accepted) and are accepted from 1 h before the start to 2 h after the end (422 `shiftId` outside that window).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: AttendanceCodeView },
  errors: [400, 401, 403, 404, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5' },
    response: { code: '7KQ2M9XD', qr: 'https://tatawwu.sa/check-in?shift=01JS2ZR7M1N5P8Q2R6S9T3V7W5&code=7KQ2M9XD', expiresAt: '2026-05-02T05:05:00.000Z' },
  },
});

export const checkIn = /* @__PURE__ */ defineOperation({
  id: 'CheckIn',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/check-in',
  entry: /* @__PURE__ */ file('check-in'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ShiftPath, body: CheckIn },
  needs: ['table:read', 'table:write', 'attendance-code-key'],
  summary:
    'Check in with the code the manager shows (volunteers with an approved seat on the shift, else 403). A wrong, expired or other shift\'s code → 422 naming `code`. With `location`, a check-in farther than the opportunity radius (500 m) is recorded with `outsideRadius: true`, not refused. Twice → the first record.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CheckInView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5' },
    request: { code: '7KQ2M9XD', location: { lat: 24.6869, lon: 46.7224 } },
    response: { checkedInAt: '2026-05-02T05:02:00.000Z', outsideRadius: false },
  },
});

export const checkOut = /* @__PURE__ */ defineOperation({
  id: 'CheckOut',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/check-out',
  entry: /* @__PURE__ */ file('check-out'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ShiftPath, body: CheckOut },
  needs: ['table:read', 'table:write', 'attendance-code-key', WORKFLOW],
  summary:
    'Check out (the checked-in volunteer): creates the hours record `pending` and starts its verification. Minutes are clamped to the shift, never overlap time already credited anywhere, and stay within 12 h per Riyadh day across all organisations; `flags` name each cut. Twice → the same record. 409 `not-checked-in` without a check-in.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CheckOutView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5' },
    request: { code: 'R4T8W2ZA' },
    response: { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W', minutes: 238, status: 'pending', flags: [] },
  },
});

export const recordAttendance = /* @__PURE__ */ defineOperation({
  id: 'RecordAttendance',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/attendance',
  entry: /* @__PURE__ */ file('roster'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: ShiftPath, body: RosterEntry },
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    "The roster (the shift's managers), for volunteers without a phone: `present` with `checkIn`/`checkOut` (default the shift's times) creates the pending hours record as a check-out would; `absent` is a no-show. On a disputed no-show it decides the dispute, once: `present` upholds it (times default to the volunteer's, then the shift's), `absent` dismisses it. 409 when the volunteer's attendance is already recorded; 422 `volunteerId` without an approved seat.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: RosterView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5' },
    request: { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', status: 'present', checkIn: '2026-05-02T08:00:00+03:00', checkOut: '2026-05-02T12:00:00+03:00' },
    response: { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', status: 'checked-out', hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W' },
  },
});

export const disputeNoShow = /* @__PURE__ */ defineOperation({
  id: 'DisputeNoShow',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/attendance/dispute',
  entry: /* @__PURE__ */ file('dispute-no-show'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ShiftPath, body: NoShowDispute },
  needs: ['table:read', 'table:write'],
  summary:
    "Dispute being recorded absent or a no-show on the shift (that volunteer), within 14 days, once: a `reason` and optionally when they came and left (within the shift, else 422 naming the field). The managers are told and decide once on the roster (`present` upholds it: the no-show leaves the attendance record and the hours are pending; `absent` dismisses it). 404 without a recorded absence; 409 `hours-not-disputable` after 14 days or a second time.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: NoShowDisputeView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5' },
    request: { reason: 'I was at the registration desk; my phone battery was dead', checkIn: '2026-05-02T08:10:00+03:00', checkOut: '2026-05-02T12:00:00+03:00' },
    response: {
      shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5',
      status: 'no-show',
      dispute: { reason: 'I was at the registration desk; my phone battery was dead', at: '2026-05-04T08:00:00.000Z', checkIn: '2026-05-02T05:10:00.000Z', checkOut: '2026-05-02T09:00:00.000Z', status: 'open' },
    },
  },
});

export const claimHours = /* @__PURE__ */ defineOperation({
  id: 'ClaimHours',
  method: 'POST',
  path: '/v1/opportunities/{id}/hours',
  entry: /* @__PURE__ */ file('claim'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: OpportunityHoursPath, body: HoursClaim },
  idempotent: true,
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    'Claim hours of work off site (a volunteer approved on a project or a remote opportunity): a past Riyadh date within the period they are approved for, at most 12 h a day across everything (422 `minutes`), never overlapping checked-in time (on a day with credited time, `start` is required and its interval must not overlap it: 422 `start`). On a project, `deliverableId` names the deliverable the work went into. Verified by the same workflow as checked hours.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: HoursClaimView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01JS4M6P8R0T2W4Y6A8C0E2G4J' },
    request: { date: '2026-04-11', minutes: 300, start: '17:00', description: 'تدريس مادة الرياضيات عن بُعد لطلاب المرحلة المتوسطة — online maths tutoring for middle-school pupils' },
    response: { hoursId: '01JSX3D5F7H9K1M3P5R7T9W1Y3', status: 'pending', minutes: 300 },
  },
});

export const listDeliverables = /* @__PURE__ */ defineOperation({
  id: 'ListDeliverables',
  method: 'GET',
  path: '/v1/opportunities/{id}/deliverables',
  entry: /* @__PURE__ */ file('list-deliverables'),
  auth: 'required',
  groups: ['org-manager', 'volunteer'],
  request: { path: OpportunityHoursPath },
  needs: ['table:read'],
  summary:
    "A project's deliverables (bilingual) with their status, `open` or `confirmed` (by whom, when): its organisation's managers and the volunteers approved on it (404 for anyone else, and for an opportunity that is not a project). Claims name a deliverable by its `id`.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: DeliverablesPage },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01JS2ZR7M1N5P8Q2R6S9T3V7W4' },
    response: {
      opportunityId: '01JS2ZR7M1N5P8Q2R6S9T3V7W4',
      titleAr: 'مراجعة قانونية لعقود الجمعية',
      titleEn: "Legal review of the charity's contracts",
      estimatedHours: 40,
      items: [
        { id: '01JS2ZR7M1N5P8Q2R6S9T3V7W6', titleAr: 'مراجعة عقود المتطوعين', titleEn: 'Review of the volunteer contracts', status: 'confirmed', confirmedAt: '2026-06-20T11:00:00.000Z', confirmedBy: '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
        { id: '01JS2ZR7M1N5P8Q2R6S9T3V7W7', titleAr: 'سياسة الخصوصية', titleEn: 'Privacy policy', status: 'open' },
      ],
    },
  },
});

export const confirmDeliverable = /* @__PURE__ */ defineOperation({
  id: 'ConfirmDeliverable',
  method: 'POST',
  path: '/v1/opportunities/{id}/deliverables/{deliverableId}/confirm',
  entry: /* @__PURE__ */ file('confirm-deliverable'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: DeliverablePath, body: DeliverableConfirmation },
  needs: ['table:read', 'table:write'],
  summary: "Confirm a project's deliverable as done (that organisation's managers), once: a second confirmation → 409 `deliverable-already-confirmed`. Transcripts name the project and its confirmed deliverables.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: DeliverableView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01JS2ZR7M1N5P8Q2R6S9T3V7W4', deliverableId: '01JS2ZR7M1N5P8Q2R6S9T3V7W6' },
    request: { note: 'Signed off by the board on 20 June' },
    response: {
      id: '01JS2ZR7M1N5P8Q2R6S9T3V7W6',
      titleAr: 'مراجعة عقود المتطوعين',
      titleEn: 'Review of the volunteer contracts',
      status: 'confirmed',
      confirmedAt: '2026-06-20T11:00:00.000Z',
      confirmedBy: '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      note: 'Signed off by the board on 20 June',
    },
  },
});

export const listOrganizationHours = /* @__PURE__ */ (() => defineOperation({
  id: 'ListOrganizationHours',
  method: 'GET',
  path: '/v1/organizations/{orgId}/hours',
  entry: /* @__PURE__ */ file('list-organization'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OrgHoursPath, query: ListHoursQuery },
  needs: ['table:read', 'audit'],
  summary:
    "The organisation's hours in one `status` (default `pending`), oldest first (its managers), each with the volunteer's attendance record over the last 12 months (attended, no-shows, late cancellations).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OrgHoursPage },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: '01JRZX4B6C8D0E2F4G6H8J0K2M' },
    query: { status: 'pending', limit: '20' },
    response: {
      items: [
        {
          ...hoursRecordExample,
          status: 'pending',
          updatedAt: '2026-05-02T09:00:00.000Z',
          decisions: [],
          attendance: { attended: 14, noShows: 1, lateCancellations: 0, since: '2025-05-02' },
        },
      ],
      nextCursor: 'eyJwayI6Ik9SRyMwMUpSWlg0QjZDOEQwRTJGNEc2SDhKMEsyTSIsInNrIjoiSE9VUlMjcGVuZGluZyMyMDI2LTA1LTAyIn0',
    },
  },
}))();

export const decideHours = /* @__PURE__ */ defineOperation({
  id: 'DecideHours',
  method: 'POST',
  path: '/v1/hours/{hoursId}/decision',
  entry: /* @__PURE__ */ file('decide'),
  auth: 'required',
  groups: ['org-manager', 'ministry-reviewer', 'ministry-admin'],
  request: { path: HoursPath, body: HoursDecision },
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    "Approve or reject pending hours (the organisation's managers; ministry reviewers once escalated; never one's own hours). Other minutes than requested (never more) and a rejection need a `reason` (422). A second decision → 409; two at once → one wins. Approved hours carry `valueSar` frozen from the valuation rate in force and can never be edited.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: HoursDecisionView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W' },
    request: { decision: 'approve', minutes: 238 },
    response: { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W', status: 'approved', minutes: 238, valueSar: 396.67 },
  },
});

export const decideHoursBulk = /* @__PURE__ */ defineOperation({
  id: 'DecideHoursBulk',
  method: 'POST',
  path: '/v1/organizations/{orgId}/hours/decisions',
  entry: /* @__PURE__ */ file('decide-bulk'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OrgHoursPath, body: BulkHoursDecisions, maxBodyBytes: 262_144 },
  needs: ['table:read', 'table:write', WORKFLOW],
  timeout: 60,
  summary: "Up to 100 decisions at once (the organisation's managers): each item gets its own outcome (`status` as it would alone, and the error); one failure never stops the others.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: BulkView },
  errors: [400, 401, 403, 404, 413, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: '01JRZX4B6C8D0E2F4G6H8J0K2M' },
    request: {
      items: [
        { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W', decision: 'approve' },
        { hoursId: '01JT0J8M3N5P7R9S1T3V5W7X9Y', decision: 'reject', reason: 'لم يحضر المتطوع هذه المناوبة — not at this shift' },
        { hoursId: '01JT0K9M4P6Q8R0S2T4V6W8X0Z', decision: 'approve', minutes: 180 },
      ],
    },
    response: {
      items: [
        { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W', status: 200, outcome: 'approved', minutes: 238 },
        { hoursId: '01JT0J8M3N5P7R9S1T3V5W7X9Y', status: 200, outcome: 'rejected', minutes: 0 },
        { hoursId: '01JT0K9M4P6Q8R0S2T4V6W8X0Z', status: 409, error: { code: 'already-decided', detail: 'the hours were already approved' } },
      ],
      succeeded: 2,
      failed: 1,
    },
  },
});

export const disputeHours = /* @__PURE__ */ defineOperation({
  id: 'DisputeHours',
  method: 'POST',
  path: '/v1/hours/{hoursId}/dispute',
  entry: /* @__PURE__ */ file('dispute'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: HoursPath, body: HoursDispute },
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    'Dispute a rejection or a cut within 14 days, once (its volunteer): the managers decide again, finally. A rejected record is pending again; for a cut, the approved hours stay as they are and the difference becomes a new pending record.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: HoursDisputeView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W' },
    request: { minutes: 298, reason: 'بقيت ساعة إضافية لمساعدة الفريق الطبي في إغلاق الخيمة — stayed an extra hour to close the clinic tent' },
    response: { hoursId: '01JT4N2Q4S6V8W0Y2A4C6E8G0J', status: 'pending' },
  },
});

export const reverseHours = /* @__PURE__ */ defineOperation({
  id: 'ReverseHours',
  method: 'POST',
  path: '/v1/hours/{hoursId}/reversal',
  entry: /* @__PURE__ */ file('reverse'),
  auth: 'required',
  groups: ['ministry-admin'],
  request: { path: HoursPath, body: HoursReversal },
  needs: ['table:read', 'table:write'],
  summary: 'Reverse approved hours with a reason (ministry-admin): a reversing entry, never an edit (HoursReversed takes the minutes and value back). 409 unless approved.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: HoursReversalView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W' },
    request: { reason: 'سُجّلت الساعات مرتين لنفس المناوبة — recorded twice for the same shift' },
    response: { hoursId: '01JT0H7K2M4N6P8Q0R2S4T6V8W', reversalId: '01JT6P3R5T7V9X1Z3B5D7F9H1K', status: 'reversed' },
  },
});

export const listMyHours = /* @__PURE__ */ (() =>
  defineOperation({
    id: 'ListMyHours',
    method: 'GET',
    path: '/v1/volunteers/me/hours',
    entry: /* @__PURE__ */ file('list-mine'),
    auth: 'required',
    groups: ['volunteer'],
    request: { query: MyHoursQuery },
    needs: ['table:read'],
    summary: "The caller's hours records, newest first, with their status, and the caller's attendance record over the last 12 months.",
    tags,
    responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: MyHoursPage },
    errors: [400, 401, 403],
    examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
      query: { limit: '20' },
      response: {
        items: [
          {
            ...hoursRecordExample,
            status: 'approved',
            updatedAt: '2026-05-03T07:15:00.000Z',
            decisions: [{ decision: 'approve', minutes: 238, by: 'manager-5b1d', at: '2026-05-03T07:15:00.000Z', round: 1 }],
            valueSar: 396.67,
            approvedBy: 'manager-5b1d',
            approvedAt: '2026-05-03T07:15:00.000Z',
            disputeUntil: '2026-05-17T07:15:00.000Z',
          },
        ],
        attendance: { attended: 14, noShows: 1, lateCancellations: 0, since: '2025-05-02' },
      },
    },
  }))();

export const listEscalatedHours = /* @__PURE__ */ defineOperation({
  id: 'ListEscalatedHours',
  method: 'GET',
  path: '/v1/hours/escalated',
  entry: /* @__PURE__ */ file('list-escalated'),
  auth: 'required',
  groups: ['ministry-reviewer', 'ministry-admin'],
  request: { query: MyHoursQuery },
  needs: ['table:read', 'audit'],
  summary: "The ministry reviewers' queue: hours no manager decided on within 14 days, oldest first.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: HoursPage },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { limit: '20' },
    response: {
      items: [
        {
          id: '01JSX3D5F7H9K1M3P5R7T9W1Y3',
          volunteerId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
          orgId: '01JRZX4B6C8D0E2F4G6H8J0K2M',
          opportunityId: '01JS4M6P8R0T2W4Y6A8C0E2G4J',
          kind: 'claim',
          date: '2026-04-11',
          requestedMinutes: 300,
          minutes: 300,
          status: 'pending',
          track: 'skills',
          causes: ['education'],
          city: 'riyadh',
          region: 'riyadh',
          description: 'تدريس مادة الرياضيات عن بُعد لطلاب المرحلة المتوسطة — online maths tutoring for middle-school pupils',
          flags: ['escalated'],
          round: 1,
          createdAt: '2026-04-11T18:30:00.000Z',
          updatedAt: '2026-04-25T18:30:05.000Z',
          decisions: [],
        },
      ],
    },
  },
});

export const putValuationRates = /* @__PURE__ */ defineOperation({
  id: 'PutValuationRates',
  method: 'PUT',
  path: '/v1/valuation-rates',
  entry: /* @__PURE__ */ file('put-valuation-rates'),
  auth: 'required',
  groups: ['ministry-admin'],
  request: { body: PutValuationRates },
  needs: ['table:read', 'table:write'],
  summary:
    'Set economic valuation rates (ministry-admin): SAR per hour by `track` (general, skills, professional) or `profession`, from `effectiveFrom` (replacement-cost method). Each is a new dated entry; approved hours keep the value frozen at their approval.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ValuationRatesView },
  errors: [400, 401, 403, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    request: {
      rates: [
        { track: 'general', sarPerHour: 30, effectiveFrom: '2026-01-01' },
        { track: 'skills', sarPerHour: 60, effectiveFrom: '2026-01-01' },
        { track: 'professional', profession: 'nurse', sarPerHour: 100, effectiveFrom: '2026-01-01' },
      ],
    },
    response: {
      rates: [
        { track: 'general', sarPerHour: 30, effectiveFrom: '2026-01-01', setBy: 'ministry-admin-1', setAt: '2025-12-20T09:00:00.000Z' },
        { track: 'skills', sarPerHour: 60, effectiveFrom: '2026-01-01', setBy: 'ministry-admin-1', setAt: '2025-12-20T09:00:00.000Z' },
        { track: 'professional', profession: 'nurse', sarPerHour: 100, effectiveFrom: '2026-01-01', setBy: 'ministry-admin-1', setAt: '2025-12-20T09:00:00.000Z' },
      ],
    },
  },
});

export const getValuationRates = /* @__PURE__ */ defineOperation({
  id: 'GetValuationRates',
  method: 'GET',
  path: '/v1/valuation-rates',
  entry: /* @__PURE__ */ file('get-valuation-rates'),
  auth: 'required',
  groups: ['ministry-admin', 'ministry-reviewer'],
  needs: ['table:read'],
  summary: 'Every valuation rate ever set, with who set it and when (the ministry).',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ValuationRatesView },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      rates: [
        { track: 'general', sarPerHour: 30, effectiveFrom: '2026-01-01', setBy: 'ministry-admin-1', setAt: '2025-12-20T09:00:00.000Z' },
        { track: 'skills', sarPerHour: 60, effectiveFrom: '2026-01-01', setBy: 'ministry-admin-1', setAt: '2025-12-20T09:00:00.000Z' },
        { track: 'professional', profession: 'nurse', sarPerHour: 100, effectiveFrom: '2026-01-01', setBy: 'ministry-admin-1', setAt: '2025-12-20T09:00:00.000Z' },
      ],
    },
  },
});

export const hoursOperations = [
  getAttendanceCode,
  checkIn,
  checkOut,
  recordAttendance,
  disputeNoShow,
  claimHours,
  listDeliverables,
  confirmDeliverable,
  listOrganizationHours,
  decideHours,
  decideHoursBulk,
  disputeHours,
  reverseHours,
  listMyHours,
  listEscalatedHours,
  putValuationRates,
  getValuationRates,
] as const;
