/**
 * Applications, as the HTTP routes see them: apply, read, list, decide, withdraw. Pure: ports
 * come in as arguments. Who may do what:
 * - apply: a volunteer, for themselves; rules decidable at once refuse the request (422 naming
 *   the rule) and nothing is written; a second application to the same shift is a 409;
 * - read one: its volunteer, that organisation's managers or the ministry (404 for everyone else);
 * - list: a volunteer their own; a manager their organisation's review queue, the ministry any (403 otherwise);
 * - decide: that organisation's managers, once, while the review waits for it;
 * - withdraw: its volunteer; an approved seat passes to the first waitlisted applicant in the
 *   same transaction.
 */
import { assertNotSelf, hasGroup, managesOrganization, type Caller } from '../caller.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import {
  AlreadyAppliedError,
  ApplicationAlreadyDecidedError,
  ApplicationChangedError,
  ApplicationNotFoundError,
  ApplicationNotWithdrawableError,
  BookingsChangedError,
  DecisionNotOpenError,
  TooMuchContentionError,
  WaitlistChangedError,
} from './errors.js';
import { applicationEvent } from './events.js';
import type { ApplicantReads, ApplicationDeps, ApplicationRepository, Promotion, ReviewWorkflow } from './ports.js';
import { displayName } from '../matching/adapters.js';
import type {
  ApplicantRecord,
  ApplicantView,
  ApplicationDecision,
  ApplicationPage,
  ApplicationRecord,
  ApplicationView,
  ListQuery,
  RecordedDecision,
  ReviewQueueQuery,
  StatusChange,
  SubmitApplication,
} from './schema.js';
import { immediateFailures, overlappingBooking } from './screening.js';
import { TrainingRequiredError } from '../training/errors.js';
import { missingTrainings } from '../training/gate.js';

export type ServiceDeps = ApplicationDeps & { readonly workflow: ReviewWorkflow };

/** What applying uses: the screening reads, creating the application and starting its review (issue 17: no seat, waitlist or decision writes). */
export type SubmitDeps = Omit<ApplicationDeps, 'repo'> & {
  readonly repo: Pick<ApplicationRepository, 'create' | 'get'>;
  readonly workflow: Pick<ReviewWorkflow, 'start'>;
};

/** What a decision and a withdrawal use: the table, the clock and the review workflow (issue 17: no volunteer, opportunity or training repository). */
export type DecisionDeps = Pick<ServiceDeps, 'repo' | 'clock' | 'workflow'>;

/** Rounds of a withdrawal before giving up (each re-reads the waitlist). */
const MAX_WITHDRAW_ROUNDS = 40;
/** Waitlist entries read per round of a withdrawal. */
const WAITLIST_PEEK = 5;

export const toView = (application: ApplicationRecord, extra: { history?: StatusChange[]; waitlistPosition?: number } = {}): ApplicationView => ({
  id: application.id,
  volunteerId: application.volunteerId,
  opportunityId: application.opportunityId,
  orgId: application.orgId,
  shiftId: application.shiftId,
  shift: { start: application.shiftStart, end: application.shiftEnd },
  status: application.status,
  ...(application.motivation !== undefined && { motivation: application.motivation }),
  ...(application.reason !== undefined && { reason: application.reason }),
  ...(application.failures !== undefined && { failures: [...application.failures] }),
  ...(extra.waitlistPosition !== undefined && { waitlistPosition: extra.waitlistPosition }),
  ...(application.company && { company: { ...application.company } }),
  createdAt: application.createdAt,
  updatedAt: application.updatedAt,
  ...(extra.history && { history: extra.history }),
});

export const submitApplication = async (
  deps: SubmitDeps,
  caller: Caller,
  opportunityId: string,
  input: SubmitApplication,
): Promise<{ id: string; status: 'submitted' }> => {
  const [profile, found] = await Promise.all([deps.volunteers.get(caller.sub), deps.opportunities.get(opportunityId)]);
  // A draft is invisible to volunteers (as on GET /v1/opportunities/{id}); a closed one was public.
  if (!found || found.opportunity.status === 'draft') throw new NotFoundError(`opportunity ${opportunityId} not found`);
  const { opportunity, shifts } = found;
  const shift = shifts.find((s) => s.id === input.shiftId);
  if (!shift) throw new RuleViolationError('shiftId', `opportunity ${opportunityId} has no shift ${input.shiftId}`);
  const now = deps.clock.now();
  const [failure] = immediateFailures({ now, profile, opportunity, shift });
  if (failure) throw new RuleViolationError(failure.rule, failure.message);
  const missing = await missingTrainings(deps.training, caller.sub, opportunity.trainingModules, now);
  if (missing.length > 0) throw new TrainingRequiredError(missing);

  const at = now.toISOString();
  const application: ApplicationRecord = {
    id: deps.ids(),
    volunteerId: caller.sub,
    opportunityId,
    orgId: opportunity.orgId,
    shiftId: shift.id,
    shiftStart: shift.start,
    shiftEnd: shift.end,
    requiresApproval: opportunity.requiresApproval,
    ...(shift.project && { project: true }),
    ...(input.motivation !== undefined && { motivation: input.motivation }),
    status: 'submitted',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await deps.repo.create(application, { version: 1, status: 'submitted', at, by: caller.sub, reason: 'applied' }, [
      applicationEvent('ApplicationSubmitted', application, { at, by: caller.sub }),
    ]);
  } catch (error) {
    // A request that wrote its application but failed to start the review (then retried without
    // an Idempotency-Key) would leave it stuck in `submitted`: start it now. The execution is
    // named after the application, so a running one is found, never doubled.
    if (error instanceof AlreadyAppliedError && error.existingApplicationId) {
      const existing = await deps.repo.get(error.existingApplicationId);
      if (existing?.status === 'submitted') await deps.workflow.start(existing.id);
    }
    throw error;
  }
  await deps.workflow.start(application.id);
  return { id: application.id, status: 'submitted' };
};

/** Ministry reviewers and admins read every application and review queue (oversight, read-only). */
const isMinistry = (caller: Caller) => hasGroup(caller, 'ministry-reviewer', 'ministry-admin');

const mayRead = (caller: Caller, application: ApplicationRecord) =>
  caller.sub === application.volunteerId || managesOrganization(caller, application.orgId) || isMinistry(caller);

export const viewApplication = async (deps: Pick<ApplicationDeps, 'repo'>, caller: Caller, id: string): Promise<ApplicationView> => {
  const application = await deps.repo.get(id);
  if (!application || !mayRead(caller, application)) throw new ApplicationNotFoundError(id);
  const [history, waitlistPosition] = await Promise.all([
    deps.repo.history(id),
    application.status === 'waitlisted' && application.waitlistSeq !== undefined
      ? deps.repo.waitlistPosition(application.shiftId, application.waitlistSeq)
      : Promise.resolve(undefined),
  ]);
  return toView(application, { history, ...(waitlistPosition !== undefined && { waitlistPosition }) });
};

export const listMyApplications = async (deps: { readonly repo: Pick<ApplicationRepository, 'listByVolunteer'> }, caller: Caller, query: ListQuery): Promise<ApplicationPage> => {
  const page = await deps.repo.listByVolunteer(caller.sub, query.limit, query.cursor);
  return { items: page.items.map((a) => toView(a)), ...(page.nextCursor && { nextCursor: page.nextCursor }) };
};

export const listOrganizationApplications = async (
  deps: Pick<ApplicationDeps, 'clock'> & { readonly repo: Pick<ApplicationRepository, 'listByOrganization'>; readonly applicants?: ApplicantReads },
  caller: Caller,
  orgId: string,
  query: ReviewQueueQuery,
): Promise<ApplicationPage> => {
  if (!managesOrganization(caller, orgId) && !isMinistry(caller)) {
    throw new ForbiddenError(`only managers of organisation ${orgId} and the ministry may read its applications`);
  }
  const page = await deps.repo.listByOrganization(orgId, query.status, query.limit, query.cursor);
  const applicants = deps.applicants ? await deps.applicants.applicants(page.items.map((a) => a.volunteerId), deps.clock.now()) : new Map<string, ApplicantRecord>();
  return {
    items: page.items.map((a) => {
      const applicant = applicants.get(a.volunteerId);
      return { ...toView(a), ...(applicant && { applicant: applicantView(applicant, a.status === 'approved', deps.clock.now()) }) };
    }),
    ...(page.nextCursor && { nextCursor: page.nextCursor }),
  };
};

/**
 * What managers see of an applicant: enough to decide, nothing to contact them with (nor the
 * national ID, which the reads never load) until the application is approved.
 */
export const applicantView = (record: ApplicantRecord, approved: boolean, now: Date): ApplicantView => ({
  displayName: displayName(record.nameEn),
  displayNameAr: displayName(record.nameAr),
  city: record.city,
  skills: record.skills.map((s) => ({ name: s.name, level: s.level })),
  professions: [...record.professions],
  languages: [...record.languages],
  attendance: record.attendance,
  trainings: record.trainings.map((t) => ({ ...t, valid: t.validUntil === undefined || t.validUntil > now.toISOString() })),
  ...(approved && { contact: { ...(record.email && { email: record.email }), ...(record.phone && { phone: record.phone }) } }),
});

/**
 * Records the decision once (conditional on `pending`, a stored token and no decision yet) and
 * resumes the review with it; the workflow then reserves the seat or rejects. A second
 * decision is a 409 that changes nothing.
 */
export const decideApplication = async (
  deps: DecisionDeps,
  caller: Caller,
  id: string,
  input: ApplicationDecision,
): Promise<{ id: string; decision: 'approve' | 'reject'; status: 'pending' }> => {
  const application = await deps.repo.get(id);
  if (!application || !managesOrganization(caller, application.orgId)) throw new ApplicationNotFoundError(id);
  assertNotSelf(caller, application.volunteerId, `application ${id}`);
  if (application.status === 'submitted') {
    throw new DecisionNotOpenError(`application ${id} is still being screened; decide once it is pending`);
  }
  if (application.status !== 'pending' || application.decision) throw new ApplicationAlreadyDecidedError(id, application.status);
  const decision: RecordedDecision = {
    decision: input.decision,
    ...(input.reason !== undefined && { reason: input.reason }),
    by: caller.sub,
    at: deps.clock.now().toISOString(),
  };
  const { taskToken } = await deps.repo.recordDecision(id, decision);
  try {
    await deps.workflow.resume(taskToken, decision);
  } catch (error) {
    // The wait timed out between the write and the resume: take the decision back so that a
    // manager can decide on the nudge, instead of leaving a decision nobody acted on.
    if (error instanceof DecisionNotOpenError) await deps.repo.withdrawDecision(id, decision);
    throw error;
  }
  return { id, decision: input.decision, status: 'pending' };
};

/**
 * Withdraws the caller's application. An approved one frees its seat and, in the same
 * transaction, hands it to the first waitlisted applicant (FIFO). A candidate who meanwhile
 * holds an overlapping approved shift elsewhere cannot take it: they are taken off the
 * waitlist as `rejected` with the rule `overlap` named (and told), and the next one is tried.
 * Withdrawing twice answers the same (idempotent).
 */
export const withdrawApplication = async (
  deps: DecisionDeps,
  caller: Caller,
  id: string,
): Promise<{ id: string; status: 'withdrawn'; promoted?: string }> => {
  for (let round = 1; round <= MAX_WITHDRAW_ROUNDS; round++) {
    const application = await deps.repo.get(id);
    if (!application || application.volunteerId !== caller.sub) throw new ApplicationNotFoundError(id);
    const facts = { at: deps.clock.now().toISOString(), by: caller.sub, reason: 'withdrawn by the volunteer' };
    const change = { to: 'withdrawn' as const, ...facts };
    try {
      switch (application.status) {
        case 'withdrawn':
          return { id, status: 'withdrawn' };
        case 'rejected':
        case 'expired':
        case 'cancelled':
          throw new ApplicationNotWithdrawableError(id, application.status);
        case 'submitted':
        case 'pending': {
          await deps.repo.transition(application, change, { releaseMarker: true, events: (withdrawn) => [applicationEvent('ApplicationWithdrawn', withdrawn, facts)] });
          if (application.taskToken) await deps.workflow.cancel(application.taskToken);
          return { id, status: 'withdrawn' };
        }
        case 'waitlisted': {
          await deps.repo.leaveWaitlist(application, change, { releaseMarker: true, events: (withdrawn) => [applicationEvent('ApplicationWithdrawn', withdrawn, facts)] });
          return { id, status: 'withdrawn' };
        }
        case 'approved': {
          const promotion = await nextPromotion(deps, application, facts.at);
          if (promotion === 'skipped') continue;
          const events = (withdrawn: ApplicationRecord) => {
            const list: DomainEvent[] = [applicationEvent('ApplicationWithdrawn', withdrawn, facts, { seatFreed: true })];
            if (promotion) {
              const { candidate, change: promotedChange } = promotion;
              const promoted: ApplicationRecord = { ...candidate, status: 'approved', version: candidate.version + 1, updatedAt: promotedChange.at };
              list.push(applicationEvent('ApplicationPromoted', promoted, promotedChange, { promotedFrom: 'waitlisted' }));
            }
            return list;
          };
          await deps.repo.withdrawApproved(application, change, promotion, events);
          return { id, status: 'withdrawn', ...(promotion && { promoted: promotion.candidate.id }) };
        }
      }
    } catch (error) {
      const retry = error instanceof ApplicationChangedError || error instanceof WaitlistChangedError || error instanceof BookingsChangedError;
      if (!retry) throw error;
    }
  }
  throw new TooMuchContentionError(`withdrawal of application ${id}`, MAX_WITHDRAW_ROUNDS);
};

/**
 * The first waitlisted applicant who can take the seat, or undefined when nobody waits.
 * `skipped`: a candidate was taken off the waitlist (overlap) — read the waitlist again.
 */
const nextPromotion = async (deps: DecisionDeps, application: ApplicationRecord, at: string): Promise<Promotion | undefined | 'skipped'> => {
  const head = await deps.repo.waitlistHead(application.shiftId, WAITLIST_PEEK);
  for (const entry of head) {
    const candidate = await deps.repo.get(entry.applicationId);
    // A stale entry (its application changed after the read): the transaction's conditions decide.
    if (!candidate || candidate.status !== 'waitlisted' || candidate.waitlistSeq !== entry.seq) continue;
    const bookings = await deps.repo.bookingsAround(candidate.volunteerId, { start: candidate.shiftStart, end: candidate.shiftEnd });
    const clash = overlappingBooking({ id: candidate.shiftId, start: candidate.shiftStart, end: candidate.shiftEnd, project: candidate.project }, bookings.bookings);
    if (clash) {
      const failures = [{ rule: 'overlap', message: `skipped at promotion: overlaps the approved shift ${clash.shiftId} (${clash.start}–${clash.end})` }];
      const facts = { at, by: 'system', reason: `skipped at promotion: the volunteer now holds an overlapping approved shift (${clash.shiftId})` };
      try {
        await deps.repo.leaveWaitlist(candidate, { to: 'rejected', ...facts, failures }, {
          releaseMarker: true,
          events: (rejected) => [applicationEvent('ApplicationRejected', rejected, facts, { failures })],
        });
      } catch (error) {
        if (!(error instanceof ApplicationChangedError)) throw error;
      }
      return 'skipped';
    }
    return {
      candidate,
      change: { to: 'approved', at, by: 'system', reason: 'promoted from the waitlist: a seat was freed' },
      bookings,
    };
  }
  return undefined;
};
