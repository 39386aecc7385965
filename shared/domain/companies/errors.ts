import { ConflictError, RuleViolationError } from '../errors.js';

/** Another pending or active company holds this commercial registration number. */
export class CrNumberTakenError extends ConflictError {
  override readonly name: string = 'CrNumberTakenError';
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
  override readonly name: string = 'CompanyNotActiveError';
  override readonly code = 'company-not-active';
  constructor(companyId: string, status: string) {
    super(`company ${companyId} is ${status}; this needs an active (approved) company`);
  }
}

/** A user is the admin of one company (`custom:companyId` holds one id). */
export class CompanyAdminAssignedError extends ConflictError {
  override readonly name: string = 'CompanyAdminAssignedError';
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
  override readonly name: string = 'CompanyInvalidError';
  constructor(message: string) {
    super(message);
    this.name = 'CompanyInvalid';
  }
}

/** A join code that is unknown, used, expired or of another company: 422 naming `code`. */
export class InvalidJoinCodeError extends RuleViolationError {
  override readonly name: string = 'InvalidJoinCodeError';
  constructor(options?: { cause?: unknown }) {
    super('code', 'unknown, used or expired code for this company', options);
  }
}

/** A volunteer belongs to at most one company at a time. */
export class AlreadyEmployedError extends ConflictError {
  override readonly name: string = 'AlreadyEmployedError';
  override readonly code = 'already-employed';
  constructor(companyId: string, options?: { cause?: unknown }) {
    super(`you already belong to company ${companyId}; leave it before joining another`, options);
  }
}

/** The reservation would take the employee past the programme's time off (the quota's condition failed). */
export class VtoQuotaExceededError extends ConflictError {
  override readonly name: string = 'VtoQuotaExceededError';
  override readonly code = 'vto-quota-exceeded';
  constructor(minutes: number, options?: { cause?: unknown }) {
    super(`reserving ${minutes} minutes would exceed your volunteer time off under this programme`, options);
  }
}

/** The shift has fewer free seats than the team asked for: nothing was taken. */
export class TeamSeatsUnavailableError extends ConflictError {
  override readonly name: string = 'TeamSeatsUnavailableError';
  override readonly code = 'team-seats-unavailable';
  constructor(seats: number, shiftId: string, options?: { cause?: unknown }) {
    super(`shift ${shiftId} has fewer than ${seats} free seats; none were taken`, { ...options, errors: [{ path: 'seats', message: 'more than the free seats of the shift' }] });
  }
}

/** Every seat of the team event is claimed, or the unclaimed ones went back to the shift (48 h before it). */
export class TeamSeatsGoneError extends ConflictError {
  override readonly name: string = 'TeamSeatsGoneError';
  override readonly code = 'team-seats-gone';
  constructor(teamEventId: string, why: 'claimed' | 'released', options?: { cause?: unknown }) {
    super(why === 'claimed' ? `every seat of team event ${teamEventId} is claimed` : `the unclaimed seats of team event ${teamEventId} went back to the shift`, options);
  }
}
