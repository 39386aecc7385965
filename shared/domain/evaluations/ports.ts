/**
 * The ports of evaluations. Attendance belongs to the hours area (issue 19): `attended` and
 * `attendees` read its attendance records. The repository writes each evaluation and its
 * aggregate change in one transaction, conditioned on the evaluation's absence (create) or its
 * version (edit), so the aggregates always equal a recount.
 */
import type { Clock } from '../../clock.js';
import type {
  ExperienceAggregate,
  ExperienceRecord,
  VolunteerAggregate,
  VolunteerEvaluationRecord,
} from './schema.js';

export interface AttendancePort {
  /** The volunteer was present on the shift (checked in, or marked present by a manager). */
  attended(volunteerId: string, shiftId: string): Promise<boolean>;
  /** Every volunteer present on the shift. */
  attendees(shiftId: string): Promise<string[]>;
}

export interface ShiftFacts {
  readonly id: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
}

export interface EvaluationRepository {
  experience(shiftId: string, volunteerId: string): Promise<ExperienceRecord | undefined>;
  volunteerEvaluation(shiftId: string, volunteerId: string): Promise<VolunteerEvaluationRecord | undefined>;
  /** @throws EvaluationExistsError */
  createExperience(record: ExperienceRecord): Promise<void>;
  /** @throws EvaluationChangedError */
  updateExperience(previous: ExperienceRecord, next: ExperienceRecord): Promise<void>;
  /** @throws EvaluationExistsError */
  createVolunteerEvaluation(record: VolunteerEvaluationRecord): Promise<void>;
  /** @throws EvaluationChangedError */
  updateVolunteerEvaluation(previous: VolunteerEvaluationRecord, next: VolunteerEvaluationRecord): Promise<void>;
  experiencesOfShift(shiftId: string): Promise<ExperienceRecord[]>;
  volunteerEvaluationsOfShift(shiftId: string): Promise<VolunteerEvaluationRecord[]>;
  organizationAggregate(orgId: string): Promise<ExperienceAggregate | undefined>;
  volunteerAggregate(volunteerId: string): Promise<VolunteerAggregate | undefined>;
  /** The volunteer has applied to one of the organisation's opportunities (any status). */
  hasAppliedTo(volunteerId: string, orgId: string): Promise<boolean>;
}

export interface EvaluationDeps {
  readonly repo: EvaluationRepository;
  readonly shifts: { shift(shiftId: string): Promise<ShiftFacts | undefined> };
  readonly attendance: AttendancePort;
  readonly clock: Clock;
}
