/**
 * The steps of the ApplicationReview workflow, as pure functions over ports.
 *
 *   Screen ─ineligible→ RejectIneligible
 *     ├─no approval needed→ ReserveSeat (approved | waitlisted | rejected: overlap)
 *     └→ RequestDecision → AwaitDecision ─approve→ ScreenAgain → ReserveSeat
 *                             │  └reject→ Reject
 *                             └72 h→ NudgeManagers → AwaitDecisionAgain ─…  └72 h→ Expire
 *
 * Step Functions invokes tasks at least once, so every step is safe to run twice: each status
 * change is conditioned on the status (and version) it starts from and carries its event in the
 * same transaction (the outbox), so a step that finds its work already done returns the same
 * result: its event was committed with the change. A step that finds the application ended (withdrawn while it
 * waited) throws ApplicationClosedError, which the state machine catches to end quietly.
 */
import {
  ApplicationChangedError,
  ApplicationClosedError,
  BookingsChangedError,
  SeatAvailableError,
  SeatsExhaustedError,
  TooMuchContentionError,
} from './errors.js';
import { applicationEvent } from './events.js';
import type { ApplicationDeps } from './ports.js';
import { isTerminal, type ApplicationRecord, type ApplicationStatus, type RuleFailure } from './schema.js';
import { describeFailures, overlappingBooking, screen } from './screening.js';
import { missingTrainings } from '../training/gate.js';

/** What the steps after screening use: the application store and the clock (no profile, opportunity or training reads; issue 17). */
export type ReviewStepDeps = Pick<ApplicationDeps, 'repo' | 'clock'>;

export interface ReviewInput {
  readonly applicationId: string;
}

export interface ScreeningResult extends ReviewInput {
  readonly eligible: boolean;
  readonly failures: RuleFailure[];
  readonly requiresApproval: boolean;
}

export interface ReviewOutcome extends ReviewInput {
  readonly status: ApplicationStatus;
}

/** Rounds of read → transaction in ReserveSeat before giving up (each round re-reads everything). */
const MAX_ROUNDS = 40;

const load = async (deps: Pick<ApplicationDeps, 'repo'>, id: string): Promise<ApplicationRecord> => {
  const application = await deps.repo.get(id);
  // Not an ApplicationClosed: nothing to close, the execution itself is wrong.
  if (!application) throw new Error(`application ${id} does not exist`);
  return application;
};

const outcome = (application: ApplicationRecord): ReviewOutcome => ({ applicationId: application.id, status: application.status });

/** Every rule, every failure named; reads only. */
export const screenApplication = async (deps: ApplicationDeps, input: ReviewInput): Promise<ScreeningResult> => {
  const application = await load(deps, input.applicationId);
  if (isTerminal(application.status)) throw new ApplicationClosedError(application.id, application.status);
  const [profile, found, marker, bookings] = await Promise.all([
    deps.volunteers.get(application.volunteerId),
    deps.opportunities.get(application.opportunityId),
    deps.repo.markerOf(application.volunteerId, application.shiftId),
    deps.repo.bookingsAround(application.volunteerId, { start: application.shiftStart, end: application.shiftEnd }),
  ]);
  const shift = found?.shifts.find((s) => s.id === application.shiftId);
  if (!found || !shift) {
    return { applicationId: application.id, eligible: false, requiresApproval: application.requiresApproval, failures: [{ rule: 'shiftId', message: 'the shift no longer exists' }] };
  }
  const now = deps.clock.now();
  const missingTraining = await missingTrainings(deps.training, application.volunteerId, found.opportunity.trainingModules, now);
  const failures = screen({
    now,
    applicationId: application.id,
    profile,
    opportunity: found.opportunity,
    shift,
    markerApplicationId: marker,
    missingTraining,
    // An approved application's own booking is not a clash (a retried screening after approval).
    bookings: bookings.bookings.filter((b) => b.applicationId !== application.id),
  });
  return { applicationId: application.id, eligible: failures.length === 0, failures, requiresApproval: found.opportunity.requiresApproval };
};

/** Screening failed: rejected with every failed rule named. The marker is released: once fixed, the volunteer may apply again. */
export const rejectIneligible = async (deps: ReviewStepDeps, input: ReviewInput & { failures: readonly RuleFailure[] }): Promise<ReviewOutcome> => {
  const application = await load(deps, input.applicationId);
  if (application.status === 'rejected') return outcome(application);
  if (isTerminal(application.status) || application.status === 'approved' || application.status === 'waitlisted') {
    throw new ApplicationClosedError(application.id, application.status);
  }
  const reason = describeFailures(input.failures);
  const facts = { at: deps.clock.now().toISOString(), by: 'system', reason };
  const next = await transitionOrClosed(
    deps,
    application,
    { to: 'rejected', ...facts, failures: input.failures },
    { releaseMarker: true, events: (rejected) => [applicationEvent('ApplicationRejected', rejected, facts, { failures: [...input.failures] })] },
  );
  return outcome(next);
};

const transitionOrClosed = async (
  deps: Pick<ApplicationDeps, 'repo'>,
  application: ApplicationRecord,
  change: Parameters<ApplicationDeps['repo']['transition']>[1],
  options?: Parameters<ApplicationDeps['repo']['transition']>[2],
): Promise<ApplicationRecord> => {
  try {
    return await deps.repo.transition(application, change, options);
  } catch (error) {
    if (!(error instanceof ApplicationChangedError)) throw error;
    const current = await load(deps, application.id);
    // The same step, run twice at once, made this very change: done.
    if (current.status === change.to) return current;
    throw new ApplicationClosedError(current.id, current.status);
  }
};

/** submitted → pending; the managers are told (ApplicationPendingDecision, sent by notifications). */
export const requestDecision = async (deps: ReviewStepDeps, input: ReviewInput): Promise<ReviewInput> => {
  const application = await load(deps, input.applicationId);
  if (application.status === 'pending') return { applicationId: application.id };
  if (application.status !== 'submitted') throw new ApplicationClosedError(application.id, application.status);
  const facts = { at: deps.clock.now().toISOString(), by: 'system', reason: 'waiting for a decision of the organisation’s managers' };
  const next = await transitionOrClosed(deps, application, { to: 'pending', ...facts }, {
    events: (pending) => [applicationEvent('ApplicationPendingDecision', pending, facts, { reminder: false })],
  });
  return { applicationId: next.id };
};

/** The waitForTaskToken step: keeps the token on the pending application, server-side only. */
export const awaitDecision = async (deps: Pick<ApplicationDeps, 'repo'>, input: ReviewInput, taskToken: string): Promise<void> => {
  try {
    await deps.repo.storeTaskToken(input.applicationId, taskToken);
  } catch (error) {
    if (!(error instanceof ApplicationChangedError)) throw error;
    const current = await load(deps, input.applicationId);
    // A retried invocation after the decision was recorded against this very token: nothing to do.
    if (current.status === 'pending' && current.taskToken === taskToken) return;
    throw new ApplicationClosedError(current.id, current.status);
  }
};

/** After the first wait timed out: its token is void, the managers are nudged. */
export const nudgeManagers = async (deps: ReviewStepDeps, input: ReviewInput): Promise<ReviewInput> => {
  const application = await load(deps, input.applicationId);
  if (application.status !== 'pending') throw new ApplicationClosedError(application.id, application.status);
  const facts = { at: deps.clock.now().toISOString(), by: 'system', reason: 'still waiting for a decision: reminder to the managers' };
  await deps.repo.clearTaskToken(application, [applicationEvent('ApplicationPendingDecision', application, facts, { reminder: true })]);
  const current = await load(deps, input.applicationId);
  if (current.status !== 'pending') throw new ApplicationClosedError(current.id, current.status);
  return { applicationId: application.id };
};

/** No decision after the nudge either: pending → expired, the volunteer is told, the marker released. */
export const expire = async (deps: ReviewStepDeps, input: ReviewInput): Promise<ReviewOutcome> => {
  const application = await load(deps, input.applicationId);
  if (application.status === 'expired') return outcome(application);
  if (application.status !== 'pending') throw new ApplicationClosedError(application.id, application.status);
  const facts = { at: deps.clock.now().toISOString(), by: 'system', reason: 'no decision of the organisation within the review period' };
  const next = await transitionOrClosed(deps, application, { to: 'expired', ...facts }, {
    releaseMarker: true,
    events: (expired) => [applicationEvent('ApplicationExpired', expired, facts)],
  });
  return outcome(next);
};

/** A manager rejected it (the recorded decision carries who and why). The marker stays: a manager's no stands. */
export const rejectByManager = async (deps: ReviewStepDeps, input: ReviewInput): Promise<ReviewOutcome> => {
  const application = await load(deps, input.applicationId);
  if (application.status === 'rejected') return outcome(application);
  if (application.status !== 'pending' || application.decision?.decision !== 'reject') {
    throw new ApplicationClosedError(application.id, application.status);
  }
  const facts = { at: deps.clock.now().toISOString(), by: application.decision.by, reason: application.decision.reason ?? 'rejected by the organisation' };
  const next = await transitionOrClosed(deps, application, { to: 'rejected', ...facts }, { events: (rejected) => [applicationEvent('ApplicationRejected', rejected, facts)] });
  return outcome(next);
};

/**
 * Reserves a seat (approved), or a FIFO place on the waitlist when the shift is full, in one
 * transaction each (see the repository). Loops on what concurrency can change between the
 * reads and the transaction: the last seat taken (→ waitlist), a seat freed (→ reserve), the
 * volunteer's bookings (→ screen the overlap again), the application itself (→ re-read: done
 * already, or closed). An overlap found here rejects the application, named `overlap`.
 */
export const reserveSeat = async (deps: ReviewStepDeps, input: ReviewInput): Promise<ReviewOutcome> => {
  let seq: number | undefined;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const application = await load(deps, input.applicationId);
    if (application.status === 'approved' || application.status === 'waitlisted') return outcome(application);
    if (application.status !== 'submitted' && application.status !== 'pending') throw new ApplicationClosedError(application.id, application.status);
    if (application.status === 'pending' && application.decision?.decision !== 'approve') {
      throw new Error(`application ${application.id} is pending without an approval; ReserveSeat runs only after one`);
    }
    const at = deps.clock.now().toISOString();
    const by = application.status === 'pending' ? application.decision!.by : 'system';
    const approvalReason = application.status === 'pending' ? application.decision?.reason : undefined;
    const bookings = await deps.repo.bookingsAround(application.volunteerId, { start: application.shiftStart, end: application.shiftEnd });
    const clash = overlappingBooking({ id: application.shiftId, start: application.shiftStart, end: application.shiftEnd, project: application.project }, bookings.bookings);
    try {
      if (clash) {
        const failures = [{ rule: 'overlap', message: `overlaps the approved shift ${clash.shiftId} (${clash.start}–${clash.end}) the volunteer already holds` }];
        const facts = { at, by: 'system', reason: describeFailures(failures) };
        const next = await deps.repo.transition(application, { to: 'rejected', ...facts, failures }, {
          releaseMarker: true,
          events: (rejected) => [applicationEvent('ApplicationRejected', rejected, facts, { failures })],
        });
        return outcome(next);
      }
      const seats = await deps.repo.seats(application.opportunityId, application.shiftId);
      if (!seats) throw new Error(`shift ${application.shiftId} of application ${application.id} does not exist`);
      if (seats.seatsTaken < seats.capacity) {
        const facts = { at, by, ...(approvalReason !== undefined && { reason: approvalReason }) };
        const next = await deps.repo.reserveSeat(application, { to: 'approved', ...facts }, bookings, (approved) => [applicationEvent('ApplicationApproved', approved, facts)]);
        return outcome(next);
      }
      seq ??= await deps.repo.nextWaitSeq(application.shiftId);
      const facts = { at, by, reason: 'the shift is full: waiting for a seat to be freed' };
      const waitlistSeq = seq;
      const next = await deps.repo.joinWaitlist(application, { to: 'waitlisted', ...facts }, seq, (waitlisted) => [
        applicationEvent('ApplicationWaitlisted', waitlisted, facts, { waitlistSeq }),
      ]);
      return outcome(next);
    } catch (error) {
      const retry =
        error instanceof SeatsExhaustedError ||
        error instanceof SeatAvailableError ||
        error instanceof BookingsChangedError ||
        error instanceof ApplicationChangedError;
      if (!retry) throw error;
    }
  }
  throw new TooMuchContentionError(`seat reservation of application ${input.applicationId}`, MAX_ROUNDS);
};
