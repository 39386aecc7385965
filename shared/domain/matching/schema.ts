/**
 * Shapes of matching: the views of a volunteer and of an opportunity that scoring reads
 * (built from the registry and opportunity records by adapters.ts, and stored in the
 * matching index items), the explainable reasons returned to clients, and the responses of
 * GET /v1/volunteers/me/matches and GET /v1/opportunities/{id}/candidates.
 */
import * as z from 'zod';
import { Cause } from '../reference/causes.js';
import { CityId } from '../reference/cities.js';
import { Language, Profession, SkillLevel } from '../reference/professions.js';

const Point = z.object({ lat: z.number(), lon: z.number() });
const Weekday = z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** What scoring needs to know about a volunteer (no contact data, no national ID). */
export const MatchVolunteer = z.object({
  id: z.string().min(1),
  birthDate: z.iso.date(),
  city: CityId,
  location: Point.optional(),
  skills: z.array(z.object({ name: z.string(), level: SkillLevel })),
  professions: z.array(Profession),
  languages: z.array(Language),
  availability: z.array(z.object({ day: Weekday, from: Time, to: Time })),
  interests: z.array(Cause),
});
export type MatchVolunteer = z.infer<typeof MatchVolunteer>;

/** What scoring needs to know about an opportunity. */
export const MatchOpportunity = z.object({
  id: z.string().min(1),
  orgId: z.string().min(1),
  titleAr: z.string(),
  titleEn: z.string(),
  category: Cause,
  city: CityId,
  location: Point.optional(),
  remote: z.boolean(),
  /** Required skills; a skill given without a level requires any level. */
  skills: z.array(z.object({ name: z.string(), level: SkillLevel })),
  /** The volunteer must hold at least one of these (none → open to every profession). */
  professions: z.array(Profession),
  /** Working languages; none → `limits.defaultLanguages`. */
  languages: z.array(Language).optional(),
  minAge: z.number().int().optional(),
  shifts: z.array(z.object({ id: z.string(), start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) })),
});
export type MatchOpportunity = z.infer<typeof MatchOpportunity>;

/** Why a pair scores what it scores (eligible) or why it is excluded. `points` is the share of the score. */
export const Reason = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('profession'), detail: Profession, points: z.number() }),
    z.object({
      code: z.literal('skill'),
      detail: z.string().describe('the required skill'),
      required: SkillLevel,
      level: SkillLevel.describe("the volunteer's level"),
      met: z.boolean().describe('level at or above the required one'),
      points: z.number(),
    }),
    z.object({ code: z.literal('distance'), km: z.number(), points: z.number() }),
    z.object({ code: z.literal('remote'), points: z.number() }),
    z.object({
      code: z.literal('availability'),
      shiftId: z.string().describe('the recommended shift'),
      overlap: z.number().describe('share of the shift inside the weekly availability, 0–1'),
      points: z.number(),
    }),
    z.object({ code: z.literal('interest'), detail: Cause, points: z.number() }),
    z.object({ code: z.literal('language'), detail: z.array(Language).describe('working languages the volunteer speaks'), points: z.number() }),
    z
      .object({ code: z.literal('training-required'), modules: z.array(z.string()).describe('required modules without a valid completion'), points: z.number() })
      .describe('a reason, not an exclusion: the volunteer can complete the training before applying'),
    z
      .object({ code: z.literal('ratings'), overall: z.number().describe("mean of the managers' ratings, 1–5"), count: z.int(), points: z.number() })
      .describe("the volunteer's ratings by organisations' managers after past shifts"),
    z
      .object({
        code: z.literal('attendance'),
        attended: z.int(),
        noShows: z.int(),
        lateCancellations: z.int().describe('approved seats given up less than 24 h before the start'),
        points: z.number(),
      })
      .describe("the volunteer's attendance record over the last 12 months (issue 19)"),
  ])
  .meta({ id: 'MatchReason' });
export type Reason = z.infer<typeof Reason>;

/** Why a pair is excluded. Every failed rule is listed. */
export const Exclusion = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('profession-missing'), required: z.array(Profession) }),
    z.object({ code: z.literal('skill-missing'), required: z.array(z.string()) }),
    z.object({ code: z.literal('too-far'), km: z.number(), maxKm: z.number() }),
    z.object({ code: z.literal('under-min-age'), minAge: z.number() }),
    z.object({ code: z.literal('no-future-shift') }),
    z.object({ code: z.literal('already-applied').describe('every shift left is one the volunteer already applied to (or withdrew from)') }),
    z.object({ code: z.literal('seat-held').describe('the volunteer already holds a seat on this opportunity') }),
    z.object({ code: z.literal('no-availability').describe('no shift of the coming week overlaps the weekly availability, and none is later') }),
  ])
  .meta({ id: 'MatchExclusion' });
export type Exclusion = z.infer<typeof Exclusion>;

export interface ScoreResult {
  readonly eligible: boolean;
  /** 0–100, two decimals; 0 when excluded. */
  readonly score: number;
  /** The recommended shift (the best fit of the volunteer's availability), when eligible. */
  readonly shiftId?: string;
  readonly reasons: readonly Reason[];
  readonly exclusions: readonly Exclusion[];
}

const Timestamp = z.iso.datetime({ offset: true });

export const Invitation = z
  .object({
    id: z.string().describe('deterministic: one invitation per volunteer and opportunity'),
    opportunityId: z.string(),
    shiftId: z.string().describe('the recommended shift: apply with POST /v1/opportunities/{opportunityId}/applications { shiftId }'),
    channel: z.enum(['email', 'sms', 'none']),
    sentAt: Timestamp,
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const Match = z
  .object({
    rank: z.number().int().describe('1 = best'),
    opportunityId: z.string(),
    orgId: z.string(),
    titleAr: z.string(),
    titleEn: z.string(),
    category: Cause,
    city: CityId,
    remote: z.boolean(),
    shiftId: z.string().describe('the recommended shift'),
    score: z.number(),
    reasons: z.array(Reason),
    apply: z
      .object({ method: z.literal('POST'), path: z.string(), body: z.object({ shiftId: z.string() }) })
      .describe('one-step application to the recommended shift'),
    invitation: Invitation.optional(),
    matchedAt: Timestamp,
  })
  .meta({ id: 'Match' });
export type Match = z.infer<typeof Match>;

export const MatchPage = z.object({ items: z.array(Match), nextCursor: z.string().optional() }).meta({ id: 'MatchPage' });

/** A candidate as an organisation sees it before the volunteer applies: display data only. */
export const Candidate = z
  .object({
    rank: z.number().int(),
    volunteerId: z.string().describe('opaque id, needed to recognise the volunteer once they apply'),
    displayName: z.string().describe('first name and initial, e.g. "Sara A."'),
    city: CityId,
    score: z.number(),
    shiftId: z.string(),
    reasons: z.array(Reason),
    invited: z.boolean(),
  })
  .strict()
  .meta({ id: 'Candidate' });
export type Candidate = z.infer<typeof Candidate>;

export const CandidatePage = z.object({ items: z.array(Candidate), nextCursor: z.string().optional() }).meta({ id: 'CandidatePage' });

/**
 * Detail of `VolunteerProfileUpdated` (PATCH /v1/volunteers/me): which top-level fields the
 * patch carried. Matching re-indexes the volunteer on it; no contact data is carried.
 */
export const VolunteerProfileUpdatedDetail = z
  .object({ volunteerId: z.string().min(1), fields: z.array(z.string()), updatedAt: Timestamp })
  .strict();

/** Detail of `VolunteerInvited`: the matching job invited a volunteer to an opportunity's recommended shift. */
export const VolunteerInvitedDetail = z
  .object({
    invitationId: z.string().min(1),
    volunteerId: z.string().min(1),
    opportunityId: z.string().min(1),
    shiftId: z.string().min(1),
    channel: z.enum(['email', 'sms', 'none']),
    invitedAt: Timestamp,
  })
  .strict();
