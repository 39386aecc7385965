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

export const getAttendanceCode = /* @__PURE__ */ defineOperation({
  id: 'GetAttendanceCode',
  method: 'GET',
  path: '/v1/shifts/{shiftId}/attendance-code',
  entry: file('attendance-code'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: ShiftPath },
  needs: ['table:read', 'attendance-code-key'],
  summary:
    "The shift's current attendance code (its organisation's managers): `{ code, qr, expiresAt }`; `qr` is the text to put in a QR code. Codes rotate every 5 minutes (the previous one is still accepted) and are accepted from 1 h before the start to 2 h after the end (422 `shiftId` outside that window).",
  tags,
  responses: { 200: AttendanceCodeView },
  errors: [400, 401, 403, 404, 422],
});

export const checkIn = /* @__PURE__ */ defineOperation({
  id: 'CheckIn',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/check-in',
  entry: file('check-in'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ShiftPath, body: CheckIn },
  needs: ['table:read', 'table:write', 'attendance-code-key'],
  summary:
    'Check in with the code the manager shows (volunteers with an approved seat on the shift, else 403). A wrong, expired or other shift\'s code → 422 naming `code`. With `location`, a check-in farther than the opportunity radius (500 m) is recorded with `outsideRadius: true`, not refused. Twice → the first record.',
  tags,
  responses: { 200: CheckInView },
  errors: [400, 401, 403, 404, 409, 422],
});

export const checkOut = /* @__PURE__ */ defineOperation({
  id: 'CheckOut',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/check-out',
  entry: file('check-out'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ShiftPath, body: CheckOut },
  needs: ['table:read', 'table:write', 'attendance-code-key', WORKFLOW],
  summary:
    'Check out (the checked-in volunteer): creates the hours record `pending` and starts its verification. Minutes are clamped to the shift, never overlap time already credited anywhere, and stay within 12 h per Riyadh day across all organisations; `flags` name each cut. Twice → the same record. 409 `not-checked-in` without a check-in.',
  tags,
  responses: { 200: CheckOutView },
  errors: [400, 401, 403, 404, 409, 422],
});

export const recordAttendance = /* @__PURE__ */ defineOperation({
  id: 'RecordAttendance',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/attendance',
  entry: file('roster'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: ShiftPath, body: RosterEntry },
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    "The roster (the shift's managers), for volunteers without a phone: `present` with `checkIn`/`checkOut` (default the shift's times) creates the pending hours record as a check-out would; `absent` is a no-show. On a disputed no-show it decides the dispute, once: `present` upholds it (times default to the volunteer's, then the shift's), `absent` dismisses it. 409 when the volunteer's attendance is already recorded; 422 `volunteerId` without an approved seat.",
  tags,
  responses: { 200: RosterView },
  errors: [400, 401, 403, 404, 409, 422],
});

export const disputeNoShow = /* @__PURE__ */ defineOperation({
  id: 'DisputeNoShow',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/attendance/dispute',
  entry: file('dispute-no-show'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: ShiftPath, body: NoShowDispute },
  needs: ['table:read', 'table:write'],
  summary:
    "Dispute being recorded absent or a no-show on the shift (that volunteer), within 14 days, once: a `reason` and optionally when they came and left (within the shift, else 422 naming the field). The managers are told and decide once on the roster (`present` upholds it: the no-show leaves the attendance record and the hours are pending; `absent` dismisses it). 404 without a recorded absence; 409 `hours-not-disputable` after 14 days or a second time.",
  tags,
  responses: { 200: NoShowDisputeView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: {
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
  entry: file('claim'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: OpportunityHoursPath, body: HoursClaim },
  idempotent: true,
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    'Claim hours of work off site (a volunteer approved on a project or a remote opportunity): a past Riyadh date within the period they are approved for, at most 12 h a day across everything (422 `minutes`), never overlapping checked-in time (on a day with credited time, `start` is required and its interval must not overlap it: 422 `start`). On a project, `deliverableId` names the deliverable the work went into. Verified by the same workflow as checked hours.',
  tags,
  responses: { 201: HoursClaimView },
  errors: [400, 401, 403, 404, 409, 422],
});

export const listDeliverables = /* @__PURE__ */ defineOperation({
  id: 'ListDeliverables',
  method: 'GET',
  path: '/v1/opportunities/{id}/deliverables',
  entry: file('list-deliverables'),
  auth: 'required',
  groups: ['org-manager', 'volunteer'],
  request: { path: OpportunityHoursPath },
  needs: ['table:read'],
  summary:
    "A project's deliverables (bilingual) with their status, `open` or `confirmed` (by whom, when): its organisation's managers and the volunteers approved on it (404 for anyone else, and for an opportunity that is not a project). Claims name a deliverable by its `id`.",
  tags,
  responses: { 200: DeliverablesPage },
  errors: [400, 401, 403, 404],
  examples: {
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
  entry: file('confirm-deliverable'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: DeliverablePath, body: DeliverableConfirmation },
  needs: ['table:read', 'table:write'],
  summary: "Confirm a project's deliverable as done (that organisation's managers), once: a second confirmation → 409 `deliverable-already-confirmed`. Transcripts name the project and its confirmed deliverables.",
  tags,
  responses: { 200: DeliverableView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: {
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

export const listOrganizationHours = /* @__PURE__ */ defineOperation({
  id: 'ListOrganizationHours',
  method: 'GET',
  path: '/v1/organizations/{orgId}/hours',
  entry: file('list-organization'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OrgHoursPath, query: ListHoursQuery },
  needs: ['table:read', 'audit'],
  summary:
    "The organisation's hours in one `status` (default `pending`), oldest first (its managers), each with the volunteer's attendance record over the last 12 months (attended, no-shows, late cancellations).",
  tags,
  responses: { 200: OrgHoursPage },
  errors: [400, 401, 403, 404],
});

export const decideHours = /* @__PURE__ */ defineOperation({
  id: 'DecideHours',
  method: 'POST',
  path: '/v1/hours/{hoursId}/decision',
  entry: file('decide'),
  auth: 'required',
  groups: ['org-manager', 'ministry-reviewer', 'ministry-admin'],
  request: { path: HoursPath, body: HoursDecision },
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    "Approve or reject pending hours (the organisation's managers; ministry reviewers once escalated; never one's own hours). Other minutes than requested (never more) and a rejection need a `reason` (422). A second decision → 409; two at once → one wins. Approved hours carry `valueSar` frozen from the valuation rate in force and can never be edited.",
  tags,
  responses: { 200: HoursDecisionView },
  errors: [400, 401, 403, 404, 409, 422],
});

export const decideHoursBulk = /* @__PURE__ */ defineOperation({
  id: 'DecideHoursBulk',
  method: 'POST',
  path: '/v1/organizations/{orgId}/hours/decisions',
  entry: file('decide-bulk'),
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OrgHoursPath, body: BulkHoursDecisions, maxBodyBytes: 262_144 },
  needs: ['table:read', 'table:write', WORKFLOW],
  timeout: 60,
  summary: "Up to 100 decisions at once (the organisation's managers): each item gets its own outcome (`status` as it would alone, and the error); one failure never stops the others.",
  tags,
  responses: { 200: BulkView },
  errors: [400, 401, 403, 404, 413, 422],
});

export const disputeHours = /* @__PURE__ */ defineOperation({
  id: 'DisputeHours',
  method: 'POST',
  path: '/v1/hours/{hoursId}/dispute',
  entry: file('dispute'),
  auth: 'required',
  groups: ['volunteer'],
  request: { path: HoursPath, body: HoursDispute },
  needs: ['table:read', 'table:write', WORKFLOW],
  summary:
    'Dispute a rejection or a cut within 14 days, once (its volunteer): the managers decide again, finally. A rejected record is pending again; for a cut, the approved hours stay as they are and the difference becomes a new pending record.',
  tags,
  responses: { 200: HoursDisputeView },
  errors: [400, 401, 403, 404, 409, 422],
});

export const reverseHours = /* @__PURE__ */ defineOperation({
  id: 'ReverseHours',
  method: 'POST',
  path: '/v1/hours/{hoursId}/reversal',
  entry: file('reverse'),
  auth: 'required',
  groups: ['ministry-admin'],
  request: { path: HoursPath, body: HoursReversal },
  needs: ['table:read', 'table:write'],
  summary: 'Reverse approved hours with a reason (ministry-admin): a reversing entry, never an edit (HoursReversed takes the minutes and value back). 409 unless approved.',
  tags,
  responses: { 200: HoursReversalView },
  errors: [400, 401, 403, 404, 409, 422],
});

export const listMyHours = /* @__PURE__ */ defineOperation({
  id: 'ListMyHours',
  method: 'GET',
  path: '/v1/volunteers/me/hours',
  entry: file('list-mine'),
  auth: 'required',
  groups: ['volunteer'],
  request: { query: MyHoursQuery },
  needs: ['table:read'],
  summary: "The caller's hours records, newest first, with their status, and the caller's attendance record over the last 12 months.",
  tags,
  responses: { 200: MyHoursPage },
  errors: [400, 401, 403],
});

export const listEscalatedHours = /* @__PURE__ */ defineOperation({
  id: 'ListEscalatedHours',
  method: 'GET',
  path: '/v1/hours/escalated',
  entry: file('list-escalated'),
  auth: 'required',
  groups: ['ministry-reviewer', 'ministry-admin'],
  request: { query: MyHoursQuery },
  needs: ['table:read', 'audit'],
  summary: "The ministry reviewers' queue: hours no manager decided on within 14 days, oldest first.",
  tags,
  responses: { 200: HoursPage },
  errors: [400, 401, 403],
});

export const putValuationRates = /* @__PURE__ */ defineOperation({
  id: 'PutValuationRates',
  method: 'PUT',
  path: '/v1/valuation-rates',
  entry: file('put-valuation-rates'),
  auth: 'required',
  groups: ['ministry-admin'],
  request: { body: PutValuationRates },
  needs: ['table:read', 'table:write'],
  summary:
    'Set economic valuation rates (ministry-admin): SAR per hour by `track` (general, skills, professional) or `profession`, from `effectiveFrom` (replacement-cost method). Each is a new dated entry; approved hours keep the value frozen at their approval.',
  tags,
  responses: { 200: ValuationRatesView },
  errors: [400, 401, 403, 422],
});

export const getValuationRates = /* @__PURE__ */ defineOperation({
  id: 'GetValuationRates',
  method: 'GET',
  path: '/v1/valuation-rates',
  entry: file('get-valuation-rates'),
  auth: 'required',
  groups: ['ministry-admin', 'ministry-reviewer'],
  needs: ['table:read'],
  summary: 'Every valuation rate ever set, with who set it and when (the ministry).',
  tags,
  responses: { 200: ValuationRatesView },
  errors: [401, 403],
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
