/**
 * Errors of the workflow client, the same in the cloud and locally. Their names are spelled
 * out (not taken from the class) so that they survive minification.
 */
import { ConflictError, NotFoundError } from '../domain/errors.js';

/**
 * Why a task token can no longer complete its task. Step Functions answers
 * `TaskTimedOut` (the wait timed out), `TaskDoesNotExist` (already completed, or the
 * execution ended) or `InvalidToken` (never issued).
 */
export type TaskClosedReason = 'timed-out' | 'completed' | 'invalid-token';

/**
 * The task behind a token is closed: a late or second decision. A ConflictError, so an HTTP
 * handler that lets it through answers 409.
 */
export class WorkflowTaskClosedError extends ConflictError {
  override readonly name = 'WorkflowTaskClosedError';
  override readonly code = 'workflow-task-closed';
  constructor(
    readonly reason: TaskClosedReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** StartExecution with the name of an execution started with a different input. */
export class WorkflowExecutionExistsError extends ConflictError {
  override readonly name = 'WorkflowExecutionExistsError';
  override readonly code = 'workflow-execution-exists';
}

export class WorkflowExecutionNotFoundError extends NotFoundError {
  override readonly name = 'WorkflowExecutionNotFoundError';
}

/** A task handler received input its schema refuses (a definition/handler mismatch). */
export class TaskInputError extends Error {
  override readonly name = 'TaskInputError';
}
