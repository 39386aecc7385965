/**
 * Matching routes: results precomputed by the matching job and MatchingRun, read by Query.
 * - `GET /v1/volunteers/me/matches`: group volunteer, the caller's own matches.
 * - `GET /v1/opportunities/{id}/candidates`: group org-manager (403 otherwise), and only the
 *   managers of the opportunity's organisation (404 for anyone else): display name, city,
 *   score and reasons — no email, phone or national ID before the volunteer applies.
 */
import { CandidatePage, MatchPage } from '../../../shared/domain/matching/schema.js';
import { PageQuery } from '../../../shared/domain/matching/read.js';
import { defineRoutes } from '../route.js';

const tags = ['matching'];

export const matchingRoutes = defineRoutes([
  {
    id: 'GetMyMatches',
    method: 'GET',
    path: '/v1/volunteers/me/matches',
    entry: 'functions/http/matching/get-my-matches.ts',
    auth: 'required',
    needs: ['table:read'],
    docs: {
      summary:
        "The caller's matching opportunities (group volunteer), best first, each with its score, the reasons behind it, the recommended shift, the invitation if one was sent, and the one-step application to make. Closed opportunities are left out.",
      tags,
      query: PageQuery,
      responses: { 200: MatchPage },
      errors: [400, 401, 403],
    },
  },
  {
    id: 'GetOpportunityCandidates',
    method: 'GET',
    path: '/v1/opportunities/{id}/candidates',
    entry: 'functions/http/matching/get-candidates.ts',
    auth: 'required',
    needs: ['table:read'],
    docs: {
      summary:
        "The opportunity's best-matching volunteers, for its organisation's managers (404 for anyone else): display name, city, score, reasons, recommended shift and whether they were invited. No contact details before the volunteer applies.",
      tags,
      query: PageQuery,
      responses: { 200: CandidatePage },
      errors: [400, 401, 403, 404],
    },
  },
]);
