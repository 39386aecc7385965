/** Named errors of attendance and hours; mapped to HTTP once (shared/middleware/problem.ts). */
import { ConflictError, DomainError, type FieldError } from '../errors.js';

/** 422 naming one field: a wrong, expired or other shift's code, a missing reason… */
export class HoursFieldError extends DomainError {
  override readonly name: string = 'HoursFieldError';
  readonly status = 422;
  readonly code: string;
  constructor(field: string, message: string, code = 'validation-failed', options?: { cause?: unknown }) {
    super(message, { ...options, errors: [{ path: field, message } satisfies FieldError] });
    this.code = code;
  }
}

export class InvalidAttendanceCodeError extends HoursFieldError {
  override readonly name: string = 'InvalidAttendanceCodeError';
  constructor(message: string) {
    super('code', message, 'invalid-attendance-code');
  }
}

export class HoursAlreadyDecidedError extends ConflictError {
  override readonly name: string = 'HoursAlreadyDecidedError';
  override readonly code = 'hours-already-decided';
}

export class HoursNotDisputableError extends ConflictError {
  override readonly name: string = 'HoursNotDisputableError';
  override readonly code = 'hours-not-disputable';
}

export class HoursNotReversibleError extends ConflictError {
  override readonly name: string = 'HoursNotReversibleError';
  override readonly code = 'hours-not-reversible';
}

export class AttendanceAlreadyRecordedError extends ConflictError {
  override readonly name: string = 'AttendanceAlreadyRecordedError';
  override readonly code = 'attendance-already-recorded';
}

export class DeliverableAlreadyConfirmedError extends ConflictError {
  override readonly name: string = 'DeliverableAlreadyConfirmedError';
  override readonly code = 'deliverable-already-confirmed';
}

export class NotCheckedInError extends ConflictError {
  override readonly name: string = 'NotCheckedInError';
  override readonly code = 'not-checked-in';
}

/** The volunteer's day ledgers moved between the read and the write (retried by the service). */
export class LedgerChangedError extends ConflictError {
  override readonly name: string = 'LedgerChangedError';
  override readonly code = 'ledger-changed';
}

/** Raised by workflow steps when the record is no longer pending: the execution ends quietly. */
export class HoursDecidedError extends Error {
  override readonly name = 'HoursDecided';
}
