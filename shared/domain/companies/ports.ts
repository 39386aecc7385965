/**
 * The ports of the companies area: the repository (shared/db/company-repository.ts), the
 * onboarding workflow (the same port as organisations'), the identity directory that makes a
 * user a company-admin, and email.
 */
import type { Clock } from '../../clock.js';
import type { RecordedDecision } from '../decision.js';
import type { DomainEvent } from '../events.js';
import type { EmailSender } from '../notifications/ports.js';
import type { OnboardingWorkflow } from '../organizations/service.js';
import type { ApplicationDeps, ApplicationRepository, BookingsSnapshot } from '../applications/ports.js';
import type { ApplicationRecord, CompanyTag, StatusChange } from '../applications/schema.js';
import type { CompanyAdmin, CompanyRecord, CompanyStatus, CompanyStatusChange, Employee, JoinVia, Membership, Participation, Program, TeamEvent, VtoBalance } from './schema.js';

export type { OnboardingWorkflow };

export interface CompanyTransition {
  /** The registrant becomes the first admin in the approval's transaction. */
  readonly firstAdmin?: CompanyAdmin;
  /** Makes the pending hold on the number permanent (approval). */
  readonly keepCr?: string;
  /** Frees the commercial registration number (rejection, expiry): it is held only while pending or active. */
  readonly releaseCr?: string;
  readonly events?: readonly DomainEvent[];
}

export interface CompanyRepository {
  /** The company, its CR marker and first history entry; CrNumberTakenError when the number is held. */
  create(company: CompanyRecord, change: CompanyStatusChange, events: readonly DomainEvent[]): Promise<void>;
  get(companyId: string): Promise<CompanyRecord | undefined>;
  crHolder(crNumber: string): Promise<string | undefined>;
  history(companyId: string): Promise<CompanyStatusChange[]>;
  recordDecision(companyId: string, decision: RecordedDecision): Promise<string>;
  withdrawDecision(companyId: string, decision: RecordedDecision): Promise<void>;
  storeTaskToken(companyId: string, taskToken: string): Promise<void>;
  clearTaskToken(companyId: string): Promise<void>;
  transition(companyId: string, from: CompanyStatus, change: CompanyStatusChange, options?: CompanyTransition): Promise<'applied' | 'already'>;
  /** Adds an admin (re-adding one is a no-op); CompanyAdminAssignedError when they admin another company. */
  putAdmin(admin: CompanyAdmin, events: readonly DomainEvent[]): Promise<void>;
  listAdmins(companyId: string): Promise<CompanyAdmin[]>;
  /** The company a user administers, if any. */
  adminOf(sub: string): Promise<string | undefined>;
}

/** Grants the `company-admin` group and the `custom:companyId` claim (Cognito in the cloud). */
export interface CompanyDirectory {
  grantCompanyAdmin(sub: string, companyId: string): Promise<void>;
}

export interface CompanyDeps {
  readonly repo: CompanyRepository;
  readonly clock: Clock;
  readonly ids: () => string;
}

export interface CompanyOnboardingDeps extends CompanyDeps {
  readonly email: EmailSender;
  readonly directory: CompanyDirectory;
  /** The ministry reviewers' addresses. */
  readonly reviewers: readonly string[];
}

/** A one-time join code as stored: only its hash, the company, the address it went to and until when it holds. */
export interface JoinCode {
  readonly codeHash: string;
  readonly companyId: string;
  readonly email: string;
  readonly via: JoinVia;
  readonly validUntil: string;
  /** A domain code: the volunteer who asked for it (a lockout of theirs deletes it). */
  readonly requestedBy?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export interface EmployeeRepository {
  putCodes(codes: readonly JoinCode[]): Promise<void>;
  code(codeHash: string): Promise<JoinCode | undefined>;
  /** Wrong codes the volunteer gave for the company in fixed hour `hour` (epoch hours). */
  failedAttempts(companyId: string, sub: string, hour: number): Promise<number>;
  /** Counts one more wrong code; answers the hour's count. */
  recordFailedAttempt(companyId: string, sub: string, hour: number): Promise<number>;
  /** Deletes the domain code the volunteer last asked for at the company, if any. */
  invalidateRequestedCode(companyId: string, sub: string): Promise<void>;
  /**
   * One transaction: the code consumed (it exists, is this company's and still valid, else
   * InvalidJoinCodeError), the volunteer's membership (none yet, else AlreadyEmployedError), the
   * employee's record (a new stint), the company's employee counters and the event.
   */
  join(input: { readonly codeHash: string; readonly membership: Membership; readonly now: string; readonly events: readonly DomainEvent[] }): Promise<void>;
  /** Ends the membership (it must be of this company) and closes the stint; the record stays. */
  leave(input: { readonly membership: Membership; readonly leftAt: string; readonly events: readonly DomainEvent[] }): Promise<void>;
  membership(volunteerId: string): Promise<Membership | undefined>;
  employees(companyId: string, limit: number, cursor?: string): Promise<Page<Employee>>;
  /** `current`: members now; `joined`: distinct volunteers who ever joined. */
  counts(companyId: string): Promise<{ current: number; joined: number }>;
}

/** What inviting employees and domain codes use: the company read, the codes' write, the email sender (issue 17: not the whole company and employee repositories). */
export interface EmployeeDeps {
  readonly repo: Pick<CompanyRepository, 'get'>;
  readonly employees: Pick<EmployeeRepository, 'putCodes'>;
  readonly clock: Clock;
  readonly email: EmailSender;
  /** Random bytes for the codes. */
  readonly randomBytes: (size: number) => Uint8Array;
  /** Where the apps open a company invitation (`…/companies/{id}/join?code=`). */
  readonly appUrl: string;
}

/** What joining, leaving and the employee list use: no email sender (its clients stay out of those bundles, issue 17). */
export interface MembershipDeps extends CompanyDeps {
  readonly employees: EmployeeRepository;
}

export interface ProgramRepository {
  create(program: Program): Promise<void>;
  get(companyId: string, programId: string): Promise<Program | undefined>;
  list(companyId: string): Promise<Program[]>;
  participation(companyId: string, programId: string, participationId: string): Promise<Participation | undefined>;
  /**
   * Records a participation (one per volunteer and opportunity, else ConflictError) and, when it
   * is `reserved`, takes its minutes from the employee's quota in the same transaction, under
   * the condition that they are still available (VtoQuotaExceededError otherwise); the
   * application carries `tag` from then on (what the organisation sees).
   */
  participate(participation: Participation, quotaMinutes: number, events: readonly DomainEvent[], tag: CompanyTag): Promise<void>;
  /** requested → reserved (the quota taken as in `participate`) or → rejected (the application no longer tagged). */
  decide(participation: Participation, quotaMinutes: number, events: readonly DomainEvent[]): Promise<void>;
  balance(companyId: string, programId: string, volunteerId: string, quotaMinutes: number): Promise<VtoBalance>;
  /** The participation of a volunteer's hours on an opportunity, if one was recorded. */
  forHours(volunteerId: string, opportunityId: string): Promise<Participation | undefined>;
  /** reserved → consumed: `usedMinutes` used, the rest of the reservation given back; `already` when done. */
  consume(participation: Participation, usedMinutes: number): Promise<'applied' | 'already'>;
}

/** What programmes read of the other areas. */
export interface ProgramReads {
  application(id: string): Promise<{ id: string; volunteerId: string; opportunityId: string; orgId: string; shiftId: string; shiftStart: string; shiftEnd: string; status: string } | undefined>;
  opportunityCauses(opportunityId: string): Promise<readonly string[]>;
  /** An organisation that may receive employees' time: active on the platform (licensed non-profits). */
  eligibleOrganization(orgId: string): Promise<boolean>;
}

/** The programmes: the company read (not the whole company repository), the programmes, the memberships and the reads they check (issue 17). */
export interface ProgramDeps extends Omit<CompanyDeps, 'repo'> {
  readonly repo: Pick<CompanyRepository, 'get'>;
  readonly programs: ProgramRepository;
  readonly employees: Pick<EmployeeRepository, 'membership'>;
  readonly reads: ProgramReads;
}

export interface TeamEventRepository {
  /**
   * One transaction: the shift's `seatsTaken` + N if its capacity is still `capacity` and at
   * least N seats are free, and the team event. TeamSeatsUnavailableError otherwise (nothing written).
   */
  reserve(event: TeamEvent, capacity: number): Promise<void>;
  get(companyId: string, teamEventId: string): Promise<TeamEvent | undefined>;
  list(companyId: string): Promise<TeamEvent[]>;
  /**
   * One transaction: `claimed` + 1 if the event is still reserved and below its seats
   * (TeamSeatsGoneError) and the employee's approved application (naming the team event) with its marker
   * (AlreadyAppliedError), history, booking and bookings version (BookingsChangedError), and events.
   */
  claim(event: TeamEvent, application: ApplicationRecord, first: StatusChange, bookings: Pick<BookingsSnapshot, 'version' | 'longestMs'>, events: readonly DomainEvent[]): Promise<void>;
  /** Reserved team events whose release time is at or before `now` (their release index, the last `lookbackDays` UTC days). */
  due(now: string, lookbackDays: number): Promise<{ companyId: string; id: string }[]>;
  /** reserved → released, the unclaimed seats back to the shift; `changed` when a claim moved `claimed` meanwhile. */
  release(event: TeamEvent, at: string): Promise<'applied' | 'changed'>;
}

export interface TeamEventDeps extends CompanyDeps {
  readonly teams: TeamEventRepository;
  readonly employees: Pick<EmployeeRepository, 'membership'>;
  /** What claiming reads of the other areas (the same reads as applying). */
  readonly reads: {
    readonly opportunities: ApplicationDeps['opportunities'];
    readonly volunteers: ApplicationDeps['volunteers'];
    readonly training: ApplicationDeps['training'];
    readonly applications: Pick<ApplicationRepository, 'bookingsAround'>;
  };
}

/** What reserving team seats uses: the company, the team events and the opportunity read (issue 17: no volunteer, training or application repository). */
export type TeamReserveDeps = Pick<TeamEventDeps, 'repo' | 'clock' | 'ids' | 'teams'> & { readonly reads: Pick<TeamEventDeps['reads'], 'opportunities'> };
