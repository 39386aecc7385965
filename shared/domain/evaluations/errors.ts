/** Errors of evaluations; mapped to HTTP in shared/middleware/problem.ts. */
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../errors.js';

export class ShiftNotFoundError extends NotFoundError {
  override readonly name: string = 'ShiftNotFoundError';
  constructor(shiftId: string) {
    super(`shift ${shiftId} not found`);
  }
}

/** Only volunteers who attended the shift evaluate it, or are evaluated on it. */
export class NotAttendedError extends ForbiddenError {
  override readonly name: string = 'NotAttendedError';
  override readonly code = 'not-attended';
}

export class ShiftNotEndedError extends RuleViolationError {
  override readonly name: string = 'ShiftNotEndedError';
  constructor(shiftId: string, end: string) {
    super('shiftId', `shift ${shiftId} ends at ${end}; evaluations open once it has ended`);
  }
}

export class EvaluationExistsError extends ConflictError {
  override readonly name: string = 'EvaluationExistsError';
  override readonly code = 'evaluation-exists';
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} was already submitted; edit it with PATCH within 7 days`, options);
  }
}

export class EvaluationNotFoundError extends NotFoundError {
  override readonly name: string = 'EvaluationNotFoundError';
  constructor(what: string) {
    super(`no ${what} to edit`);
  }
}

export class EvaluationLockedError extends ConflictError {
  override readonly name: string = 'EvaluationLockedError';
  override readonly code = 'evaluation-locked';
  constructor(what: string, until: string) {
    super(`${what} could be edited until ${until}`);
  }
}

/** Another edit of the same evaluation landed between the read and the write. */
export class EvaluationChangedError extends ConflictError {
  override readonly name: string = 'EvaluationChangedError';
  override readonly code = 'evaluation-changed';
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} was changed by another request at the same time; read it again`, options);
  }
}
