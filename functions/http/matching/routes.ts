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
  responses: { 200: MatchPage },
  errors: [400, 401, 403],
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
  responses: { 200: CandidatePage },
  errors: [400, 401, 403, 404],
});

export const matchingOperations = [getMyMatches, getOpportunityCandidates] as const;
