/**
 * Domain errors. Services and repositories throw these; they are mapped to HTTP in exactly
 * one place (shared/middleware/problem.ts). Messages are lower-case and show the bad value
 * (never personal data such as a national ID).
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  /** HTTP status this error maps to. */
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429;
  /** Stable kebab-case identifier, used as the problem `type` suffix. */
  abstract readonly code: string;
  readonly errors?: readonly FieldError[];

  constructor(message: string, options?: { cause?: unknown; errors?: readonly FieldError[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.errors) this.errors = options.errors;
  }
}

export class BadRequestError extends DomainError {
  override readonly name: string = 'BadRequestError';
  readonly status = 400;
  readonly code: string;
  constructor(message: string, options?: { cause?: unknown; errors?: readonly FieldError[]; code?: string }) {
    super(message, options);
    this.code = options?.code ?? 'bad-request';
  }
}

export class ValidationError extends DomainError {
  override readonly name: string = 'ValidationError';
  readonly status = 422;
  readonly code = 'validation-failed';
}

/** A business rule refused the request (e.g. charter not accepted); `rule` names it. */
export class RuleViolationError extends DomainError {
  override readonly name: string = 'RuleViolationError';
  readonly status = 422;
  readonly code = 'rule-violated';
  constructor(
    readonly rule: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, { ...options, errors: [{ path: rule, message }] });
  }
}

export class UnauthorizedError extends DomainError {
  override readonly name: string = 'UnauthorizedError';
  readonly status = 401;
  readonly code = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  override readonly name: string = 'ForbiddenError';
  readonly status = 403;
  readonly code: string = 'forbidden';
}

export class NotFoundError extends DomainError {
  override readonly name: string = 'NotFoundError';
  readonly status = 404;
  readonly code = 'not-found';
}

export class ConflictError extends DomainError {
  override readonly name: string = 'ConflictError';
  readonly status = 409;
  readonly code: string = 'conflict';
}

/** What the caller asks for existed but is no more (a one-time link used or expired). */
export class GoneError extends DomainError {
  override readonly name: string = 'GoneError';
  readonly status = 410;
  readonly code: string = 'gone';
}

export class PayloadTooLargeError extends DomainError {
  override readonly name: string = 'PayloadTooLargeError';
  readonly status = 413;
  readonly code = 'payload-too-large';
}

/** The client sent too many requests in a window (e.g. public certificate lookups per address). */
export class TooManyRequestsError extends DomainError {
  override readonly name: string = 'TooManyRequestsError';
  readonly status = 429;
  readonly code = 'too-many-requests';
  /** Seconds until a retry may succeed: the Retry-After header (and `retryAfter` in the problem). */
  readonly retryAfterSeconds?: number;
  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
