import { ConflictError } from '../errors.js';

/** Another organisation already holds this licence number (the marker's conditional write failed). */
export class LicenseNumberTakenError extends ConflictError {
  override readonly name: string = 'LicenseNumberTakenError';
  override readonly code = 'license-number-taken';
  constructor(licenseNumber: string, options?: { cause?: unknown }) {
    super(`licence number ${licenseNumber} is already registered to another organisation`, {
      ...options,
      errors: [{ path: 'licenseNumber', message: 'already registered' }],
    });
  }
}

/** The organisation was already decided (or has left `pending`): a decision is taken once. */
export class DecisionAlreadyMadeError extends ConflictError {
  override readonly name: string = 'DecisionAlreadyMadeError';
  override readonly code = 'decision-already-made';
}

/** The onboarding workflow has not reached the decision step yet (seconds after registration). */
export class DecisionNotOpenError extends ConflictError {
  override readonly name: string = 'DecisionNotOpenError';
  override readonly code = 'decision-not-open';
}

/** Opportunities and managers need an approved (`active`) organisation. */
export class OrganizationNotActiveError extends ConflictError {
  override readonly name: string = 'OrganizationNotActiveError';
  override readonly code = 'organization-not-active';
  constructor(orgId: string, status: string) {
    super(`organisation ${orgId} is ${status}; this needs an active (approved) organisation`);
  }
}

export class ManagerAlreadyAssignedError extends ConflictError {
  override readonly name: string = 'ManagerAlreadyAssignedError';
  override readonly code = 'manager-already-assigned';
  constructor(sub: string, options?: { cause?: unknown }) {
    super(`user ${sub} already manages an organisation`, { ...options, errors: [{ path: 'sub', message: 'already a manager' }] });
  }
}

/**
 * Thrown by the onboarding workflow's Validate task; its `name` is what the state machine's
 * Catch matches, sending the organisation to the rejection path with this message as reason.
 */
export class OrganizationInvalidError extends Error {
  override readonly name: string = 'OrganizationInvalidError';
  constructor(message: string) {
    super(message);
    this.name = 'OrganizationInvalid';
  }
}

/** The organisation's set of certified managers changed between the read and the write: read it again. */
export class CertificationChangedError extends ConflictError {
  override readonly name: string = 'CertificationChangedError';
  override readonly code = 'certification-changed';
}
