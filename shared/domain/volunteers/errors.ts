/** Errors of the volunteer registry; shared/middleware/problem.ts maps them to HTTP. */
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';

export class VolunteerAlreadyRegisteredError extends ConflictError {
  override readonly name: string = 'VolunteerAlreadyRegisteredError';
  override readonly code = 'volunteer-already-registered';
  constructor(options?: { cause?: unknown }) {
    super('this user already has a volunteer profile', options);
  }
}

/** This user's personal data was erased at their request (issue 18): the account is not recreated. */
export class VolunteerErasedError extends ConflictError {
  override readonly name: string = 'VolunteerErasedError';
  override readonly code = 'volunteer-erased';
  constructor(options?: { cause?: unknown }) {
    super('this user was erased at their request and cannot register again under the same sign-in', options);
  }
}

/** Another user registered this national ID. The message never contains the ID. */
export class NationalIdTakenError extends ConflictError {
  override readonly name: string = 'NationalIdTakenError';
  override readonly code = 'national-id-taken';
  constructor(options?: { cause?: unknown }) {
    super('this national ID or iqama is already registered to another profile', options);
  }
}

/** Two writes raced on the same items; retrying the request is safe. */
export class ConcurrentWriteError extends ConflictError {
  override readonly name: string = 'ConcurrentWriteError';
  override readonly code = 'concurrent-write';
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} was changed by another request at the same time; retry`, options);
  }
}

export class VolunteerNotFoundError extends NotFoundError {
  override readonly name: string = 'VolunteerNotFoundError';
  constructor(options?: { cause?: unknown }) {
    super('no volunteer profile for this user; register with POST /v1/volunteers first', options);
  }
}

export class UnknownCharterVersionError extends ValidationError {
  override readonly name: string = 'UnknownCharterVersionError';
  constructor(version: string) {
    super(`unknown charter version ${JSON.stringify(version)}`, {
      errors: [{ path: 'version', message: `unknown charter version ${JSON.stringify(version)}` }],
    });
  }
}

/** Only the current charter can be accepted: accepting a superseded one would not allow applying anyway. */
export class CharterSupersededError extends RuleViolationError {
  override readonly name: string = 'CharterSupersededError';
  constructor(version: string, current: string) {
    super('version', `charter version ${version} is superseded by ${current}; accept ${current}`);
  }
}

export class AgeOutOfRangeError extends ValidationError {
  override readonly name: string = 'AgeOutOfRangeError';
  constructor(message: string) {
    super(`birthDate ${message}`, { errors: [{ path: 'birthDate', message }] });
  }
}
