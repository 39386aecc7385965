/**
 * The ports of attendance and hours. The repository (shared/db/hours-repository.ts) writes each
 * change as one TransactWriteItems — the hours record, the attendance item, the volunteer's day
 * ledgers, the attendance counters and the outbox events together — and turns a failed condition
 * into a named error; the service decides what the change is.
 */
import type { TrainingCompletions } from '../training/ports.js';
import type { Clock } from '../../clock.js';
import type { TypedEvent } from '../events.js';
import type { OpportunityRecord, ShiftRecord } from '../opportunities/schema.js';
import type { DayLedger } from './credit.js';
import type { AttendanceRecord, AttendanceSummary, DeliverableRecord, HoursRecord, HoursStatus, ValuationRate } from './schema.js';
import type { EventType } from '../../../events/catalog.js';

export type AnyEvent = TypedEvent<EventType>;

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export type AttendanceCounter = 'attended' | 'noShows' | 'lateCancellations';

/** One atomic change. Conditions: a new item must not exist; an updated one must still be at `expect`. */
export interface HoursWrite {
  readonly hours?: { readonly record: HoursRecord; readonly expect?: { readonly status: HoursStatus; readonly version: number } };
  /** `disputed`: the dispute the item must have now ('none': never disputed; 'open': not decided yet). */
  readonly attendance?: { readonly record: AttendanceRecord; readonly expect?: AttendanceRecord['status']; readonly disputed?: 'none' | 'open' };
  /** New state of each touched day ledger, conditioned on the version that was read. */
  readonly ledgers?: readonly { readonly volunteerId: string; readonly seen: DayLedger; readonly next: Omit<DayLedger, 'version'> }[];
  /** +1 each (or `by`: -1 takes a count back, e.g. a no-show whose dispute was upheld). */
  readonly counters?: readonly { readonly volunteerId: string; readonly month: string; readonly counter: AttendanceCounter; readonly by?: 1 | -1 }[];
  readonly reversal?: { readonly hoursId: string; readonly reversalId: string; readonly reason: string; readonly by: string; readonly at: string };
  /** A once-only marker (e.g. one late cancellation per application): the write fails if it exists. */
  readonly once?: { readonly kind: 'late-cancellation'; readonly id: string };
  readonly events: readonly AnyEvent[];
}

export interface ShiftWithOpportunity {
  readonly shift: ShiftRecord;
  readonly opportunity: OpportunityRecord;
}

/** An approved seat (the applications area's booking item). */
export interface Seat {
  readonly volunteerId: string;
  readonly shiftId: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
}

export interface HoursRepository {
  shift(shiftId: string): Promise<ShiftWithOpportunity | undefined>;
  opportunity(id: string): Promise<{ opportunity: OpportunityRecord; shifts: ShiftRecord[] } | undefined>;
  seat(volunteerId: string, shift: Pick<ShiftRecord, 'id' | 'start'>): Promise<Seat | undefined>;
  /** The volunteer's approved seats on an opportunity (claims). */
  seatsOn(volunteerId: string, opportunity: { id: string; shifts: readonly Pick<ShiftRecord, 'id' | 'start'>[] }): Promise<Seat[]>;
  attendance(shiftId: string, volunteerId: string): Promise<AttendanceRecord | undefined>;
  /** Strongly consistent reads of the volunteer's day ledgers (missing days come back empty, version 0). */
  ledgers(volunteerId: string, dates: readonly string[]): Promise<DayLedger[]>;
  get(hoursId: string): Promise<HoursRecord | undefined>;
  /** @throws HoursAlreadyDecidedError | AttendanceAlreadyRecordedError | LedgerChangedError */
  write(change: HoursWrite): Promise<void>;
  /** Keeps the workflow's task token on a pending record of that round. @throws HoursDecidedError */
  storeTaskToken(hoursId: string, round: number, taskToken: string): Promise<void>;
  listByOrganization(orgId: string, status: HoursStatus, limit: number, cursor?: string): Promise<Page<HoursRecord>>;
  listByVolunteer(volunteerId: string, limit: number, cursor?: string): Promise<Page<HoursRecord>>;
  listEscalated(limit: number, cursor?: string): Promise<Page<HoursRecord>>;
  /** How many records of the organisation wait (for the managers' digest; at most `cap` counted). */
  pendingCount(orgId: string, cap: number): Promise<number>;
  attendanceSummary(volunteerId: string, since: string): Promise<AttendanceSummary>;
  /** Open check-ins of shifts that ended by `endedBy` (auto-close). */
  openCheckIns(endedBy: string, limit: number): Promise<AttendanceRecord[]>;
  /** Approved seats of shifts starting in [from, to) (no-show sweep), oldest first. */
  seatsStarting(from: string, to: string): Promise<Seat[]>;
  jobCursor(name: string): Promise<string | undefined>;
  setJobCursor(name: string, value: string): Promise<void>;
  /** The rate in force on `date` for a profession or a track. */
  rateOn(of: RateOf, date: string): Promise<ValuationRate | undefined>;
  putRates(rates: readonly ValuationRate[], event: AnyEvent): Promise<void>;
  rates(): Promise<ValuationRate[]>;
  /** A project's confirmed deliverables (issue 19). */
  deliverables(opportunityId: string): Promise<DeliverableRecord[]>;
  /** Confirms a deliverable once, with its event. @throws DeliverableAlreadyConfirmedError */
  confirmDeliverable(record: DeliverableRecord, event: AnyEvent): Promise<void>;
}

export interface VerificationWorkflow {
  /** Starts HoursVerification for a record's round (the execution name makes a retried start find the same one). */
  start(hoursId: string, round: number): Promise<void>;
  /** Resumes the wait after a decision; a closed task (the wait timed out meanwhile) is fine: the next step sees the decision. */
  resume(taskToken: string, decision: { decision: 'approve' | 'reject'; by: string; at: string }): Promise<void>;
}

/** What an hours record's track is derived from: the volunteer's professions and skills. */
export type VolunteerTrack = { readonly professions: readonly string[]; readonly skills: readonly { readonly name: string }[] };

export interface HoursDeps {
  readonly repo: HoursRepository;
  /** The volunteer's professions and skills (the record's track). */
  readonly volunteers: { get(sub: string): Promise<VolunteerTrack | undefined> };
  /** The key of the attendance codes (Secrets Manager in the cloud). */
  readonly codeKey: () => Promise<string>;
  readonly workflow: VerificationWorkflow;
  /** The training gate (issue 13): check-in re-checks the opportunity's required modules. */
  readonly training: TrainingCompletions;
  readonly clock: Clock;
  readonly ids: () => string;
}

/**
 * What the hours reads use, and the writes that neither check a code nor start or resume a
 * verification (reversal, no-show disputes, deliverables, rates, the verification steps, late
 * cancellations): no verification workflow or attendance-code key (their bundles carry neither).
 */
export type HoursReadDeps = Omit<HoursDeps, 'workflow' | 'codeKey'>;

/** Check-in: the store, the code key and the training gate; no volunteers, no verification workflow (issue 17). */
export type HoursCodeDeps = Pick<HoursDeps, 'repo' | 'clock' | 'ids' | 'codeKey' | 'training'>;

/** What creates pending hours and starts their verification (claims, roster, the attendance close): the store, the volunteers and the workflow; no code key or training (issue 17). */
export type HoursWorkflowDeps = Pick<HoursDeps, 'repo' | 'clock' | 'ids' | 'volunteers' | 'workflow'>;

/** Decisions and disputes: the store and the verification workflow only (issue 17). */
export type HoursDecisionDeps = Pick<HoursDeps, 'repo' | 'clock' | 'ids' | 'workflow'>;

/**
 * Deps `D` whose store has only the methods `K`: each service function names the store methods it
 * calls, so a handler's composition root takes only those parts of the hours store
 * (shared/db/hours-repository.ts) and its bundle only their entities and schemas (issue 17).
 */
export type WithStore<D, K extends keyof HoursRepository> = Omit<D, 'repo'> & { readonly repo: Pick<HoursRepository, K> };

/** What a valuation rate is for: a profession, or else a track. */
export type RateOf = { readonly profession: string } | { readonly track: string };
