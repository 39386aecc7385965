/**
 * The ports of the applications area. The repository (shared/db/application-repository.ts)
 * enforces every invariant inside DynamoDB transactions and turns a failed condition into a
 * named error; the services decide what a failure means (waitlist, re-screen, already done).
 */
import type { Clock } from '../../clock.js';
import type { DomainEvent } from '../events.js';
import type { OpportunityRecord, ShiftRecord } from '../opportunities/schema.js';
import type { TrainingCompletions } from '../training/ports.js';
import type { ApplicantRecord, ApplicationRecord, ApplicationStatus, RecordedDecision, RuleFailure, StatusChange } from './schema.js';
import type { Booking, ScreeningProfile } from './screening.js';

/** One status change the repository applies (conditioned on the application's current status and version). */
export interface Transition {
  readonly to: ApplicationStatus;
  readonly at: string;
  readonly by: string;
  readonly reason?: string;
  readonly failures?: readonly RuleFailure[];
}

/** The volunteer's bookings near a shift, with the version the seat transaction is conditioned on. */
export interface BookingsSnapshot {
  readonly version: number;
  readonly longestMs: number;
  readonly bookings: readonly Booking[];
}

export interface ShiftSeats {
  readonly capacity: number;
  readonly seatsTaken: number;
  /** WAIT items of the shift's waitlist. */
  readonly waiting: number;
}

export interface WaitEntry {
  readonly seq: number;
  readonly applicationId: string;
  readonly volunteerId: string;
}

/** The waitlisted application a withdrawal hands its seat to, in the same transaction. */
export interface Promotion {
  readonly candidate: ApplicationRecord;
  readonly change: Transition;
  readonly bookings: Pick<BookingsSnapshot, 'version' | 'longestMs'>;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

/**
 * The domain events a write carries in its own transaction (the outbox), built from the record
 * as it is once written: a write and its events are committed together or not at all.
 */
export type WriteEvents = readonly DomainEvent[] | ((next: ApplicationRecord) => readonly DomainEvent[]);

export interface ApplicationRepository {
  /** The application, its volunteer–shift marker and its first history item. @throws AlreadyAppliedError */
  create(application: ApplicationRecord, first: StatusChange, events?: WriteEvents): Promise<void>;
  get(id: string): Promise<ApplicationRecord | undefined>;
  history(id: string): Promise<StatusChange[]>;
  /** The application id the volunteer–shift marker names. */
  markerOf(volunteerId: string, shiftId: string): Promise<string | undefined>;
  listByVolunteer(volunteerId: string, limit: number, cursor: string | undefined): Promise<Page<ApplicationRecord>>;
  listByOrganization(orgId: string, status: ApplicationStatus, limit: number, cursor: string | undefined): Promise<Page<ApplicationRecord>>;
  /** Strongly consistent read of the shift's counters. */
  seats(opportunityId: string, shiftId: string): Promise<ShiftSeats | undefined>;
  /** The bookings that may overlap [start, end), read after the version they are valid for. */
  bookingsAround(volunteerId: string, window: { start: string; end: string }): Promise<BookingsSnapshot>;

  /**
   * A transition without seats (pending, rejected, expired, withdrawn from submitted/pending).
   * `releaseMarker` deletes the volunteer–shift marker in the same transaction.
   * @throws ApplicationChangedError when the status or version moved
   */
  transition(application: ApplicationRecord, change: Transition, options?: { releaseMarker?: boolean; events?: WriteEvents }): Promise<ApplicationRecord>;
  /**
   * One transaction: seatsTaken + 1 if seatsTaken < capacity, the application's transition, the
   * booking item, the bookings version (= `bookings.version`, then + 1), the history item.
   * @throws SeatsExhaustedError | ApplicationChangedError | BookingsChangedError
   */
  reserveSeat(application: ApplicationRecord, change: Transition, bookings: Pick<BookingsSnapshot, 'version' | 'longestMs'>, events?: WriteEvents): Promise<ApplicationRecord>;
  /** A fresh FIFO sequence number for the shift's waitlist (gaps are harmless). */
  nextWaitSeq(shiftId: string): Promise<number>;
  /** One transaction: waiting + 1 if the shift is full, WAIT#<seq>, the transition, history. @throws SeatAvailableError | ApplicationChangedError */
  joinWaitlist(application: ApplicationRecord, change: Transition, seq: number, events?: WriteEvents): Promise<ApplicationRecord>;
  waitlistHead(shiftId: string, limit: number): Promise<WaitEntry[]>;
  /** 1-based position of `seq` in the shift's waitlist. */
  waitlistPosition(shiftId: string, seq: number): Promise<number>;
  /** waitlisted → withdrawn or rejected: WAIT item deleted, waiting - 1, history. @throws ApplicationChangedError */
  leaveWaitlist(application: ApplicationRecord, change: Transition, options?: { releaseMarker?: boolean; events?: WriteEvents }): Promise<ApplicationRecord>;
  /**
   * approved → withdrawn: booking and marker deleted, history; with a promotion the seat passes
   * to the candidate (WAIT deleted if it exists, candidate waitlisted → approved with its booking
   * and bookings version, waiting - 1), else seatsTaken - 1 if the waitlist is empty.
   * @throws ApplicationChangedError | WaitlistChangedError | BookingsChangedError
   */
  withdrawApproved(application: ApplicationRecord, change: Transition, promotion: Promotion | undefined, events?: WriteEvents): Promise<void>;
  /** The ids of the approved applications of one shift (its bookings, by shift start). */
  approvedOfShift(shiftStart: string, shiftId: string): Promise<string[]>;
  /**
   * approved → cancelled (the opportunity was closed): booking and marker deleted, a cancelled
   * seat kept for the calendar feed, seatsTaken - 1, history, events.
   * @throws ApplicationChangedError
   */
  cancelApproved(application: ApplicationRecord, change: Transition, events?: WriteEvents): Promise<void>;
  /** Records a decision once, while the review waits for one. @returns the task token to resume. @throws ApplicationAlreadyDecidedError | DecisionNotOpenError */
  recordDecision(id: string, decision: RecordedDecision): Promise<{ application: ApplicationRecord; taskToken: string }>;
  /** Takes back a decision the workflow could not receive (its wait timed out meanwhile). */
  withdrawDecision(id: string, decision: RecordedDecision): Promise<void>;
  /** Keeps the review's task token on the pending application. @throws ApplicationChangedError when no longer pending */
  storeTaskToken(id: string, taskToken: string): Promise<void>;
  /** Voids the token of a timed-out wait (the nudge) with its events; no-op when the application left pending. */
  clearTaskToken(application: ApplicationRecord, events?: WriteEvents): Promise<void>;
}

export interface ReviewWorkflow {
  /** Starts the ApplicationReview execution named after the application (a retried start finds the same one). */
  start(applicationId: string): Promise<void>;
  /** Resumes the waiting review; @throws DecisionNotOpenError when its task has closed. */
  resume(taskToken: string, decision: RecordedDecision): Promise<void>;
  /** Ends the waiting review of a withdrawn application (a closed task is fine: nothing waits). */
  cancel(taskToken: string): Promise<void>;
}

export interface ApplicationDeps {
  readonly repo: ApplicationRepository;
  /** The profile fields screening reads (the review steps hand the whole profile). */
  readonly volunteers: { get(sub: string): Promise<ScreeningProfile | undefined> };
  readonly opportunities: { get(id: string): Promise<{ opportunity: OpportunityRecord; shifts: ShiftRecord[] } | undefined> };
  /** The volunteer's training completions (the gate at apply and at screening). */
  readonly training: TrainingCompletions;
  readonly clock: Clock;
  readonly ids: () => string;
}

/** The applicants of a review-queue page: profile fields, attendance record, training completions (one read per page, not per item). */
export interface ApplicantReads {
  applicants(volunteerIds: readonly string[], now: Date): Promise<ReadonlyMap<string, ApplicantRecord>>;
}
