import { ConflictError, RuleViolationError } from '../errors.js';

/** Another pending or active company holds this commercial registration number. */
export class CrNumberTakenError extends ConflictError {
  override readonly code = 'cr-number-taken';
  constructor(crNumber: string, options?: { cause?: unknown }) {
    super(`commercial registration ${crNumber} is already registered to another company`, {
      ...options,
      errors: [{ path: 'crNumber', message: 'already registered' }],
    });
  }
}

/** Programmes, admins and employees need an approved (`active`) company. */
export class CompanyNotActiveError extends ConflictError {
  override readonly code = 'company-not-active';
  constructor(companyId: string, status: string) {
    super(`company ${companyId} is ${status}; this needs an active (approved) company`);
  }
}

/** A user is the admin of one company (`custom:companyId` holds one id). */
export class CompanyAdminAssignedError extends ConflictError {
  override readonly code = 'company-admin-assigned';
  constructor(sub: string, options?: { cause?: unknown }) {
    super(`user ${sub} is already the admin of another company`, { ...options, errors: [{ path: 'sub', message: 'admin of another company' }] });
  }
}

/**
 * Thrown by the CompanyOnboarding workflow's Validate task; its `name` is what the state
 * machine's Catch matches, sending the company to the rejection path with this message.
 */
export class CompanyInvalidError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompanyInvalid';
  }
}

/** A join code that is unknown, used, expired or of another company: 422 naming `code`. */
export class InvalidJoinCodeError extends RuleViolationError {
  constructor(options?: { cause?: unknown }) {
    super('code', 'unknown, used or expired code for this company', options);
  }
}

/** A volunteer belongs to at most one company at a time. */
export class AlreadyEmployedError extends ConflictError {
  override readonly code = 'already-employed';
  constructor(companyId: string, options?: { cause?: unknown }) {
    super(`you already belong to company ${companyId}; leave it before joining another`, options);
  }
}

/** The reservation would take the employee past the programme's time off (the quota's condition failed). */
export class VtoQuotaExceededError extends ConflictError {
  override readonly code = 'vto-quota-exceeded';
  constructor(minutes: number, options?: { cause?: unknown }) {
    super(`reserving ${minutes} minutes would exceed your volunteer time off under this programme`, options);
  }
}
