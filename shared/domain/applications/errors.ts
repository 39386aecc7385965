/**
 * Errors of applications. Conditions that fail inside the repository's transactions become
 * these (with the SDK error as `cause`); the HTTP ones are mapped in shared/middleware/problem.ts,
 * the workflow ones are matched by name in the state machine's Catch (names spelled out so that
 * they survive minification).
 */
import { ConflictError, NotFoundError } from '../errors.js';
import type { ApplicationStatus } from './schema.js';

/** The volunteer already has an application for this shift (the marker's conditional put failed). */
export class AlreadyAppliedError extends ConflictError {
  override readonly name: string = 'AlreadyAppliedError';
  override readonly code = 'already-applied';
  constructor(
    readonly shiftId: string,
    readonly existingApplicationId: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(`already applied to shift ${shiftId}${existingApplicationId ? ` (application ${existingApplicationId})` : ''}`, {
      ...options,
      errors: [{ path: 'shiftId', message: 'already applied to this shift' }],
    });
  }
}

/** A decision on an application that is no longer pending, or was already decided. */
export class ApplicationAlreadyDecidedError extends ConflictError {
  override readonly name = 'ApplicationAlreadyDecidedError';
  override readonly code = 'application-already-decided';
  constructor(id: string, status: ApplicationStatus | string, options?: { cause?: unknown }) {
    super(`application ${id} is ${status}; it was already decided`, options);
  }
}

/** The workflow has not reached the decision wait yet (seconds after applying), or moved past it. */
export class DecisionNotOpenError extends ConflictError {
  override readonly name: string = 'DecisionNotOpenError';
  override readonly code = 'decision-not-open';
}

/** A withdrawal of an application that already ended (rejected, expired, withdrawn). */
export class ApplicationNotWithdrawableError extends ConflictError {
  override readonly name: string = 'ApplicationNotWithdrawableError';
  override readonly code = 'application-not-withdrawable';
  constructor(id: string, status: ApplicationStatus) {
    super(`application ${id} is ${status}; it cannot be withdrawn`);
  }
}

export class ApplicationNotFoundError extends NotFoundError {
  override readonly name: string = 'ApplicationNotFoundError';
  constructor(id: string) {
    super(`application ${id} not found`);
  }
}

/**
 * The application left the status a step expected (withdrawn while screening, decided twice…).
 * The repository throws it when the conditional update on `status`/`version` fails; the
 * service re-reads and decides whether the step's work is already done (a retried task) or
 * the application has moved on (ApplicationClosedError).
 */
export class ApplicationChangedError extends ConflictError {
  override readonly name = 'ApplicationChangedError';
  override readonly code = 'application-changed';
  constructor(id: string, options?: { cause?: unknown }) {
    super(`application ${id} was changed by another request at the same time`, options);
  }
}

/**
 * A workflow step found the application already ended (e.g. withdrawn by the volunteer while
 * it waited): the state machine's Catch ends the execution quietly.
 */
export class ApplicationClosedError extends Error {
  override readonly name = 'ApplicationClosed';
  constructor(id: string, status: ApplicationStatus) {
    super(`application ${id} is ${status}; the review has nothing left to do`);
  }
}

/** `seatsTaken < capacity` failed: the shift is full (→ waitlist). */
export class SeatsExhaustedError extends ConflictError {
  override readonly name = 'SeatsExhaustedError';
  override readonly code = 'seats-exhausted';
  constructor(shiftId: string, options?: { cause?: unknown }) {
    super(`shift ${shiftId} has no seat left`, options);
  }
}

/** `seatsTaken >= capacity` failed while joining the waitlist: a seat came free (→ reserve it). */
export class SeatAvailableError extends ConflictError {
  override readonly name = 'SeatAvailableError';
  override readonly code = 'seat-available';
  constructor(shiftId: string, options?: { cause?: unknown }) {
    super(`shift ${shiftId} has a seat free again`, options);
  }
}

/** The volunteer holds an approved booking overlapping this shift (national double-booking guard). */
export class OverlappingBookingError extends ConflictError {
  override readonly name = 'OverlappingBookingError';
  override readonly code = 'overlapping-booking';
  constructor(shiftId: string, otherShiftId: string) {
    super(`shift ${shiftId} overlaps the approved shift ${otherShiftId}`);
  }
}

/**
 * The volunteer's bookings version moved between screening and the reservation (another of
 * their applications was approved meanwhile): screen the overlap again and retry.
 */
export class BookingsChangedError extends ConflictError {
  override readonly name = 'BookingsChangedError';
  override readonly code = 'bookings-changed';
  constructor(volunteerId: string, options?: { cause?: unknown }) {
    super(`the bookings of volunteer ${volunteerId} changed meanwhile`, options);
  }
}

/** The waitlist changed under a withdrawal (the candidate was promoted by another, or someone joined). */
export class WaitlistChangedError extends ConflictError {
  override readonly name = 'WaitlistChangedError';
  override readonly code = 'waitlist-changed';
  constructor(shiftId: string, options?: { cause?: unknown }) {
    super(`the waitlist of shift ${shiftId} changed meanwhile`, options);
  }
}

/** Transaction conflicts kept cancelling a write after every retry. */
export class TooMuchContentionError extends ConflictError {
  override readonly name = 'TooMuchContentionError';
  override readonly code = 'too-much-contention';
  constructor(what: string, attempts: number, options?: { cause?: unknown }) {
    super(`${what} kept conflicting with concurrent writes after ${attempts} attempts; retry`, options);
  }
}
