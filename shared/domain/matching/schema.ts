/**
 * Shapes of matching: the views of a volunteer and of an opportunity that scoring reads
 * (built from the registry and opportunity records by adapters.ts, and stored in the
 * matching index items), the explainable reasons returned to clients, and the responses of
 * GET /v1/volunteers/me/matches and GET /v1/opportunities/{id}/candidates.
 */
import * as z from '../../zod.js';
import { Cause } from '../reference/causes.js';
import { CityId } from '../reference/cities.js';
import { Language, Profession, SkillLevel } from '../reference/professions.js';

const Point = /* @__PURE__ */ z.object({ lat: /* @__PURE__ */ z.number(), lon: /* @__PURE__ */ z.number() });
const Weekday = /* @__PURE__ */ z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
const Time = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** What scoring needs to know about a volunteer (no contact data, no national ID). */
export const MatchVolunteer = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  birthDate: /* @__PURE__ */ z.iso.date(),
  city: CityId,
  location: /* @__PURE__ */ z.optional(Point),
  skills: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.string(), level: SkillLevel })),
  professions: /* @__PURE__ */ z.array(Profession),
  languages: /* @__PURE__ */ z.array(Language),
  availability: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ day: Weekday, from: Time, to: Time })),
  interests: /* @__PURE__ */ z.array(Cause),
});
export type MatchVolunteer = z.infer<typeof MatchVolunteer>;

/** What scoring needs to know about an opportunity. */
export const MatchOpportunity = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  orgId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  category: Cause,
  city: CityId,
  location: /* @__PURE__ */ z.optional(Point),
  remote: /* @__PURE__ */ z.boolean(),
  /** Required skills; a skill given without a level requires any level. */
  skills: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.string(), level: SkillLevel })),
  /** The volunteer must hold at least one of these (none → open to every profession). */
  professions: /* @__PURE__ */ z.array(Profession),
  /** Working languages; none → `limits.defaultLanguages`. */
  languages: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Language)),
  minAge: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int())),
  shifts: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), start: /* @__PURE__ */ z.iso.datetime({ offset: true }), end: /* @__PURE__ */ z.iso.datetime({ offset: true }) })),
});
export type MatchOpportunity = z.infer<typeof MatchOpportunity>;

/** Why a pair scores what it scores (eligible) or why it is excluded. `points` is the share of the score. */
export const Reason = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .discriminatedUnion('code', [
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('profession'), detail: Profession, points: /* @__PURE__ */ z.number() }),
    /* @__PURE__ */ z.object({
      code: /* @__PURE__ */ z.literal('skill'),
      detail: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the required skill'),
      required: SkillLevel,
      level: /* @__PURE__ */ z.described(SkillLevel, "the volunteer's level"),
      met: /* @__PURE__ */ z.described(/* @__PURE__ */ z.boolean(), 'level at or above the required one'),
      points: /* @__PURE__ */ z.number(),
    }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('distance'), km: /* @__PURE__ */ z.number(), points: /* @__PURE__ */ z.number() }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('remote'), points: /* @__PURE__ */ z.number() }),
    /* @__PURE__ */ z.object({
      code: /* @__PURE__ */ z.literal('availability'),
      shiftId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the recommended shift'),
      overlap: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), 'share of the shift inside the weekly availability, 0–1'),
      points: /* @__PURE__ */ z.number(),
    }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('interest'), detail: Cause, points: /* @__PURE__ */ z.number() }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('language'), detail: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(Language), 'working languages the volunteer speaks'), points: /* @__PURE__ */ z.number() }),
    /* @__PURE__ */ z.described(/* @__PURE__ */ z
      .object({ code: /* @__PURE__ */ z.literal('training-required'), modules: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string()), 'required modules without a valid completion'), points: /* @__PURE__ */ z.number() }), 'a reason, not an exclusion: the volunteer can complete the training before applying'),
    /* @__PURE__ */ z.described(/* @__PURE__ */ z
      .object({ code: /* @__PURE__ */ z.literal('ratings'), overall: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number(), "mean of the managers' ratings, 1–5"), count: /* @__PURE__ */ z.int(), points: /* @__PURE__ */ z.number() }), "the volunteer's ratings by organisations' managers after past shifts"),
    /* @__PURE__ */ z.described(/* @__PURE__ */ z
      .object({
        code: /* @__PURE__ */ z.literal('attendance'),
        attended: /* @__PURE__ */ z.int(),
        noShows: /* @__PURE__ */ z.int(),
        lateCancellations: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'approved seats given up less than 24 h before the start'),
        points: /* @__PURE__ */ z.number(),
      }), "the volunteer's attendance record over the last 12 months (issue 19)"),
  ]), { id: 'MatchReason' });
export type Reason = z.infer<typeof Reason>;

/** Why a pair is excluded. Every failed rule is listed. */
export const Exclusion = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .discriminatedUnion('code', [
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('profession-missing'), required: /* @__PURE__ */ z.array(Profession) }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('skill-missing'), required: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()) }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('too-far'), km: /* @__PURE__ */ z.number(), maxKm: /* @__PURE__ */ z.number() }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('under-min-age'), minAge: /* @__PURE__ */ z.number() }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.literal('no-future-shift') }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.described(/* @__PURE__ */ z.literal('already-applied'), 'every shift left is one the volunteer already applied to (or withdrew from)') }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.described(/* @__PURE__ */ z.literal('seat-held'), 'the volunteer already holds a seat on this opportunity') }),
    /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.described(/* @__PURE__ */ z.literal('no-availability'), 'no shift of the coming week overlaps the weekly availability, and none is later') }),
  ]), { id: 'MatchExclusion' });
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

const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });

export const Invitation = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'deterministic: one invitation per volunteer and opportunity'),
    opportunityId: /* @__PURE__ */ z.string(),
    shiftId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the recommended shift: apply with POST /v1/opportunities/{opportunityId}/applications { shiftId }'),
    channel: /* @__PURE__ */ z.enum(['email', 'sms', 'none']),
    sentAt: Timestamp,
  }), { id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const Match = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    rank: /* @__PURE__ */ z.described(/* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()), '1 = best'),
    opportunityId: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.string(),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
    category: Cause,
    city: CityId,
    remote: /* @__PURE__ */ z.boolean(),
    shiftId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the recommended shift'),
    score: /* @__PURE__ */ z.number(),
    reasons: /* @__PURE__ */ z.array(Reason),
    apply: /* @__PURE__ */ z.described(/* @__PURE__ */ z
      .object({ method: /* @__PURE__ */ z.literal('POST'), path: /* @__PURE__ */ z.string(), body: /* @__PURE__ */ z.object({ shiftId: /* @__PURE__ */ z.string() }) }), 'one-step application to the recommended shift'),
    invitation: /* @__PURE__ */ z.optional(Invitation),
    matchedAt: Timestamp,
  }), { id: 'Match' });
export type Match = z.infer<typeof Match>;

export const MatchPage = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(Match), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }), { id: 'MatchPage' });

/** A candidate as an organisation sees it before the volunteer applies: display data only. */
export const Candidate = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.strictObject({
  rank: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int()),
  volunteerId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'opaque id, needed to recognise the volunteer once they apply'),
  displayName: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'first name and initial, e.g. "Sara A."'),
  city: CityId,
  score: /* @__PURE__ */ z.number(),
  shiftId: /* @__PURE__ */ z.string(),
  reasons: /* @__PURE__ */ z.array(Reason),
  invited: /* @__PURE__ */ z.boolean(),
}), { id: 'Candidate' });
export type Candidate = z.infer<typeof Candidate>;

export const CandidatePage = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(Candidate), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }), { id: 'CandidatePage' });

/**
 * Detail of `VolunteerProfileUpdated` (PATCH /v1/volunteers/me): which top-level fields the
 * patch carried. Matching re-indexes the volunteer on it; no contact data is carried.
 */
export const VolunteerProfileUpdatedDetail = /* @__PURE__ */ z.strictObject({ volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)), fields: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()), updatedAt: Timestamp });

/** Detail of `VolunteerInvited`: the matching job invited a volunteer to an opportunity's recommended shift. */
export const VolunteerInvitedDetail = /* @__PURE__ */ z.strictObject({
  invitationId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  opportunityId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  shiftId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  channel: /* @__PURE__ */ z.enum(['email', 'sms', 'none']),
  invitedAt: Timestamp,
});
