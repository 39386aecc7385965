/**
 * Evaluations both ways after a shift (issue 13): a volunteer who attended rates the experience
 * (1–5, optional comment); the organisation's managers rate each attendee (1–5 on punctuality,
 * skill and conduct, optional note). Once each per shift and person, editable for 7 days.
 * Aggregates are kept incrementally in the same transaction as each evaluation.
 */
import * as z from 'zod';
import { boundedText } from '../reference/text.js';

/** Below this many, averages and per-shift scores are withheld (k-anonymity). */
export const ANONYMITY_THRESHOLD = 5;
export const EDIT_WINDOW_DAYS = 7;

const Score = z.int().min(1).max(5);
const Timestamp = z.iso.datetime({ offset: true });

export const ShiftPath = z.object({ shiftId: z.string().min(1).max(64) });

/**
 * One body for both sides. Without `volunteerId`: the caller (a volunteer who attended) rates
 * the experience with `rating` and an optional `comment`. With `volunteerId`: a manager rates
 * that attendee with `punctuality`, `skill` and `conduct` (or `rating` as the one score for
 * all three) and an optional `note`.
 */
export const EvaluationInput = z
  .object({
    rating: Score.optional().describe('the experience (volunteers), or all three scores at once (managers)'),
    comment: boundedText(1, 2000).optional().describe("the volunteer's comment; shown to the organisation without the author's identity"),
    volunteerId: z.string().min(1).max(128).optional().describe('managers: the attendee rated'),
    punctuality: Score.optional(),
    skill: Score.optional(),
    conduct: Score.optional(),
    note: boundedText(1, 2000).optional().describe("the manager's note, read by the organisation's managers only"),
  })
  .strict()
  .superRefine((input, ctx) => {
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
  });
export type EvaluationInput = z.output<typeof EvaluationInput>;

export const ExperienceRecord = z.object({
  shiftId: z.string(),
  orgId: z.string(),
  opportunityId: z.string(),
  volunteerId: z.string(),
  rating: Score,
  comment: z.string().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  editableUntil: Timestamp,
  version: z.int().min(1),
});
export type ExperienceRecord = z.output<typeof ExperienceRecord>;

export const VolunteerEvaluationRecord = z.object({
  shiftId: z.string(),
  orgId: z.string(),
  opportunityId: z.string(),
  volunteerId: z.string(),
  punctuality: Score,
  skill: Score,
  conduct: Score,
  note: z.string().optional(),
  by: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  editableUntil: Timestamp,
  version: z.int().min(1),
});
export type VolunteerEvaluationRecord = z.output<typeof VolunteerEvaluationRecord>;

/** Running sums, updated in the evaluation's transaction (never recounted on read). */
export const ExperienceAggregate = z.object({ orgId: z.string(), count: z.int().min(0), sum: z.int().min(0) });
export type ExperienceAggregate = z.output<typeof ExperienceAggregate>;

export const VolunteerAggregate = z.object({
  volunteerId: z.string(),
  count: z.int().min(0),
  punctuality: z.int().min(0),
  skill: z.int().min(0),
  conduct: z.int().min(0),
});
export type VolunteerAggregate = z.output<typeof VolunteerAggregate>;

export const EvaluationResult = z
  .object({
    shiftId: z.string(),
    kind: z.enum(['experience', 'volunteer']),
    volunteerId: z.string(),
    version: z.int(),
    editableUntil: Timestamp,
  })
  .meta({ id: 'EvaluationResult' });
export type EvaluationResult = z.output<typeof EvaluationResult>;

export const OrganizationRatingView = z
  .object({
    orgId: z.string(),
    count: z.int(),
    average: z.number().optional().describe(`published once there are at least ${ANONYMITY_THRESHOLD} ratings`),
  })
  .meta({ id: 'OrganizationRating' });
export type OrganizationRatingView = z.output<typeof OrganizationRatingView>;

export const VolunteerRatingView = z
  .object({
    volunteerId: z.string(),
    count: z.int(),
    punctuality: z.number().optional(),
    skill: z.number().optional(),
    conduct: z.number().optional(),
    overall: z.number().optional().describe('mean of the three'),
  })
  .meta({ id: 'VolunteerRating' });
export type VolunteerRatingView = z.output<typeof VolunteerRatingView>;

export const ShiftFeedbackView = z
  .object({
    shiftId: z.string(),
    attended: z.int(),
    experience: z.object({
      count: z.int(),
      average: z.number().optional().describe(`only when at least ${ANONYMITY_THRESHOLD} attended`),
      comments: z
        .array(z.object({ text: z.string(), rating: z.int().optional().describe(`only when at least ${ANONYMITY_THRESHOLD} attended`) }))
        .describe("never with the author's identity; in text order, not in time order"),
    }),
    volunteers: z.array(
      z.object({ volunteerId: z.string(), punctuality: z.int(), skill: z.int(), conduct: z.int(), note: z.string().optional(), by: z.string(), updatedAt: Timestamp }),
    ),
  })
  .meta({ id: 'ShiftFeedback' });
export type ShiftFeedbackView = z.output<typeof ShiftFeedbackView>;

export const VolunteerPath = z.object({ volunteerId: z.string().min(1).max(128) });
