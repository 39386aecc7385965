/**
 * Shapes of training modules (issue 13): what authors send (CreateTraining, UpdateTraining),
 * what is stored (TrainingModuleRecord: the module's head; TrainingVersionRecord: one version
 * of its content; CompletionRecord), what volunteers see (TrainingView: never the answers),
 * attempts and their result, and the `TrainingCompleted` event.
 *
 * A module id is a lower-case ULID (or a chosen slug for national modules, e.g.
 * `ethics-charter`), so it is a valid `trainingModules` entry of an opportunity.
 */
import * as z from '../../zod.js';
import { TrainingModuleId } from '../opportunities/schema.js';
import { boundedText } from '../reference/text.js';

export { TrainingModuleId };

export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 8;
export const MAX_LINKS = 20;
/** Quiz attempts per module and volunteer in any rolling 24 hours. */
export const MAX_ATTEMPTS_PER_DAY = 3;
export const ATTEMPT_WINDOW_MS = 24 * 60 * 60 * 1000;

const Timestamp = /* @__PURE__ */ z.iso.datetime({ offset: true });

export const TrainingLink = /* @__PURE__ */ z.strictObject({
  kind: /* @__PURE__ */ z.enum(['video', 'document']),
  url: /* @__PURE__ */ z.url({ protocol: /^https$/, message: 'must be an https URL' }).check(/* @__PURE__ */ z.maxLength(2000)),
  titleAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, 200)),
  titleEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, 200)),
});
export type TrainingLink = z.output<typeof TrainingLink>;

export const QuestionInput = /* @__PURE__ */ z.strictObject({
  textAr: /* @__PURE__ */ boundedText(1, 1000),
  textEn: /* @__PURE__ */ boundedText(1, 1000),
  /** Each option in both languages. */
  options: /* @__PURE__ */ z
    .array(/* @__PURE__ */ z.strictObject({ ar: /* @__PURE__ */ boundedText(1, 500), en: /* @__PURE__ */ boundedText(1, 500) }))
    .check(/* @__PURE__ */ z.minLength(2), /* @__PURE__ */ z.maxLength(MAX_OPTIONS)),
  answer: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)), 'index of the right option'),
})
  .check(/* @__PURE__ */ z.refine((q) => q.answer < q.options.length, { path: ['answer'], message: 'must be the index of one of the options' }));
export type QuestionInput = z.output<typeof QuestionInput>;

const contentFields = {
  titleAr: /* @__PURE__ */ boundedText(3, 200),
  titleEn: /* @__PURE__ */ boundedText(3, 200),
  contentAr: /* @__PURE__ */ boundedText(1, 20_000),
  contentEn: /* @__PURE__ */ boundedText(1, 20_000),
  links: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(TrainingLink).check(/* @__PURE__ */ z.maxLength(MAX_LINKS)), []),
  questions: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(QuestionInput).check(/* @__PURE__ */ z.maxLength(MAX_QUESTIONS)), []),
  passMark: /* @__PURE__ */ z.described(/* @__PURE__ */ z._default(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100)), 100), 'percent of right answers needed to pass'),
  validityDays: /* @__PURE__ */ z.described(/* @__PURE__ */ z._default(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(3650))), null), 'days a completion stays valid; null: it never expires'),
  practical: /* @__PURE__ */ z.described(/* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), false), 'a manager confirms completion (practical training) instead of a quiz'),
};

const practicalHasNoQuiz = (t: { practical: boolean; questions: readonly unknown[] }) => !(t.practical && t.questions.length > 0);
const practicalRule = { path: ['questions'], message: 'a practical module is confirmed by a manager and has no quiz' };

export const CreateTraining = /* @__PURE__ */ z.strictObject({ ...contentFields, draft: /* @__PURE__ */ z.described(/* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), false), 'true: keep version 1 unpublished until POST /v1/trainings/{id}/publish') })
  .check(/* @__PURE__ */ z.refine(practicalHasNoQuiz, practicalRule));
export type CreateTraining = z.output<typeof CreateTraining>;

/** National modules (ministry-admin) may carry a chosen id, e.g. `ethics-charter`. */
export const CreateNationalTraining = /* @__PURE__ */ z.strictObject({ ...contentFields, draft: /* @__PURE__ */ z._default(/* @__PURE__ */ z.boolean(), false), id: /* @__PURE__ */ z.optional(TrainingModuleId) })
  .check(/* @__PURE__ */ z.refine(practicalHasNoQuiz, practicalRule));
export type CreateNationalTraining = z.output<typeof CreateNationalTraining>;

/** An edit replaces the whole content (a new version when the current one is published). */
export const UpdateTraining = /* @__PURE__ */ z.strictObject(contentFields).check(/* @__PURE__ */ z.refine(practicalHasNoQuiz, practicalRule));
export type UpdateTraining = z.output<typeof UpdateTraining>;

export const TrainingPath = /* @__PURE__ */ z.object({ id: TrainingModuleId });

export type TrainingContent = Omit<UpdateTraining, never>;

/** The module's head: who owns it, which version is live, and whether a draft is being edited. */
export const TrainingModuleRecord = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  /** The owning organisation; absent for national modules. */
  orgId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  national: /* @__PURE__ */ z.boolean(),
  /** The live version (0: never published). */
  publishedVersion: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)),
  /** The highest version written (a draft when greater than publishedVersion). */
  latestVersion: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  createdBy: /* @__PURE__ */ z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type TrainingModuleRecord = z.output<typeof TrainingModuleRecord>;

export const TrainingVersionRecord = /* @__PURE__ */ z.object({
  trainingId: /* @__PURE__ */ z.string(),
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  status: /* @__PURE__ */ z.enum(['draft', 'published']),
  titleAr: /* @__PURE__ */ z.string(),
  titleEn: /* @__PURE__ */ z.string(),
  contentAr: /* @__PURE__ */ z.string(),
  contentEn: /* @__PURE__ */ z.string(),
  links: /* @__PURE__ */ z.array(TrainingLink),
  questions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ textAr: /* @__PURE__ */ z.string(), textEn: /* @__PURE__ */ z.string(), options: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ ar: /* @__PURE__ */ z.string(), en: /* @__PURE__ */ z.string() })), answer: /* @__PURE__ */ z.int() })),
  passMark: /* @__PURE__ */ z.int(),
  validityDays: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.int()),
  practical: /* @__PURE__ */ z.boolean(),
  createdBy: /* @__PURE__ */ z.string(),
  createdAt: Timestamp,
  publishedAt: /* @__PURE__ */ z.optional(Timestamp),
});
export type TrainingVersionRecord = z.output<typeof TrainingVersionRecord>;

export const TrainingView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    national: /* @__PURE__ */ z.boolean(),
    version: /* @__PURE__ */ z.int(),
    status: /* @__PURE__ */ z.enum(['draft', 'published']),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
    contentAr: /* @__PURE__ */ z.string(),
    contentEn: /* @__PURE__ */ z.string(),
    links: /* @__PURE__ */ z.array(TrainingLink),
    questions: /* @__PURE__ */ z.described(/* @__PURE__ */ z
      .array(
        /* @__PURE__ */ z.object({
          textAr: /* @__PURE__ */ z.string(),
          textEn: /* @__PURE__ */ z.string(),
          options: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ ar: /* @__PURE__ */ z.string(), en: /* @__PURE__ */ z.string() })),
          answer: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()), 'only for the authors of the module'),
        }),
      ), 'the quiz; the right answers are never shown to volunteers'),
    passMark: /* @__PURE__ */ z.int(),
    validityDays: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.int()),
    practical: /* @__PURE__ */ z.boolean(),
    publishedAt: /* @__PURE__ */ z.optional(Timestamp),
    latestVersion: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()), 'authors only: the highest version, a draft when above `version`'),
  }), { id: 'Training' });
export type TrainingView = z.output<typeof TrainingView>;

export const CreatedTraining = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), version: /* @__PURE__ */ z.int(), status: /* @__PURE__ */ z.enum(['draft', 'published']) }), { id: 'CreatedTraining' });
export type CreatedTraining = z.output<typeof CreatedTraining>;

export const AttemptInput = /* @__PURE__ */ z.strictObject({
  answers: /* @__PURE__ */ z.described(/* @__PURE__ */ z.array(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(MAX_OPTIONS - 1))).check(/* @__PURE__ */ z.maxLength(MAX_QUESTIONS)), 'index of the chosen option, one per question, in order'),
  version: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1))), 'the version the answers are for (GET /v1/trainings/{id}); a newer live version → 409'),
});
export type AttemptInput = z.output<typeof AttemptInput>;

export const AttemptResult = /* @__PURE__ */ (() => z.withMeta(/* @__PURE__ */ z
  .object({
    score: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100)), 'percent of right answers'),
    passed: /* @__PURE__ */ z.boolean(),
    version: /* @__PURE__ */ z.int(),
    validUntil: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(Timestamp), 'when passed and the module has a validity'),
    attemptsLeft: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0)), `attempts left in the rolling 24 hours (${MAX_ATTEMPTS_PER_DAY} at most)`),
  }), { id: 'TrainingAttemptResult' }))();
export type AttemptResult = z.output<typeof AttemptResult>;

export const ConfirmPractical = /* @__PURE__ */ z.strictObject({ volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)), note: /* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(1, 1000)) });
export type ConfirmPractical = z.output<typeof ConfirmPractical>;

/** The volunteer's latest completion of a module (a renewal replaces it; `version` says which content). */
export const CompletionRecord = /* @__PURE__ */ z.object({
  volunteerId: /* @__PURE__ */ z.string(),
  trainingId: /* @__PURE__ */ z.string(),
  version: /* @__PURE__ */ z.int(),
  completedAt: Timestamp,
  validUntil: /* @__PURE__ */ z.optional(Timestamp),
  method: /* @__PURE__ */ z.enum(['quiz', 'practical']),
  score: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
  confirmedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type CompletionRecord = z.output<typeof CompletionRecord>;

export const CompletionView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    trainingId: /* @__PURE__ */ z.string(),
    version: /* @__PURE__ */ z.int(),
    completedAt: Timestamp,
    validUntil: /* @__PURE__ */ z.optional(Timestamp),
    valid: /* @__PURE__ */ z.described(/* @__PURE__ */ z.boolean(), 'not expired now'),
    method: /* @__PURE__ */ z.enum(['quiz', 'practical']),
    score: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
    titleAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    titleEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  }), { id: 'TrainingCompletion' });
export type CompletionView = z.output<typeof CompletionView>;

export const CompletionList = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(CompletionView) }), { id: 'TrainingCompletionList' });

/**
 * Detail of `TrainingMissingAtCheckIn`: a volunteer checked in to a shift whose required
 * training they have not validly completed (it may expire between approval and the shift).
 * The check-in stands; the managers are warned and the volunteer told.
 */
export const TrainingMissingAtCheckInDetail = /* @__PURE__ */ z.strictObject({
  volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  shiftId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  opportunityId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  orgId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  missing: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()).check(/* @__PURE__ */ z.minLength(1)),
  checkedInAt: Timestamp,
});

/** Detail of `TrainingCompleted`: a volunteer passed a module's quiz or a manager confirmed a practical one. */
export const TrainingCompletedDetail = /* @__PURE__ */ z.strictObject({
  volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  trainingId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)),
  completedAt: Timestamp,
  validUntil: /* @__PURE__ */ z.optional(Timestamp),
});
