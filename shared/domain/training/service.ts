/**
 * Training modules as the HTTP routes see them. Pure: ports come in as arguments. Who may do what:
 * - author (create, edit, publish): an organisation's modules by its managers; national modules
 *   (any organisation may require them) by ministry-admins;
 * - read: any signed-in caller reads the live version, without the answers; its authors read
 *   drafts and the answers;
 * - attempt: a volunteer, graded here, at most 3 attempts in any rolling 24 hours;
 * - confirm a practical module: the owning organisation's managers (national ones: any manager
 *   or a ministry-admin).
 *
 * Versions: editing a module whose latest version is published writes version n + 1 and
 * publishes it at once (completions keep the version they were for); editing a draft replaces
 * it; a draft goes live with publish.
 */
import { hasGroup, managesOrganization, requireGroup, type Caller } from '../caller.js';
import { domainEvent } from '../events.js';
import { ForbiddenError, RuleViolationError } from '../errors.js';
import { AttemptContentionError, AttemptsExhaustedError, TrainingNotFoundError, TrainingVersionChangedError, WrongCompletionMethodError } from './errors.js';
import { grade, isValidAt, nextAttemptAt, recentAttempts, validUntilOf } from './grading.js';
import type { TrainingDeps } from './ports.js';
import {
  MAX_ATTEMPTS_PER_DAY,
  type AttemptInput,
  type AttemptResult,
  type CompletionRecord,
  type CompletionView,
  type ConfirmPractical,
  type CreatedTraining,
  type CreateNationalTraining,
  type CreateTraining,
  type TrainingModuleRecord,
  type TrainingVersionRecord,
  type TrainingView,
  type UpdateTraining,
} from './schema.js';

/** Rounds of read → conditional write of an attempt before giving up (3 attempts can race at most 3 times). */
const MAX_ATTEMPT_ROUNDS = 10;

export type ServiceDeps = TrainingDeps & { readonly volunteers: { get(sub: string): Promise<unknown> } };

const mayAuthor = (caller: Caller | undefined, head: TrainingModuleRecord): boolean =>
  head.national ? hasGroup(caller, 'ministry-admin') : head.orgId !== undefined && managesOrganization(caller, head.orgId);

const mayConfirm = (caller: Caller, head: TrainingModuleRecord): boolean =>
  head.national ? hasGroup(caller, 'org-manager', 'ministry-admin') : head.orgId !== undefined && managesOrganization(caller, head.orgId);

const contentOf = (input: UpdateTraining) => ({
  titleAr: input.titleAr,
  titleEn: input.titleEn,
  contentAr: input.contentAr,
  contentEn: input.contentEn,
  links: input.links,
  questions: input.questions,
  passMark: input.passMark,
  validityDays: input.validityDays,
  practical: input.practical,
});

const create = async (
  deps: TrainingDeps,
  caller: Caller,
  owner: { orgId?: string; national: boolean; id: string },
  input: CreateTraining,
): Promise<CreatedTraining> => {
  const at = deps.clock.now().toISOString();
  const status = input.draft ? 'draft' : 'published';
  const head: TrainingModuleRecord = {
    id: owner.id,
    ...(owner.orgId !== undefined && { orgId: owner.orgId }),
    national: owner.national,
    publishedVersion: input.draft ? 0 : 1,
    latestVersion: 1,
    createdBy: caller.sub,
    createdAt: at,
    updatedAt: at,
  };
  const version: TrainingVersionRecord = {
    trainingId: owner.id,
    version: 1,
    status,
    ...contentOf(input),
    createdBy: caller.sub,
    createdAt: at,
    ...(!input.draft && { publishedAt: at }),
  };
  await deps.repo.create(head, version);
  return { id: owner.id, version: 1, status };
};

/** A lower-case ULID: a valid `trainingModules` entry of an opportunity. */
const newId = (deps: TrainingDeps) => deps.ids().toLowerCase();

export const createTraining = async (deps: TrainingDeps, caller: Caller, orgId: string, input: CreateTraining): Promise<CreatedTraining> => {
  if (!managesOrganization(caller, orgId)) throw new ForbiddenError(`only managers of organisation ${orgId} may author its trainings`);
  return create(deps, caller, { orgId, national: false, id: newId(deps) }, input);
};

export const createNationalTraining = async (deps: TrainingDeps, caller: Caller, input: CreateNationalTraining): Promise<CreatedTraining> => {
  requireGroup(caller, 'ministry-admin');
  return create(deps, caller, { national: true, id: input.id ?? newId(deps) }, input);
};

const loadHead = async (deps: TrainingDeps, caller: Caller | undefined, id: string): Promise<TrainingModuleRecord> => {
  const head = await deps.repo.get(id);
  // Never published: only its authors know it exists.
  if (!head || (head.publishedVersion === 0 && !mayAuthor(caller, head))) throw new TrainingNotFoundError(id);
  return head;
};

const loadVersion = async (deps: TrainingDeps, id: string, version: number): Promise<TrainingVersionRecord> => {
  const found = await deps.repo.version(id, version);
  if (!found) throw new Error(`training ${id} has no version ${version} although its head names it`);
  return found;
};

/** Edits a module: a new published version when the latest is published, else the draft replaced. */
export const updateTraining = async (deps: TrainingDeps, caller: Caller, id: string, input: UpdateTraining): Promise<CreatedTraining> => {
  const head = await loadHead(deps, caller, id);
  if (!mayAuthor(caller, head)) throw new TrainingNotFoundError(id);
  const at = deps.clock.now().toISOString();
  const latestIsDraft = head.latestVersion > head.publishedVersion;
  const number = latestIsDraft ? head.latestVersion : head.latestVersion + 1;
  const status = latestIsDraft ? 'draft' : 'published';
  const version: TrainingVersionRecord = {
    trainingId: id,
    version: number,
    status,
    ...contentOf(input),
    createdBy: caller.sub,
    createdAt: at,
    ...(status === 'published' && { publishedAt: at }),
  };
  const next: TrainingModuleRecord = { ...head, latestVersion: number, publishedVersion: status === 'published' ? number : head.publishedVersion, updatedAt: at };
  await deps.repo.saveVersion(head, next, version);
  return { id, version: number, status };
};

/** Publishes the draft (its latest version); publishing a module without a draft answers the live version. */
export const publishTraining = async (deps: TrainingDeps, caller: Caller, id: string): Promise<CreatedTraining> => {
  const head = await loadHead(deps, caller, id);
  if (!mayAuthor(caller, head)) throw new TrainingNotFoundError(id);
  if (head.latestVersion === head.publishedVersion) return { id, version: head.publishedVersion, status: 'published' };
  const at = deps.clock.now().toISOString();
  const draft = await loadVersion(deps, id, head.latestVersion);
  await deps.repo.saveVersion(head, { ...head, publishedVersion: draft.version, updatedAt: at }, { ...draft, status: 'published', publishedAt: at });
  return { id, version: draft.version, status: 'published' };
};

const toView = (head: TrainingModuleRecord, version: TrainingVersionRecord, author: boolean): TrainingView => ({
  id: head.id,
  ...(head.orgId !== undefined && { orgId: head.orgId }),
  national: head.national,
  version: version.version,
  status: version.status,
  titleAr: version.titleAr,
  titleEn: version.titleEn,
  contentAr: version.contentAr,
  contentEn: version.contentEn,
  links: version.links,
  questions: version.questions.map((q) => ({ textAr: q.textAr, textEn: q.textEn, options: q.options, ...(author && { answer: q.answer }) })),
  passMark: version.passMark,
  validityDays: version.validityDays,
  practical: version.practical,
  ...(version.publishedAt !== undefined && { publishedAt: version.publishedAt }),
  ...(author && { latestVersion: head.latestVersion }),
});

/** The live version without the answers; its authors get the latest version (draft included) with them. */
export const viewTraining = async (deps: TrainingDeps, caller: Caller, id: string): Promise<TrainingView> => {
  const head = await loadHead(deps, caller, id);
  const author = mayAuthor(caller, head);
  const version = await loadVersion(deps, id, author ? head.latestVersion : head.publishedVersion);
  return toView(head, version, author);
};

/**
 * Grades an attempt on the live version, server-side. The attempt limit holds under
 * concurrency: the attempts item is written conditioned on the sequence number read with it,
 * so of N simultaneous attempts exactly the allowed number are graded; the others re-read and
 * are refused (429). A pass writes the completion and its TrainingCompleted event in the same
 * transaction.
 */
export const attemptTraining = async (deps: TrainingDeps, caller: Caller, id: string, input: AttemptInput): Promise<AttemptResult> => {
  requireGroup(caller, 'volunteer');
  const head = await loadHead(deps, caller, id);
  if (head.publishedVersion === 0) throw new TrainingNotFoundError(id);
  if (input.version !== undefined && input.version !== head.publishedVersion) throw new TrainingVersionChangedError(id, input.version, head.publishedVersion);
  const version = await loadVersion(deps, id, head.publishedVersion);
  if (version.practical) throw new WrongCompletionMethodError(`training ${id} is practical: a manager confirms its completion`);
  if (input.answers.length > version.questions.length) {
    throw new RuleViolationError('answers', `the quiz has ${version.questions.length} questions, ${input.answers.length} answers were sent`);
  }
  const result = grade(version, input.answers);

  for (let round = 1; round <= MAX_ATTEMPT_ROUNDS; round++) {
    const now = deps.clock.now();
    const at = now.toISOString();
    const log = await deps.repo.attempts(caller.sub, id);
    const retryAt = nextAttemptAt(log.times, now);
    if (retryAt) throw new AttemptsExhaustedError(id, retryAt);
    const times = [...recentAttempts(log.times, now), at];
    const validUntil = result.passed ? validUntilOf(now, version.validityDays) : undefined;
    const completion: CompletionRecord | undefined = result.passed
      ? { volunteerId: caller.sub, trainingId: id, version: version.version, completedAt: at, ...(validUntil && { validUntil }), method: 'quiz', score: result.score }
      : undefined;
    const written = await deps.repo.recordAttempt({
      volunteerId: caller.sub,
      trainingId: id,
      seen: log.seq,
      times,
      attempt: { id: deps.ids(), at, version: version.version, score: result.score, passed: result.passed, answers: input.answers },
      ...(completion && {
        completion,
        event: domainEvent('TrainingCompleted', completedDetail(completion), { id: deps.ids(), time: now }),
      }),
    });
    if (written) {
      return {
        score: result.score,
        passed: result.passed,
        version: version.version,
        ...(validUntil && { validUntil }),
        attemptsLeft: MAX_ATTEMPTS_PER_DAY - times.length,
      };
    }
  }
  throw new AttemptContentionError(`attempts on training ${id} kept conflicting; retry`);
};

const completedDetail = (c: CompletionRecord) => ({
  volunteerId: c.volunteerId,
  trainingId: c.trainingId,
  version: c.version,
  completedAt: c.completedAt,
  ...(c.validUntil !== undefined && { validUntil: c.validUntil }),
});

/** A manager confirms that a volunteer completed a practical module (the live version). */
export const confirmPractical = async (deps: ServiceDeps, caller: Caller, id: string, input: ConfirmPractical): Promise<CompletionView> => {
  const head = await loadHead(deps, caller, id);
  if (head.publishedVersion === 0) throw new TrainingNotFoundError(id);
  if (!mayConfirm(caller, head)) throw new ForbiddenError(`only managers of the organisation that owns training ${id} may confirm it`);
  const version = await loadVersion(deps, id, head.publishedVersion);
  if (!version.practical) throw new WrongCompletionMethodError(`training ${id} is completed by its quiz, not by a confirmation`);
  if (!(await deps.volunteers.get(input.volunteerId))) throw new RuleViolationError('volunteerId', `no volunteer ${input.volunteerId}`);
  const now = deps.clock.now();
  const validUntil = validUntilOf(now, version.validityDays);
  const completion: CompletionRecord = {
    volunteerId: input.volunteerId,
    trainingId: id,
    version: version.version,
    completedAt: now.toISOString(),
    ...(validUntil && { validUntil }),
    method: 'practical',
    confirmedBy: caller.sub,
  };
  await deps.repo.recordCompletion(completion, domainEvent('TrainingCompleted', completedDetail(completion), { id: deps.ids(), time: now }));
  return completionView(completion, now, version);
};

const completionView = (c: CompletionRecord, now: Date, version?: Pick<TrainingVersionRecord, 'titleAr' | 'titleEn'>): CompletionView => ({
  trainingId: c.trainingId,
  version: c.version,
  completedAt: c.completedAt,
  ...(c.validUntil !== undefined && { validUntil: c.validUntil }),
  valid: isValidAt(c, now),
  method: c.method,
  ...(c.score !== undefined && { score: c.score }),
  ...(version && { titleAr: version.titleAr, titleEn: version.titleEn }),
});

/** The caller's completions with their expiry (and the title of the version completed). */
export const listMyTrainings = async (deps: TrainingDeps, caller: Caller): Promise<{ items: CompletionView[] }> => {
  requireGroup(caller, 'volunteer');
  const now = deps.clock.now();
  const completions = await deps.repo.completions(caller.sub);
  const versions = await Promise.all(completions.map((c) => deps.repo.version(c.trainingId, c.version)));
  return { items: completions.map((c, i) => completionView(c, now, versions[i])) };
};
