/**
 * Evaluations both ways after a shift (issue 13): a volunteer who attended rates the experience
 * (1–5, optional comment); the organisation's managers rate each attendee (1–5 on punctuality,
 * skill and conduct, optional note). Once each per shift and person, editable for 7 days.
 * Aggregates are kept incrementally in the same transaction as each evaluation.
 */
import * as z from '../../zod.js';
import { boundedText } from '../reference/text.js';

/** Below this many, averages and per-shift scores are withheld (k-anonymity). */
export const ANONYMITY_THRESHOLD = 5;
export const EDIT_WINDOW_DAYS = 7;

const Score = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(5));
const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });

export const ShiftPath = /* @__PURE__ */ z.object({ shiftId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(64)) });

/**
 * One body for both sides. Without `volunteerId`: the caller (a volunteer who attended) rates
 * the experience with `rating` and an optional `comment`. With `volunteerId`: a manager rates
 * that attendee with `punctuality`, `skill` and `conduct` (or `rating` as the one score for
 * all three) and an optional `note`.
 */
export const EvaluationInput = /* @__PURE__ */ z.strictObject({
  rating: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Score), 'the experience (volunteers), or all three scores at once (managers)'),
  comment: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, 2000)), "the volunteer's comment; shown to the organisation without the author's identity"),
  volunteerId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128))), 'managers: the attendee rated'),
  punctuality: /* @__PURE__ */ z.optional(Score),
  skill: /* @__PURE__ */ z.optional(Score),
  conduct: /* @__PURE__ */ z.optional(Score),
  note: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, 2000)), "the manager's note, read by the organisation's managers only"),
})
  .check(/* @__PURE__ */ z.superRefine((input, ctx) => {
    if (input.volunteerId === undefined) {
      if (input.rating === undefined) ctx.addIssue({ code: 'custom', path: ['rating'], message: 'required: the experience from 1 to 5' });
      for (const field of ['punctuality', 'skill', 'conduct', 'note'] as const) {
        if (input[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'only managers rating a volunteer (with volunteerId) send this' });
      }
      return;
    }
    if (input.comment !== undefined) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'managers write a note, not a comment' });
    if (input.rating === undefined) {
      for (const field of ['punctuality', 'skill', 'conduct'] as const) {
        if (input[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'required: 1 to 5 (or rating for all three)' });
      }
    }
  }));
export type EvaluationInput = z.output<typeof EvaluationInput>;

export const ExperienceRecord = /* @__PURE__ */ z.object({
  shiftId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  opportunityId: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  rating: Score,
  comment: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  editableUntil: Timestamp,
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
});
export type ExperienceRecord = z.output<typeof ExperienceRecord>;

export const VolunteerEvaluationRecord = /* @__PURE__ */ z.object({
  shiftId: /* @__PURE__ */ z.string(),
  orgId: /* @__PURE__ */ z.string(),
  opportunityId: /* @__PURE__ */ z.string(),
  volunteerId: /* @__PURE__ */ z.string(),
  punctuality: Score,
  skill: Score,
  conduct: Score,
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  by: /* @__PURE__ */ z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  editableUntil: Timestamp,
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
});
export type VolunteerEvaluationRecord = z.output<typeof VolunteerEvaluationRecord>;

/** Running sums, updated in the evaluation's transaction (never recounted on read). */
export const ExperienceAggregate = /* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.string(), count: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)), sum: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)) });
export type ExperienceAggregate = z.output<typeof ExperienceAggregate>;

export const VolunteerAggregate = /* @__PURE__ */ z.object({
  volunteerId: /* @__PURE__ */ z.string(),
  count: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  punctuality: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  skill: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  conduct: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
});
export type VolunteerAggregate = z.output<typeof VolunteerAggregate>;

export const EvaluationResult = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    shiftId: /* @__PURE__ */ z.string(),
    kind: /* @__PURE__ */ z.enum(['experience', 'volunteer']),
    volunteerId: /* @__PURE__ */ z.string(),
    version: /* @__PURE__ */ z.int(),
    editableUntil: Timestamp,
  }), { id: 'EvaluationResult' });
export type EvaluationResult = z.output<typeof EvaluationResult>;

export const OrganizationRatingView = /* @__PURE__ */ (() => z.withMeta(/* @__PURE__ */ z
  .object({
    orgId: /* @__PURE__ */ z.string(),
    count: /* @__PURE__ */ z.int(),
    average: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()), `published once there are at least ${ANONYMITY_THRESHOLD} ratings`),
  }), { id: 'OrganizationRating' }))();
export type OrganizationRatingView = z.output<typeof OrganizationRatingView>;

export const VolunteerRatingView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    volunteerId: /* @__PURE__ */ z.string(),
    count: /* @__PURE__ */ z.int(),
    punctuality: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
    skill: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
    conduct: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
    overall: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()), 'mean of the three'),
  }), { id: 'VolunteerRating' });
export type VolunteerRatingView = z.output<typeof VolunteerRatingView>;

export const ShiftFeedbackView = /* @__PURE__ */ (() => z.withMeta(/* @__PURE__ */ z
  .object({
    shiftId: /* @__PURE__ */ z.string(),
    attended: /* @__PURE__ */ z.int(),
    experience: /* @__PURE__ */ z.object({
      count: /* @__PURE__ */ z.int(),
      average: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()), `only when at least ${ANONYMITY_THRESHOLD} attended`),
      comments: /* @__PURE__ */ z.described(/* @__PURE__ */ z
        .array(/* @__PURE__ */ z.object({ text: /* @__PURE__ */ z.string(), rating: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()), `only when at least ${ANONYMITY_THRESHOLD} attended`) })), "never with the author's identity; in text order, not in time order"),
    }),
    volunteers: /* @__PURE__ */ z.array(
      /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), punctuality: /* @__PURE__ */ z.int(), skill: /* @__PURE__ */ z.int(), conduct: /* @__PURE__ */ z.int(), note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), by: /* @__PURE__ */ z.string(), updatedAt: Timestamp }),
    ),
  }), { id: 'ShiftFeedback' }))();
export type ShiftFeedbackView = z.output<typeof ShiftFeedbackView>;

export const VolunteerPath = /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)) });
