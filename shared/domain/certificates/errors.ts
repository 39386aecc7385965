import { ConflictError, RuleViolationError } from '../errors.js';

/** Nothing approved in the asked scope (or everything was reversed): there is nothing to certify. */
export class NoHoursInScopeError extends RuleViolationError {
  override readonly name: string = 'NoHoursInScopeError';
  constructor(scope: string) {
    super('scope', `no approved hours in ${scope}`);
  }
}

export class CertificateAlreadyRevokedError extends ConflictError {
  override readonly name: string = 'CertificateAlreadyRevokedError';
  override readonly code = 'certificate-revoked';
  constructor(id: string, options?: { cause?: unknown }) {
    super(`certificate ${id} is already revoked`, options);
  }
}
