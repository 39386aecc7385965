/**
 * Evaluation operations (issue 13). Who may call them:
 * - `POST` / `PATCH /v1/shifts/{shiftId}/evaluations`: after the shift, a volunteer who attended
 *   (the experience) or the shift organisation's managers (an attendee, with `volunteerId`);
 *   once each, editable for 7 days;
 * - `GET /v1/shifts/{shiftId}/evaluations`: that organisation's managers;
 * - `GET /v1/organizations/{orgId}/rating`: anyone;
 * - `GET /v1/volunteers/me/ratings`: the volunteer; `GET /v1/volunteers/{volunteerId}/ratings`:
 *   managers of an organisation the volunteer applied to.
 */
import {
  EvaluationInput,
  EvaluationResult,
  OrganizationRatingView,
  ShiftFeedbackView,
  ShiftPath,
  VolunteerPath,
  VolunteerRatingView,
} from '../../../shared/domain/evaluations/schema.js';
import { OrgPath } from '../../../shared/domain/organizations/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['evaluations'];

export const submitEvaluation = /* @__PURE__ */ defineOperation({
  id: 'SubmitEvaluation',
  method: 'POST',
  path: '/v1/shifts/{shiftId}/evaluations',
  entry: 'functions/http/evaluations/submit.ts',
  auth: 'required',
  groups: ['volunteer', 'org-manager'],
  request: { path: ShiftPath, body: EvaluationInput },
  needs: ['table:read', 'table:write'],
  summary:
    "Evaluate a shift once it has ended. A volunteer who attended rates the experience `{ rating: 1–5, comment? }`; the shift organisation's managers rate an attendee `{ volunteerId, punctuality, skill, conduct, note? }` (or `rating` for all three). Once each (409 `evaluation-exists`; edit with PATCH within 7 days); not attended → 403 `not-attended`; before the end → 422 naming shiftId.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: EvaluationResult },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P' },
    request: { rating: 5, comment: 'تنظيم ممتاز واستقبال لطيف من المشرفين، وكانت التعليمات واضحة منذ البداية.' },
    response: { shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P', kind: 'experience', volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', version: 1, editableUntil: '2027-03-13T08:10:00.000Z' },
  },
});

export const editEvaluation = /* @__PURE__ */ defineOperation({
  id: 'EditEvaluation',
  method: 'PATCH',
  path: '/v1/shifts/{shiftId}/evaluations',
  entry: 'functions/http/evaluations/edit.ts',
  auth: 'required',
  groups: ['volunteer', 'org-manager'],
  request: { path: ShiftPath, body: EvaluationInput },
  needs: ['table:read', 'table:write'],
  summary: 'Replace your evaluation of the shift (same body as POST) within 7 days of submitting it; after that 409 `evaluation-locked`; none yet → 404.',
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: EvaluationResult },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P' },
    request: { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', punctuality: 5, skill: 4, conduct: 5, note: 'Arrived early and kept the queue of families moving at the distribution point.' },
    response: { shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P', kind: 'volunteer', volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', version: 2, editableUntil: '2027-03-13T10:45:00.000Z' },
  },
});

export const getShiftFeedback = /* @__PURE__ */ defineOperation({
  id: 'GetShiftFeedback',
  method: 'GET',
  path: '/v1/shifts/{shiftId}/evaluations',
  entry: 'functions/http/evaluations/shift-feedback.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: ShiftPath },
  needs: ['table:read'],
  summary:
    "A shift's evaluations for its organisation's managers: the volunteers' comments without their authors' identity (with scores and the average only when at least 5 attended; otherwise texts only, in text order) and the managers' ratings of attendees.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: ShiftFeedbackView },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P' },
    response: {
      shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P',
      attended: 12,
      experience: {
        count: 7,
        average: 4.4,
        comments: [
          { text: 'Clear briefing and enough water for everyone.', rating: 5 },
          { text: 'كان التنظيم جيداً لكن الانتظار عند التسجيل طال قليلاً.', rating: 4 },
        ],
      },
      volunteers: [
        { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', punctuality: 5, skill: 4, conduct: 5, note: 'Arrived early and kept the queue of families moving at the distribution point.', by: 'manager-5b1d', updatedAt: '2027-03-06T10:45:00.000Z' },
      ],
    },
  },
});

export const getOrganizationRating = /* @__PURE__ */ defineOperation({
  id: 'GetOrganizationRating',
  method: 'GET',
  path: '/v1/organizations/{orgId}/rating',
  entry: 'functions/http/evaluations/organization-rating.ts',
  auth: 'none',
  request: { path: OrgPath },
  needs: ['table:read'],
  summary: "An organisation's experience rating from its volunteers: `count`, and the `average` once there are at least 5 ratings. Never a comment.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: OrganizationRatingView },
  errors: [400],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { path: { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV' }, response: { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV', count: 146, average: 4.6 } },
});

export const getMyRatings = /* @__PURE__ */ defineOperation({
  id: 'GetMyRatings',
  method: 'GET',
  path: '/v1/volunteers/me/ratings',
  entry: 'functions/http/evaluations/my-ratings.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read'],
  summary: "The caller's ratings by organisations' managers: count and averages of punctuality, skill and conduct.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: VolunteerRatingView },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { response: { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', count: 9, punctuality: 4.8, skill: 4.3, conduct: 5, overall: 4.7 } },
});

export const getVolunteerRatings = /* @__PURE__ */ defineOperation({
  id: 'GetVolunteerRatings',
  method: 'GET',
  path: '/v1/volunteers/{volunteerId}/ratings',
  entry: 'functions/http/evaluations/volunteer-ratings.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: VolunteerPath },
  needs: ['table:read', 'audit'],
  summary: "A volunteer's ratings, for managers of an organisation the volunteer applied to (404 for anyone else).",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: VolunteerRatingView },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77' },
    response: { volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77', count: 9, punctuality: 4.8, skill: 4.3, conduct: 5, overall: 4.7 },
  },
});

export const evaluationOperations = [submitEvaluation, editEvaluation, getShiftFeedback, getOrganizationRating, getMyRatings, getVolunteerRatings] as const;
