/**
 * The pure rules of training: grading a quiz, the validity of a completion, the attempt limit
 * and the gate (which required modules a volunteer lacks at a given time). No I/O.
 */
import { ATTEMPT_WINDOW_MS, MAX_ATTEMPTS_PER_DAY, type CompletionRecord, type TrainingVersionRecord } from './schema.js';

export interface Grade {
  readonly score: number;
  readonly passed: boolean;
}

/**
 * Percent of right answers, rounded down (a pass mark of 80 needs 80 %, not 79.5 %). A missing
 * answer counts as wrong; answers beyond the quiz are refused by the service. A module without
 * questions is passed by acknowledging it (score 100).
 */
export const grade = (version: Pick<TrainingVersionRecord, 'questions' | 'passMark'>, answers: readonly number[]): Grade => {
  const total = version.questions.length;
  if (total === 0) return { score: 100, passed: true };
  const right = version.questions.filter((q, i) => answers[i] === q.answer).length;
  const score = Math.floor((right * 100) / total);
  return { score, passed: score >= version.passMark };
};

/** The end of a completion's validity (exact: completedAt + validityDays × 24 h); none when it never expires. */
export const validUntilOf = (completedAt: Date, validityDays: number | null): string | undefined =>
  validityDays === null ? undefined : new Date(completedAt.getTime() + validityDays * 86_400_000).toISOString();

/** A completion counts at `at` when it exists and has not expired by then. */
export const isValidAt = (completion: Pick<CompletionRecord, 'validUntil'> | undefined, at: Date): boolean =>
  completion !== undefined && (completion.validUntil === undefined || completion.validUntil > at.toISOString());

/** The required modules without a completion valid at `at`, in the order they are required. */
export const missingModules = (
  required: readonly string[],
  completions: readonly Pick<CompletionRecord, 'trainingId' | 'validUntil'>[],
  at: Date,
): string[] => {
  const byId = new Map(completions.map((c) => [c.trainingId, c]));
  return required.filter((id) => !isValidAt(byId.get(id), at));
};

/** The attempt times still inside the rolling window at `now` (oldest first). */
export const recentAttempts = (times: readonly string[], now: Date): string[] => {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS).toISOString();
  return times.filter((t) => t > since).sort();
};

/** When the next attempt is allowed, or undefined when one is allowed now. */
export const nextAttemptAt = (times: readonly string[], now: Date): string | undefined => {
  const recent = recentAttempts(times, now);
  if (recent.length < MAX_ATTEMPTS_PER_DAY) return undefined;
  return new Date(new Date(recent[recent.length - MAX_ATTEMPTS_PER_DAY]!).getTime() + ATTEMPT_WINDOW_MS).toISOString();
};
