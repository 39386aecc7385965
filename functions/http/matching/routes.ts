/**
 * Matching routes: results precomputed by the matching job and MatchingRun, read by Query.
 * - `GET /v1/volunteers/me/matches`: group volunteer, the caller's own matches.
 * - `GET /v1/opportunities/{id}/candidates`: group org-manager (403 otherwise), and only the
 *   managers of the opportunity's organisation (404 for anyone else): display name, city,
 *   score and reasons — no email, phone or national ID before the volunteer applies.
 */
import { CandidatePage, MatchPage } from '../../../shared/domain/matching/schema.js';
import { PageQuery } from '../../../shared/domain/matching/read.js';
import { OpportunityPath } from '../../../shared/domain/opportunities/schema.js';
import { defineOperation } from '../operation.js';

const tags = ['matching'];

// Examples are plain literals (no spreads, no calls), so that a handler's bundle can drop the
// specs of the other operations of this file.
const reasons = [
  { code: 'skill', detail: 'first-aid', required: 'beginner', level: 'advanced', met: true, points: 30 },
  { code: 'distance', km: 4.2, points: 18.5 },
  { code: 'availability', shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P', overlap: 1, points: 20 },
  { code: 'interest', detail: 'social-welfare', points: 10 },
];

export const getMyMatches = /* @__PURE__ */ defineOperation({
  id: 'GetMyMatches',
  method: 'GET',
  path: '/v1/volunteers/me/matches',
  entry: 'functions/http/matching/get-my-matches.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { query: PageQuery },
  needs: ['table:read'],
  summary:
    "The caller's matching opportunities (group volunteer), best first, each with its score, the reasons behind it, the recommended shift, the invitation if one was sent, and the one-step application to make. Closed opportunities are left out.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: MatchPage },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { limit: '10' },
    response: {
      items: [
        {
          rank: 1,
          opportunityId: '01JS2B4C6D8E0F1G2H3J4K5M6N',
          orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          titleAr: 'توزيع السلال الغذائية',
          titleEn: 'Food basket distribution',
          category: 'social-welfare',
          city: 'jeddah',
          remote: false,
          shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P',
          score: 78.5,
          reasons,
          apply: { method: 'POST', path: '/v1/opportunities/01JS2B4C6D8E0F1G2H3J4K5M6N/applications', body: { shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P' } },
          invitation: {
            id: 'inv-3c9e6a52-01JS2B4C6D8E0F1G2H3J4K5M6N',
            opportunityId: '01JS2B4C6D8E0F1G2H3J4K5M6N',
            shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P',
            channel: 'email',
            sentAt: '2027-02-01T10:00:00.000Z',
          },
          matchedAt: '2027-02-01T10:00:00.000Z',
        },
      ],
    },
  },
});

export const getOpportunityCandidates = /* @__PURE__ */ defineOperation({
  id: 'GetOpportunityCandidates',
  method: 'GET',
  path: '/v1/opportunities/{id}/candidates',
  entry: 'functions/http/matching/get-candidates.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OpportunityPath, query: PageQuery },
  needs: ['table:read'],
  summary:
    "The opportunity's best-matching volunteers, for its organisation's managers (404 for anyone else): display name, city, score, reasons, recommended shift and whether they were invited. No contact details before the volunteer applies.",
  tags,
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: CandidatePage },
  errors: [400, 401, 403, 404],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01JS2B4C6D8E0F1G2H3J4K5M6N' },
    query: { limit: '10' },
    response: {
      items: [
        {
          rank: 1,
          volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
          displayName: 'Huda A.',
          city: 'jeddah',
          score: 78.5,
          shiftId: '01JS2B4C6D8E0F1G2H3J4K5M6P',
          reasons,
          invited: true,
        },
      ],
    },
  },
});

export const matchingOperations = [getMyMatches, getOpportunityCandidates] as const;
