/**
 * Team events (issue 15): a company's admin takes N seats on a shift for the team in one
 * request — the shift's seat counter moves by N in the same transaction as the team event, or
 * nothing is written (never overbooked, never partly reserved). Current employees claim the
 * seats: each claim is their own approved application on the shift (the screening rules of
 * applying apply: profile, charter, age, professions, training, no overlapping approved shift),
 * written with its booking in the transaction that counts the claim. 48 h before the start the
 * `team-seats` job gives the unclaimed seats back to the shift.
 */
import { requireGroup, type Caller } from '../caller.js';
import { NotFoundError, RuleViolationError } from '../errors.js';
import { BookingsChangedError } from '../applications/errors.js';
import { applicationEvent } from '../applications/events.js';
import type { ApplicationRecord, StatusChange } from '../applications/schema.js';
import { screen } from '../applications/screening.js';
import { missingTrainings } from '../training/gate.js';
import { TeamSeatsGoneError } from './errors.js';
import type { TeamEventDeps, TeamReserveDeps } from './ports.js';
import { TEAM_RELEASE_BEFORE_MS, type ReserveTeamSeats, type TeamEvent } from './schema.js';
import { adminOrEmployee } from './programs.js';
import { administeredCompany } from './service.js';

/** Rounds of a claim whose overlap guard moved meanwhile (the employee booked elsewhere at the same moment). */
const CLAIM_ROUNDS = 3;

export const reserveTeamSeats = async (deps: TeamReserveDeps, caller: Caller, companyId: string, body: ReserveTeamSeats): Promise<TeamEvent> => {
  await administeredCompany(deps, caller, companyId);
  const found = await deps.reads.opportunities.get(body.opportunityId);
  if (!found || found.opportunity.status !== 'published') throw new RuleViolationError('opportunityId', `opportunity ${body.opportunityId} is not open for applications`);
  const shift = found.shifts.find((s) => s.id === body.shiftId);
  if (!shift) throw new RuleViolationError('shiftId', `opportunity ${body.opportunityId} has no shift ${body.shiftId}`);
  const now = deps.clock.now();
  const releaseAt = new Date(Date.parse(shift.start) - TEAM_RELEASE_BEFORE_MS);
  if (releaseAt <= now) throw new RuleViolationError('shiftId', `the shift starts at ${shift.start}: team seats are taken more than 48 h before`);
  const event: TeamEvent = {
    id: deps.ids(),
    companyId,
    opportunityId: found.opportunity.id,
    orgId: found.opportunity.orgId,
    shiftId: shift.id,
    start: shift.start,
    end: shift.end,
    seats: body.seats,
    claimed: 0,
    status: 'reserved',
    releaseAt: releaseAt.toISOString(),
    createdBy: caller.sub,
    createdAt: now.toISOString(),
  };
  await deps.teams.reserve(event, shift.capacity);
  return event;
};

/** The company's team events, for its admins and its current employees. */
export const listTeamEvents = async (deps: Pick<TeamEventDeps, 'employees' | 'teams'>, caller: Caller, companyId: string) => {
  if (!(await adminOrEmployee(deps, caller, companyId))) throw new NotFoundError(`company ${companyId} not found`);
  return { items: await deps.teams.list(companyId) };
};

/** A current employee claims a seat: their own approved application on the shift. */
export const claimTeamSeat = async (deps: TeamEventDeps, caller: Caller, companyId: string, teamEventId: string) => {
  const employee = requireGroup(caller, 'volunteer');
  const [membership, company] = await Promise.all([deps.employees.membership(employee.sub), deps.repo.get(companyId)]);
  if (membership?.companyId !== companyId || !company) throw new NotFoundError(`company ${companyId} not found`);
  for (let round = 1; ; round++) {
    const event = await deps.teams.get(companyId, teamEventId);
    if (!event) throw new NotFoundError(`team event ${teamEventId} not found`);
    const now = deps.clock.now();
    if (event.status === 'released' || now.toISOString() >= event.releaseAt) throw new TeamSeatsGoneError(teamEventId, 'released');
    if (event.claimed >= event.seats) throw new TeamSeatsGoneError(teamEventId, 'claimed');
    const [profile, found, bookings] = await Promise.all([
      deps.reads.volunteers.get(employee.sub),
      deps.reads.opportunities.get(event.opportunityId),
      deps.reads.applications.bookingsAround(employee.sub, { start: event.start, end: event.end }),
    ]);
    const shift = found?.shifts.find((s) => s.id === event.shiftId);
    if (!found || !shift) throw new NotFoundError(`team event ${teamEventId} not found`);
    const id = deps.ids();
    const missingTraining = await missingTrainings(deps.reads.training, employee.sub, found.opportunity.trainingModules, now);
    const [failure] = screen({ now, applicationId: id, profile, opportunity: found.opportunity, shift, markerApplicationId: id, missingTraining, bookings: bookings.bookings });
    if (failure) throw new RuleViolationError(failure.rule, failure.message);
    const at = now.toISOString();
    const reason = 'claimed a seat the company reserved for its team';
    const application: ApplicationRecord = {
      id,
      volunteerId: employee.sub,
      opportunityId: event.opportunityId,
      orgId: event.orgId,
      shiftId: event.shiftId,
      shiftStart: event.start,
      shiftEnd: event.end,
      requiresApproval: found.opportunity.requiresApproval,
      ...(shift.project && { project: true }),
      status: 'approved',
      version: 1,
      createdAt: at,
      updatedAt: at,
      reason,
      company: { companyId, nameAr: company.nameAr, nameEn: company.nameEn, teamEventId },
    };
    const first: StatusChange = { version: 1, status: 'approved', at, by: employee.sub, reason };
    try {
      await deps.teams.claim(event, application, first, bookings, [applicationEvent('ApplicationApproved', application, { at, by: employee.sub, reason })]);
      return { teamEventId, applicationId: id, status: 'approved' as const, claimed: event.claimed + 1, seats: event.seats };
    } catch (error) {
      if (!(error instanceof BookingsChangedError) || round >= CLAIM_ROUNDS) throw error;
    }
  }
};

/** Days of release partitions each run reads back (a run missed for days still finds its events). */
const RELEASE_LOOKBACK_DAYS = 7;

/** The `team-seats` job: every reserved team event whose release time has come gives its unclaimed seats back. */
export const releaseTeamSeats = async (deps: Pick<TeamEventDeps, 'teams'>, now: Date) => {
  const due = await deps.teams.due(now.toISOString(), RELEASE_LOOKBACK_DAYS);
  let released = 0;
  let seats = 0;
  for (const ref of due) {
    // A claim between the read and the release moves `claimed`: read again and retry.
    for (let round = 0; round < CLAIM_ROUNDS + 1; round++) {
      const event = await deps.teams.get(ref.companyId, ref.id);
      if (!event || event.status !== 'reserved') break;
      if ((await deps.teams.release(event, now.toISOString())) === 'applied') {
        released += 1;
        seats += event.seats - event.claimed;
        break;
      }
    }
  }
  return { due: due.length, released, seatsReleased: seats };
};
