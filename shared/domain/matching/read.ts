/**
 * The two read paths of matching, over precomputed results only (no scoring in a request):
 * a volunteer's ranked matches (with their invitation and a one-step application) and an
 * opportunity's candidates as its managers see them (display data only, no contact details).
 */
import * as z from '../../zod.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { NotFoundError } from '../errors.js';
import type { Caller } from '../caller.js';
import { managesOrganization } from '../caller.js';
import type { Holds } from './compile.js';
import type { StoredCandidate, StoredMatch } from './service.js';
import type { Candidate, Invitation, Match, Reason } from './schema.js';

export const PageQuery = /* @__PURE__ */ z.strictObject({
  limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
  cursor: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(1024))), 'nextCursor of the previous page (opaque)'),
});
export type PageQuery = z.output<typeof PageQuery>;

export interface MatchReads {
  matchPage(volunteerId: string, limit: number, startKey?: { PK: string; SK: string }): Promise<{ items: (StoredMatch & { rank: number })[]; lastKey?: Record<string, unknown> }>;
  stillOpen(ids: readonly string[]): Promise<Set<string>>;
  invitations(volunteerId: string, opportunityIds: readonly string[]): Promise<Map<string, Invitation>>;
  candidatePage(opportunityId: string, limit: number, startKey?: { PK: string; SK: string; GSI1PK: string; GSI1SK: string }): Promise<{ items: StoredCandidate[]; lastKey?: Record<string, unknown> }>;
  invitedVolunteers(opportunityId: string, volunteerIds: readonly string[]): Promise<Set<string>>;
  /** Issue 11: the shifts applied to and seats held since the matches were computed (service.ts MatchingStore). */
  holds(volunteerIds: readonly string[], now: Date): Promise<Map<string, Holds>>;
  /** Issue 11: which of these shifts have no seat left. */
  fullShifts(shifts: readonly { readonly opportunityId: string; readonly shiftId: string }[]): Promise<Set<string>>;
  /** Training (issue 13): per opportunity, its required modules the volunteer has no valid completion of. */
  trainingRequired?(volunteerId: string, opportunityIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Evaluations (issue 13): the volunteers' ratings by managers (only those with ratings). */
  ratings?(volunteerIds: readonly string[]): Promise<Map<string, { overall: number; count: number }>>;
  /** Attendance (issue 19): the volunteers' attendance records over the last 12 months. */
  attendance?(volunteerIds: readonly string[]): Promise<Map<string, { attended: number; noShows: number; lateCancellations: number }>>;
}

// The repository checks that a cursor's key belongs to the list it is asked for.
const MatchCursor = /* @__PURE__ */ z.strictObject({ PK: /* @__PURE__ */ z.string(), SK: /* @__PURE__ */ z.string() });
const CandidateCursor = /* @__PURE__ */ z.strictObject({ k: /* @__PURE__ */ z.strictObject({ PK: /* @__PURE__ */ z.string(), SK: /* @__PURE__ */ z.string(), GSI1PK: /* @__PURE__ */ z.string(), GSI1SK: /* @__PURE__ */ z.string() }), n: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)) });

/** Training the volunteer still needs is a reason shown with the match, never an exclusion (it scores nothing). */
const trainingReason = (missing: string[] | undefined): Reason[] => (missing && missing.length > 0 ? [{ code: 'training-required', modules: missing, points: 0 }] : []);

/** Managers see the volunteer's ratings as a factor of the candidate (shown, not added to the precomputed score). */
const ratingReason = (rating: { overall: number; count: number } | undefined): Reason[] =>
  rating && rating.count > 0 ? [{ code: 'ratings', overall: rating.overall, count: rating.count, points: 0 }] : [];

/** Managers see the volunteer's attendance record (last 12 months) as a factor of the candidate (shown, like ratings). */
const attendanceReason = (record: { attended: number; noShows: number; lateCancellations: number } | undefined): Reason[] =>
  record && record.attended + record.noShows + record.lateCancellations > 0
    ? [{ code: 'attendance', attended: record.attended, noShows: record.noShows, lateCancellations: record.lateCancellations, points: 0 }]
    : [];

/**
 * The caller's stored matches, less what changed since they were computed: closed opportunities,
 * a recommended shift they applied to (or withdrew from) or that filled up, an opportunity where
 * they took a seat (the next matching run recommends another shift, if any).
 */
export const myMatches = async (reads: MatchReads, caller: Caller, query: PageQuery, now: Date = new Date()): Promise<{ items: Match[]; nextCursor?: string }> => {
  const startKey = query.cursor ? decodeCursor(query.cursor, MatchCursor) : undefined;
  const page = await reads.matchPage(caller.sub, query.limit, startKey);
  const ids = page.items.map((m) => m.opportunityId);
  const [open, invitations, training, holds, full] = await Promise.all([
    reads.stillOpen(ids),
    reads.invitations(caller.sub, ids),
    reads.trainingRequired ? reads.trainingRequired(caller.sub, ids) : Promise.resolve(new Map<string, string[]>()),
    reads.holds([caller.sub], now),
    page.items.length > 0 ? reads.fullShifts(page.items.map((m) => ({ opportunityId: m.opportunityId, shiftId: m.shiftId }))) : Promise.resolve(new Set<string>()),
  ]);
  const held = holds.get(caller.sub);
  const items = page.items
    .filter((m) => open.has(m.opportunityId) && !full.has(m.shiftId) && !held?.shifts.has(m.shiftId) && !held?.opportunities.has(m.opportunityId))
    .map((m): Match => {
      const invitation = invitations.get(m.opportunityId);
      return {
        rank: m.rank + 1,
        opportunityId: m.opportunityId,
        ...m.opportunity,
        shiftId: m.shiftId,
        score: m.score,
        reasons: [...m.reasons, ...trainingReason(training.get(m.opportunityId))],
        apply: { method: 'POST', path: `/v1/opportunities/${m.opportunityId}/applications`, body: { shiftId: invitation?.shiftId ?? m.shiftId } },
        ...(invitation && { invitation }),
        matchedAt: m.matchedAt,
      };
    });
  return { items, ...(page.lastKey && { nextCursor: encodeCursor(page.lastKey) }) };
};

export interface OpportunityLookup {
  get(id: string): Promise<{ opportunity: { orgId: string } } | undefined>;
}

/** Candidates of an opportunity, for that organisation's managers only (404 for anyone else). */
export const candidates = async (
  reads: MatchReads,
  opportunities: OpportunityLookup,
  caller: Caller,
  opportunityId: string,
  query: PageQuery,
): Promise<{ items: Candidate[]; nextCursor?: string }> => {
  const found = await opportunities.get(opportunityId);
  if (!found || !managesOrganization(caller, found.opportunity.orgId)) throw new NotFoundError(`opportunity ${opportunityId} not found`);
  const cursor = query.cursor ? decodeCursor(query.cursor, CandidateCursor) : undefined;
  const page = await reads.candidatePage(opportunityId, query.limit, cursor?.k);
  const ids = page.items.map((c) => c.volunteerId);
  const [invited, ratings, attendance] = await Promise.all([
    reads.invitedVolunteers(opportunityId, ids),
    reads.ratings ? reads.ratings(ids) : Promise.resolve(new Map<string, { overall: number; count: number }>()),
    reads.attendance ? reads.attendance(ids) : Promise.resolve(new Map<string, { attended: number; noShows: number; lateCancellations: number }>()),
  ]);
  const offset = cursor?.n ?? 0;
  const items = page.items.map(
    (c, i): Candidate => ({
      rank: offset + i + 1,
      volunteerId: c.volunteerId,
      displayName: c.displayName,
      city: c.city as Candidate['city'],
      score: c.score,
      shiftId: c.shiftId,
      reasons: [...c.reasons, ...ratingReason(ratings.get(c.volunteerId)), ...attendanceReason(attendance.get(c.volunteerId))],
      invited: invited.has(c.volunteerId),
    }),
  );
  return { items, ...(page.lastKey && { nextCursor: encodeCursor({ k: page.lastKey, n: offset + items.length }) }) };
};
