/**
 * Screening rules, pure. Each failed rule is named (`rule`), so the volunteer and the managers
 * see exactly why an application was refused, and the POST answers with the same name in
 * `errors[].path`.
 *
 * Rules decidable at once (`immediateFailures`) answer the POST; the workflow's screening
 * (`screen`) runs them all again, because a profile, the charter in force, the opportunity and
 * the volunteer's other bookings can change while an application waits for a manager.
 */
import type { OpportunityRecord, ShiftRecord } from '../opportunities/schema.js';
import { currentCharterVersion } from '../volunteers/documents/versions.js';
import { riyadhDate } from '../time.js';
import { ageOn } from '../volunteers/age.js';
import type { RuleFailure } from './schema.js';

/** Fields a profile needs before its holder can apply: who they are, how to reach them, where they are. */
export const REQUIRED_PROFILE_FIELDS = ['nameAr', 'nameEn', 'birthDate', 'email', 'phone', 'city'] as const;

/** An approved booking of the volunteer (the double-booking guard compares against these). */
export interface Booking {
  readonly shiftId: string;
  readonly applicationId: string;
  readonly start: string;
  readonly end: string;
  /** A project's period (issue 19): never an overlap. */
  readonly project?: boolean;
}

/** What screening reads of a volunteer's profile (a projection: shared/db/volunteer-fields.ts). */
export interface ScreeningProfile {
  readonly nameAr: string;
  readonly nameEn: string;
  readonly birthDate: string;
  readonly email: string;
  readonly phone: string;
  readonly city: string;
  readonly professions: readonly string[];
  readonly acceptedCharterVersion?: string | undefined;
}

export interface ScreeningFacts {
  readonly now: Date;
  readonly applicationId: string;
  readonly profile: ScreeningProfile | undefined;
  readonly opportunity: OpportunityRecord;
  readonly shift: ShiftRecord;
  /** The application the volunteer–shift marker names (undefined: no marker). */
  readonly markerApplicationId: string | undefined;
  /** Required training modules without a completion valid now (training/gate.ts). */
  readonly missingTraining: readonly string[];
  /** Approved bookings of the volunteer that may overlap this shift. */
  readonly bookings: readonly Booking[];
}

export const profileFailure = (profile: ScreeningProfile | undefined): RuleFailure | undefined => {
  if (!profile) return { rule: 'profile', message: 'no volunteer profile: register with POST /v1/volunteers first' };
  const missing = REQUIRED_PROFILE_FIELDS.filter((field) => {
    const value = profile[field];
    return typeof value !== 'string' || value.trim() === '';
  });
  return missing.length > 0 ? { rule: 'profile', message: `profile is incomplete: ${missing.join(', ')} missing` } : undefined;
};

export const charterFailure = (profile: ScreeningProfile | undefined): RuleFailure | undefined =>
  profile && profile.acceptedCharterVersion !== currentCharterVersion()
    ? {
        rule: 'charter',
        message: `the current ethics charter (version ${currentCharterVersion()}) is not accepted${
          profile.acceptedCharterVersion ? ` (accepted: ${profile.acceptedCharterVersion})` : ''
        }`,
      }
    : undefined;

export const opportunityFailure = (opportunity: OpportunityRecord): RuleFailure | undefined =>
  opportunity.status === 'published' ? undefined : { rule: 'opportunity.status', message: `opportunity is ${opportunity.status}, not published` };

export const shiftStartFailure = (shift: ShiftRecord, now: Date): RuleFailure | undefined =>
  shift.start > now.toISOString() ? undefined : { rule: 'shift.start', message: `shift started at ${shift.start}; it is in the past` };

/** Age on the day of the shift (Asia/Riyadh), as minAge is "the youngest age on the shift". */
export const ageFailure = (profile: ScreeningProfile | undefined, opportunity: OpportunityRecord, shift: ShiftRecord): RuleFailure | undefined => {
  if (!profile || opportunity.minAge === undefined) return undefined;
  const age = ageOn(profile.birthDate, riyadhDate(shift.start));
  return age >= opportunity.minAge ? undefined : { rule: 'age', message: `must be at least ${opportunity.minAge} on the shift day, is ${age}` };
};

/**
 * An opportunity lists the professions it accepts (professional volunteering): the volunteer
 * must hold at least one of them. No professions listed: open to everyone.
 */
export const professionsFailure = (profile: ScreeningProfile | undefined, opportunity: OpportunityRecord): RuleFailure | undefined => {
  if (!profile || opportunity.professions.length === 0) return undefined;
  return opportunity.professions.some((p) => profile.professions.includes(p))
    ? undefined
    : { rule: 'professions', message: `needs one of the professions ${opportunity.professions.join(', ')}` };
};

/**
 * Every module the opportunity requires needs a completion that has not expired (a module
 * that does not exist cannot be completed: the requirement refuses everyone, the safe side).
 * The same rule name and message as the 422 of applying (TrainingRequiredError).
 */
export const trainingFailure = (missing: readonly string[]): RuleFailure | undefined =>
  missing.length === 0 ? undefined : { rule: 'training', message: `training not completed or expired: ${missing.join(', ')}` };

export const duplicateFailure = (applicationId: string, markerApplicationId: string | undefined): RuleFailure | undefined =>
  markerApplicationId === applicationId
    ? undefined
    : { rule: 'shiftId', message: markerApplicationId ? `already applied to this shift (application ${markerApplicationId})` : 'the application no longer holds this shift' };

/** Intervals overlap when each starts before the other ends (touching shifts do not overlap). */
export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }): boolean => a.start < b.end && b.start < a.end;

/** Projects do not block shifts, nor shifts projects (issue 19): a project's period is never an overlap. */
export const overlappingBooking = (shift: Pick<ShiftRecord, 'id' | 'start' | 'end' | 'project'>, bookings: readonly Booking[]): Booking | undefined =>
  shift.project ? undefined : bookings.find((booking) => !booking.project && booking.shiftId !== shift.id && overlaps(booking, shift));

export const overlapFailure = (shift: ShiftRecord, bookings: readonly Booking[]): RuleFailure | undefined => {
  const other = overlappingBooking(shift, bookings);
  return other ? { rule: 'overlap', message: `overlaps an approved shift (${other.start}–${other.end}) the volunteer already holds` } : undefined;
};

/** What the POST refuses at once (the first failure is the answer). Nothing here reads other records. */
export const immediateFailures = (facts: Pick<ScreeningFacts, 'now' | 'profile' | 'opportunity' | 'shift'>): RuleFailure[] =>
  [
    profileFailure(facts.profile),
    charterFailure(facts.profile),
    opportunityFailure(facts.opportunity),
    shiftStartFailure(facts.shift, facts.now),
  ].filter((f): f is RuleFailure => f !== undefined);

/** The workflow's screening: every rule, every failure named. */
export const screen = (facts: ScreeningFacts): RuleFailure[] =>
  [
    profileFailure(facts.profile),
    charterFailure(facts.profile),
    ageFailure(facts.profile, facts.opportunity, facts.shift),
    professionsFailure(facts.profile, facts.opportunity),
    trainingFailure(facts.missingTraining),
    opportunityFailure(facts.opportunity),
    shiftStartFailure(facts.shift, facts.now),
    duplicateFailure(facts.applicationId, facts.markerApplicationId),
    overlapFailure(facts.shift, facts.bookings),
  ].filter((f): f is RuleFailure => f !== undefined);

export const describeFailures = (failures: readonly RuleFailure[]): string =>
  `screening failed: ${failures.map((f) => `${f.rule} (${f.message})`).join('; ')}`;
