/**
 * Shapes of training modules (issue 13): what authors send (CreateTraining, UpdateTraining),
 * what is stored (TrainingModuleRecord: the module's head; TrainingVersionRecord: one version
 * of its content; CompletionRecord), what volunteers see (TrainingView: never the answers),
 * attempts and their result, and the `TrainingCompleted` event.
 *
 * A module id is a lower-case ULID (or a chosen slug for national modules, e.g.
 * `ethics-charter`), so it is a valid `trainingModules` entry of an opportunity.
 */
import * as z from 'zod';
import { TrainingModuleId } from '../opportunities/schema.js';
import { boundedText } from '../reference/text.js';

export { TrainingModuleId };

export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 8;
export const MAX_LINKS = 20;
/** Quiz attempts per module and volunteer in any rolling 24 hours. */
export const MAX_ATTEMPTS_PER_DAY = 3;
export const ATTEMPT_WINDOW_MS = 24 * 60 * 60 * 1000;

const Timestamp = z.iso.datetime({ offset: true });

export const TrainingLink = z
  .object({
    kind: z.enum(['video', 'document']),
    url: z.url({ protocol: /^https$/, message: 'must be an https URL' }).max(2000),
    titleAr: boundedText(1, 200).optional(),
    titleEn: boundedText(1, 200).optional(),
  })
  .strict();
export type TrainingLink = z.output<typeof TrainingLink>;

export const QuestionInput = z
  .object({
    textAr: boundedText(1, 1000),
    textEn: boundedText(1, 1000),
    /** Each option in both languages. */
    options: z
      .array(z.object({ ar: boundedText(1, 500), en: boundedText(1, 500) }).strict())
      .min(2)
      .max(MAX_OPTIONS),
    answer: z.int().min(0).describe('index of the right option'),
  })
  .strict()
  .refine((q) => q.answer < q.options.length, { path: ['answer'], message: 'must be the index of one of the options' });
export type QuestionInput = z.output<typeof QuestionInput>;

const contentFields = {
  titleAr: boundedText(3, 200),
  titleEn: boundedText(3, 200),
  contentAr: boundedText(1, 20_000),
  contentEn: boundedText(1, 20_000),
  links: z.array(TrainingLink).max(MAX_LINKS).default([]),
  questions: z.array(QuestionInput).max(MAX_QUESTIONS).default([]),
  passMark: z.int().min(0).max(100).default(100).describe('percent of right answers needed to pass'),
  validityDays: z.int().min(1).max(3650).nullable().default(null).describe('days a completion stays valid; null: it never expires'),
  practical: z.boolean().default(false).describe('a manager confirms completion (practical training) instead of a quiz'),
};

const practicalHasNoQuiz = (t: { practical: boolean; questions: readonly unknown[] }) => !(t.practical && t.questions.length > 0);
const practicalRule = { path: ['questions'], message: 'a practical module is confirmed by a manager and has no quiz' };

export const CreateTraining = z
  .object({ ...contentFields, draft: z.boolean().default(false).describe('true: keep version 1 unpublished until POST /v1/trainings/{id}/publish') })
  .strict()
  .refine(practicalHasNoQuiz, practicalRule);
export type CreateTraining = z.output<typeof CreateTraining>;

/** National modules (ministry-admin) may carry a chosen id, e.g. `ethics-charter`. */
export const CreateNationalTraining = z
  .object({ ...contentFields, draft: z.boolean().default(false), id: TrainingModuleId.optional() })
  .strict()
  .refine(practicalHasNoQuiz, practicalRule);
export type CreateNationalTraining = z.output<typeof CreateNationalTraining>;

/** An edit replaces the whole content (a new version when the current one is published). */
export const UpdateTraining = z.object(contentFields).strict().refine(practicalHasNoQuiz, practicalRule);
export type UpdateTraining = z.output<typeof UpdateTraining>;

export const TrainingPath = z.object({ id: TrainingModuleId });

export type TrainingContent = Omit<UpdateTraining, never>;

/** The module's head: who owns it, which version is live, and whether a draft is being edited. */
export const TrainingModuleRecord = z.object({
  id: z.string(),
  /** The owning organisation; absent for national modules. */
  orgId: z.string().optional(),
  national: z.boolean(),
  /** The live version (0: never published). */
  publishedVersion: z.int().min(0),
  /** The highest version written (a draft when greater than publishedVersion). */
  latestVersion: z.int().min(1),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TrainingModuleRecord = z.output<typeof TrainingModuleRecord>;

export const TrainingVersionRecord = z.object({
  trainingId: z.string(),
  version: z.int().min(1),
  status: z.enum(['draft', 'published']),
  titleAr: z.string(),
  titleEn: z.string(),
  contentAr: z.string(),
  contentEn: z.string(),
  links: z.array(TrainingLink),
  questions: z.array(z.object({ textAr: z.string(), textEn: z.string(), options: z.array(z.object({ ar: z.string(), en: z.string() })), answer: z.int() })),
  passMark: z.int(),
  validityDays: z.int().nullable(),
  practical: z.boolean(),
  createdBy: z.string(),
  createdAt: Timestamp,
  publishedAt: Timestamp.optional(),
});
export type TrainingVersionRecord = z.output<typeof TrainingVersionRecord>;

export const TrainingView = z
  .object({
    id: z.string(),
    orgId: z.string().optional(),
    national: z.boolean(),
    version: z.int(),
    status: z.enum(['draft', 'published']),
    titleAr: z.string(),
    titleEn: z.string(),
    contentAr: z.string(),
    contentEn: z.string(),
    links: z.array(TrainingLink),
    questions: z
      .array(
        z.object({
          textAr: z.string(),
          textEn: z.string(),
          options: z.array(z.object({ ar: z.string(), en: z.string() })),
          answer: z.int().optional().describe('only for the authors of the module'),
        }),
      )
      .describe('the quiz; the right answers are never shown to volunteers'),
    passMark: z.int(),
    validityDays: z.int().nullable(),
    practical: z.boolean(),
    publishedAt: Timestamp.optional(),
    latestVersion: z.int().optional().describe('authors only: the highest version, a draft when above `version`'),
  })
  .meta({ id: 'Training' });
export type TrainingView = z.output<typeof TrainingView>;

export const CreatedTraining = z.object({ id: z.string(), version: z.int(), status: z.enum(['draft', 'published']) }).meta({ id: 'CreatedTraining' });
export type CreatedTraining = z.output<typeof CreatedTraining>;

export const AttemptInput = z
  .object({
    answers: z.array(z.int().min(0).max(MAX_OPTIONS - 1)).max(MAX_QUESTIONS).describe('index of the chosen option, one per question, in order'),
    version: z.int().min(1).optional().describe('the version the answers are for (GET /v1/trainings/{id}); a newer live version → 409'),
  })
  .strict();
export type AttemptInput = z.output<typeof AttemptInput>;

export const AttemptResult = z
  .object({
    score: z.int().min(0).max(100).describe('percent of right answers'),
    passed: z.boolean(),
    version: z.int(),
    validUntil: Timestamp.optional().describe('when passed and the module has a validity'),
    attemptsLeft: z.int().min(0).describe(`attempts left in the rolling 24 hours (${MAX_ATTEMPTS_PER_DAY} at most)`),
  })
  .meta({ id: 'TrainingAttemptResult' });
export type AttemptResult = z.output<typeof AttemptResult>;

export const ConfirmPractical = z
  .object({ volunteerId: z.string().min(1).max(128), note: boundedText(1, 1000).optional() })
  .strict();
export type ConfirmPractical = z.output<typeof ConfirmPractical>;

/** The volunteer's latest completion of a module (a renewal replaces it; `version` says which content). */
export const CompletionRecord = z.object({
  volunteerId: z.string(),
  trainingId: z.string(),
  version: z.int(),
  completedAt: Timestamp,
  validUntil: Timestamp.optional(),
  method: z.enum(['quiz', 'practical']),
  score: z.int().optional(),
  confirmedBy: z.string().optional(),
});
export type CompletionRecord = z.output<typeof CompletionRecord>;

export const CompletionView = z
  .object({
    trainingId: z.string(),
    version: z.int(),
    completedAt: Timestamp,
    validUntil: Timestamp.optional(),
    valid: z.boolean().describe('not expired now'),
    method: z.enum(['quiz', 'practical']),
    score: z.int().optional(),
    titleAr: z.string().optional(),
    titleEn: z.string().optional(),
  })
  .meta({ id: 'TrainingCompletion' });
export type CompletionView = z.output<typeof CompletionView>;

export const CompletionList = z.object({ items: z.array(CompletionView) }).meta({ id: 'TrainingCompletionList' });

/**
 * Detail of `TrainingMissingAtCheckIn`: a volunteer checked in to a shift whose required
 * training they have not validly completed (it may expire between approval and the shift).
 * The check-in stands; the managers are warned and the volunteer told.
 */
export const TrainingMissingAtCheckInDetail = z
  .object({
    volunteerId: z.string().min(1),
    shiftId: z.string().min(1),
    opportunityId: z.string().min(1),
    orgId: z.string().min(1),
    missing: z.array(z.string()).min(1),
    checkedInAt: Timestamp,
  })
  .strict();

/** Detail of `TrainingCompleted`: a volunteer passed a module's quiz or a manager confirmed a practical one. */
export const TrainingCompletedDetail = z
  .object({
    volunteerId: z.string().min(1),
    trainingId: z.string().min(1),
    version: z.int().min(1),
    completedAt: Timestamp,
    validUntil: Timestamp.optional(),
  })
  .strict();
