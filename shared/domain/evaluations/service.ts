/**
 * Evaluations as the HTTP routes see them. Pure: ports come in as arguments. Who may do what:
 * - submit / edit (`POST` / `PATCH /v1/shifts/{shiftId}/evaluations`): after the shift has
 *   ended, a volunteer who attended rates the experience; the shift's organisation's managers
 *   rate an attendee (`volunteerId`). Once each; editable for 7 days after submission;
 * - a shift's feedback: that organisation's managers (comments without identity, scores only
 *   when at least 5 attended);
 * - an organisation's rating: anyone (the average once it rests on 5 ratings);
 * - a volunteer's ratings: the volunteer, and managers of organisations they applied to.
 */
import { hasGroup, managesOrganization, type Caller } from '../caller.js';
import { NotFoundError } from '../errors.js';
import { publicOrganizationRating, shiftExperienceForOrganization, volunteerRating } from './anonymity.js';
import {
  EvaluationLockedError,
  EvaluationNotFoundError,
  NotAttendedError,
  ShiftNotEndedError,
  ShiftNotFoundError,
} from './errors.js';
import type { EvaluationDeps, ShiftFacts } from './ports.js';
import {
  EDIT_WINDOW_DAYS,
  type EvaluationInput,
  type EvaluationResult,
  type ExperienceRecord,
  type OrganizationRatingView,
  type ShiftFeedbackView,
  type VolunteerEvaluationRecord,
  type VolunteerRatingView,
} from './schema.js';

type Side = { kind: 'experience'; volunteerId: string } | { kind: 'volunteer'; volunteerId: string };

/** Which evaluation the caller is writing, after checking they may (the shift, the side, attendance). */
const authorise = async (deps: EvaluationDeps, caller: Caller, shiftId: string, input: EvaluationInput): Promise<{ shift: ShiftFacts; side: Side }> => {
  const shift = await deps.shifts.shift(shiftId);
  if (!shift) throw new ShiftNotFoundError(shiftId);
  let side: Side;
  if (input.volunteerId !== undefined) {
    // A shift of another organisation is not the caller's to see.
    if (!managesOrganization(caller, shift.orgId)) throw new ShiftNotFoundError(shiftId);
    side = { kind: 'volunteer', volunteerId: input.volunteerId };
  } else {
    if (!hasGroup(caller, 'volunteer')) throw new NotAttendedError('only a volunteer who attended this shift rates its experience; managers send volunteerId');
    side = { kind: 'experience', volunteerId: caller.sub };
  }
  const now = deps.clock.now().toISOString();
  if (now < shift.end) throw new ShiftNotEndedError(shiftId, shift.end);
  if (!(await deps.attendance.attended(side.volunteerId, shiftId))) {
    throw new NotAttendedError(
      side.kind === 'experience' ? `only volunteers who attended shift ${shiftId} may evaluate it` : `volunteer ${side.volunteerId} did not attend shift ${shiftId}`,
    );
  }
  return { shift, side };
};

const editableUntil = (at: Date) => new Date(at.getTime() + EDIT_WINDOW_DAYS * 86_400_000).toISOString();

const scores = (input: EvaluationInput) => ({
  punctuality: input.punctuality ?? input.rating!,
  skill: input.skill ?? input.rating!,
  conduct: input.conduct ?? input.rating!,
});

export const submitEvaluation = async (deps: EvaluationDeps, caller: Caller, shiftId: string, input: EvaluationInput): Promise<EvaluationResult> => {
  const { shift, side } = await authorise(deps, caller, shiftId, input);
  const now = deps.clock.now();
  const at = now.toISOString();
  const common = { shiftId, orgId: shift.orgId, opportunityId: shift.opportunityId, volunteerId: side.volunteerId, createdAt: at, updatedAt: at, editableUntil: editableUntil(now), version: 1 };
  if (side.kind === 'experience') {
    await deps.repo.createExperience({ ...common, rating: input.rating!, ...(input.comment !== undefined && { comment: input.comment }) });
  } else {
    await deps.repo.createVolunteerEvaluation({ ...common, ...scores(input), ...(input.note !== undefined && { note: input.note }), by: caller.sub });
  }
  return { shiftId, kind: side.kind, volunteerId: side.volunteerId, version: 1, editableUntil: common.editableUntil };
};

/** Replaces the caller's evaluation within its edit window (the aggregates move by the difference). */
export const editEvaluation = async (deps: EvaluationDeps, caller: Caller, shiftId: string, input: EvaluationInput): Promise<EvaluationResult> => {
  const { side } = await authorise(deps, caller, shiftId, input);
  const at = deps.clock.now().toISOString();
  if (side.kind === 'experience') {
    const previous = await deps.repo.experience(shiftId, side.volunteerId);
    if (!previous) throw new EvaluationNotFoundError(`evaluation of shift ${shiftId}`);
    if (at >= previous.editableUntil) throw new EvaluationLockedError(`the evaluation of shift ${shiftId}`, previous.editableUntil);
    const { comment: _dropped, ...rest } = previous;
    const next: ExperienceRecord = { ...rest, rating: input.rating!, ...(input.comment !== undefined && { comment: input.comment }), updatedAt: at, version: previous.version + 1 };
    await deps.repo.updateExperience(previous, next);
    return { shiftId, kind: side.kind, volunteerId: side.volunteerId, version: next.version, editableUntil: next.editableUntil };
  }
  const previous = await deps.repo.volunteerEvaluation(shiftId, side.volunteerId);
  if (!previous) throw new EvaluationNotFoundError(`evaluation of volunteer ${side.volunteerId} on shift ${shiftId}`);
  if (at >= previous.editableUntil) throw new EvaluationLockedError(`the evaluation of volunteer ${side.volunteerId}`, previous.editableUntil);
  const { note: _dropped, ...rest } = previous;
  const next: VolunteerEvaluationRecord = { ...rest, ...scores(input), ...(input.note !== undefined && { note: input.note }), by: caller.sub, updatedAt: at, version: previous.version + 1 };
  await deps.repo.updateVolunteerEvaluation(previous, next);
  return { shiftId, kind: side.kind, volunteerId: side.volunteerId, version: next.version, editableUntil: next.editableUntil };
};

/** The shift's feedback for its organisation's managers. */
export const shiftFeedback = async (deps: EvaluationDeps, caller: Caller, shiftId: string): Promise<ShiftFeedbackView> => {
  const shift = await deps.shifts.shift(shiftId);
  if (!shift || !managesOrganization(caller, shift.orgId)) throw new ShiftNotFoundError(shiftId);
  const [attendees, experiences, volunteers] = await Promise.all([
    deps.attendance.attendees(shiftId),
    deps.repo.experiencesOfShift(shiftId),
    deps.repo.volunteerEvaluationsOfShift(shiftId),
  ]);
  return {
    shiftId,
    attended: attendees.length,
    experience: shiftExperienceForOrganization(attendees.length, experiences),
    volunteers: volunteers.map((v) => ({
      volunteerId: v.volunteerId,
      punctuality: v.punctuality,
      skill: v.skill,
      conduct: v.conduct,
      ...(v.note !== undefined && { note: v.note }),
      by: v.by,
      updatedAt: v.updatedAt,
    })),
  };
};

export const organizationRating = async (deps: Pick<EvaluationDeps, 'repo'>, orgId: string): Promise<OrganizationRatingView> =>
  publicOrganizationRating(orgId, await deps.repo.organizationAggregate(orgId));

/** A volunteer's ratings: to themselves, and to managers of organisations they applied to (404 to anyone else). */
export const volunteerRatings = async (deps: Pick<EvaluationDeps, 'repo'>, caller: Caller, volunteerId: string): Promise<VolunteerRatingView> => {
  const self = caller.sub === volunteerId;
  const applicantOfCaller = !self && hasGroup(caller, 'org-manager') && caller.orgId !== undefined && (await deps.repo.hasAppliedTo(volunteerId, caller.orgId));
  if (!self && !applicantOfCaller) throw new NotFoundError(`volunteer ${volunteerId} not found`);
  return volunteerRating(volunteerId, await deps.repo.volunteerAggregate(volunteerId));
};
