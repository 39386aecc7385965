/** Errors of training; mapped to HTTP in shared/middleware/problem.ts. */
import { ConflictError, DomainError, NotFoundError, RuleViolationError } from '../errors.js';

export class TrainingNotFoundError extends NotFoundError {
  override readonly name: string = 'TrainingNotFoundError';
  constructor(id: string) {
    super(`training ${id} not found`);
  }
}

/** Applying (or checking in) without a valid completion of every required module: 422 naming `training`. */
export class TrainingRequiredError extends RuleViolationError {
  override readonly name: string = 'TrainingRequiredError';
  constructor(readonly missing: readonly string[]) {
    super('training', `training not completed or expired: ${missing.join(', ')}`);
  }
}

/** Three attempts in the last 24 hours already (429, with the time the next one is allowed). */
export class AttemptsExhaustedError extends DomainError {
  override readonly name: string = 'AttemptsExhaustedError';
  readonly status = 429;
  readonly code = 'attempts-exhausted';
  constructor(
    readonly trainingId: string,
    readonly retryAt: string,
    options?: { cause?: unknown },
  ) {
    super(`at most 3 attempts of training ${trainingId} in 24 hours; next attempt allowed at ${retryAt}`, {
      ...options,
      errors: [{ path: 'answers', message: `attempts exhausted until ${retryAt}` }],
    });
  }
}

/** The answers were for another version than the live one (the module was edited meanwhile). */
export class TrainingVersionChangedError extends ConflictError {
  override readonly name: string = 'TrainingVersionChangedError';
  override readonly code = 'training-version-changed';
  constructor(id: string, sent: number, live: number) {
    super(`training ${id} is at version ${live}, the answers are for version ${sent}: read it again`, { errors: [{ path: 'version', message: `live version is ${live}` }] });
  }
}

/** A practical module is completed by a manager's confirmation, not by a quiz (and vice versa). */
export class WrongCompletionMethodError extends ConflictError {
  override readonly name: string = 'WrongCompletionMethodError';
  override readonly code = 'wrong-completion-method';
}

/** The head of the module moved under an edit or a publication (another edit at the same time). */
export class TrainingChangedError extends ConflictError {
  override readonly name: string = 'TrainingChangedError';
  override readonly code = 'training-changed';
  constructor(id: string, options?: { cause?: unknown }) {
    super(`training ${id} was changed by another request at the same time; read it again`, options);
  }
}

export class TrainingIdTakenError extends ConflictError {
  override readonly name: string = 'TrainingIdTakenError';
  override readonly code = 'training-id-taken';
  constructor(id: string, options?: { cause?: unknown }) {
    super(`a training with id ${id} already exists`, { ...options, errors: [{ path: 'id', message: 'already taken' }] });
  }
}

/** Contention on the attempts item kept cancelling the write (never expected with 3 attempts). */
export class AttemptContentionError extends ConflictError {
  override readonly name: string = 'AttemptContentionError';
  override readonly code = 'attempt-contention';
}
