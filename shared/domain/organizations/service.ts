/**
 * Organisations: registration, the reviewer's decision, what each caller may see, managers.
 * Pure: the ports (repository, onboarding workflow, event publisher, user directory, clock,
 * id generator) come in as arguments. The workflow's own steps are in onboarding.ts.
 */
import type { Clock } from '../../clock.js';
import type { EventDetail, EventType } from '../../../events/catalog.js';
import { domainEvent, type DomainEvent, type TypedEvent } from '../events.js';
import { assertNotSelf, hasGroup, managesOrganization, type Caller } from '../caller.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { riyadhDate } from '../time.js';
import { CertificationChangedError, DecisionNotOpenError, LicenseNumberTakenError, ManagerAlreadyAssignedError, OrganizationNotActiveError } from './errors.js';
import type {
  AddManager,
  Department,
  ListOrganizationsQuery,
  Manager,
  OrganizationPage,
  OrganizationDecision,
  OrganizationFullView,
  OrganizationPublicView,
  OrganizationRecord,
  OrganizationRegisteredDetail,
  OrganizationStatus,
  RecordedDecision,
  RegisterOrganization,
  StatusChange,
} from './schema.js';

export interface CertificationChange {
  readonly change: 'add' | 'remove';
  /** Members of the set when read (the condition of the write). */
  readonly expected: number;
  readonly events: readonly DomainEvent[];
}

export interface TransitionOptions {
  /** Established in the same write (approval). */
  readonly department?: Department;
  /** Frees the licence number for a new application (rejection, expiry). */
  readonly releaseLicense?: string;
  /** Makes the pending hold of the licence number permanent (approval). */
  readonly keepLicense?: string;
  /** The domain events of the change, written in its transaction (the outbox). */
  readonly events?: readonly DomainEvent[];
}

export interface OrganizationRepository {
  /** Writes the organisation, its licence marker and its first history entry; LicenseNumberTakenError if the licence is held. */
  create(org: OrganizationRecord, change: StatusChange, events?: readonly DomainEvent[]): Promise<void>;
  get(orgId: string): Promise<OrganizationRecord | undefined>;
  licenseHolder(licenseNumber: string): Promise<string | undefined>;
  history(orgId: string): Promise<StatusChange[]>;
  department(orgId: string): Promise<Department | undefined>;
  /**
   * Records the decision once, if the organisation is pending and the workflow is waiting
   * (a task token is stored); returns that token. DecisionAlreadyMadeError / DecisionNotOpenError otherwise.
   */
  recordDecision(orgId: string, decision: RecordedDecision): Promise<string>;
  /** Takes back a decision whose task token was no longer accepted (the wait timed out meanwhile). */
  withdrawDecision(orgId: string, decision: RecordedDecision): Promise<void>;
  /** Stores the workflow's task token while the organisation is pending and undecided. */
  storeTaskToken(orgId: string, taskToken: string): Promise<void>;
  /** Drops the token of a wait that timed out (only while undecided). */
  clearTaskToken(orgId: string): Promise<void>;
  /**
   * Moves `from` → `change.status` with its history entry (and department / licence release) in
   * one transaction. `already` when the organisation is in the target status (a retried task).
   */
  transition(orgId: string, from: OrganizationStatus, change: StatusChange, options?: TransitionOptions): Promise<'applied' | 'already'>;
  /**
   * Adds or updates a manager; ManagerAlreadyAssignedError if the user manages another
   * organisation. With `certification`, the organisation's set of certified managers gains or
   * loses the manager in the same transaction, if it still holds `expected` members
   * (CertificationChangedError otherwise), with the events of that change.
   */
  putManager(manager: Manager, certification?: CertificationChange): Promise<void>;
  /** Takes an expired manager out of the certified set (if still in it and the set still holds `expected`), with its events. */
  lapseCertification(orgId: string, sub: string, expected: number, events: readonly DomainEvent[]): Promise<'applied' | 'already'>;
  /** Managers whose certification expires on a (Riyadh) day. */
  certificationsExpiringOn(day: string): Promise<Manager[]>;
  listManagers(orgId: string): Promise<Manager[]>;
  /** Organisations in one status (and city), oldest registration first. */
  list(status: OrganizationStatus, city: string | undefined, limit: number, cursor: string | undefined): Promise<{ items: OrganizationRecord[]; nextCursor?: string }>;
}

/** The onboarding state machine, seen from the HTTP side. */
export interface OnboardingWorkflow {
  /** Starts the execution for this organisation; starting it again is a no-op. */
  start(orgId: string): Promise<void>;
  /**
   * Resumes the waiting execution with the decision. Throws DecisionNotOpenError if the token
   * is no longer accepted (the wait timed out meanwhile).
   */
  resume(taskToken: string, decision: RecordedDecision): Promise<void>;
}

/** Grants the `org-manager` group and the `custom:orgId` claim (Cognito in the cloud). */
export interface UserDirectory {
  grantOrganizationManager(sub: string, orgId: string): Promise<void>;
}

export interface OrganizationDeps {
  readonly repo: OrganizationRepository;
  readonly clock: Clock;
  readonly ids: () => string;
}

export const event = <T extends EventType>(deps: Pick<OrganizationDeps, 'ids' | 'clock'>, type: T, detail: EventDetail<T>): TypedEvent<T> =>
  domainEvent(type, detail, { id: deps.ids(), time: deps.clock.now() });

export const registeredEvent = (org: OrganizationRecord): OrganizationRegisteredDetail => ({
  orgId: org.id,
  nameAr: org.nameAr,
  nameEn: org.nameEn,
  city: org.city,
  causes: org.causes,
  registeredAt: org.createdAt,
});

/**
 * Registers an organisation as `pending` and starts its onboarding. A retry by the same user
 * for the same licence while still pending (e.g. the workflow start failed after the write)
 * answers with the existing organisation and (re)starts its execution, whose name is derived
 * from the organisation id, so there is never a second one.
 */
export const registerOrganization = async (
  deps: Pick<OrganizationDeps, 'clock' | 'ids'> & {
    readonly repo: Pick<OrganizationRepository, 'create' | 'get' | 'licenseHolder'>;
    readonly workflow: Pick<OnboardingWorkflow, 'start'>;
  },
  caller: Caller,
  input: RegisterOrganization,
): Promise<{ id: string; status: 'pending' }> => {
  const org: OrganizationRecord = pendingRegistration(deps, caller, input);
  const at = org.createdAt;
  return registerOnce(deps.workflow, caller, {
    registration: org,
    write: () => deps.repo.create(org, { status: 'pending', at, by: caller.sub, reason: 'registered' }, [event(deps, 'OrganizationRegistered', registeredEvent(org))]),
    taken: (error) => error instanceof LicenseNumberTakenError,
    holder: async () => {
      const holderId = await deps.repo.licenseHolder(input.licenseNumber);
      return holderId ? deps.repo.get(holderId) : undefined;
    },
  });
};

/** A new registration to vet: the input, a new id, `pending`, who registered it and when. */
export const pendingRegistration = <I extends object>(deps: Pick<OrganizationDeps, 'clock' | 'ids'>, caller: Caller, input: I) => {
  const at = deps.clock.now().toISOString();
  return {
    ...input,
    id: deps.ids(),
    status: 'pending' as const,
    registeredBy: { sub: caller.sub, ...(caller.email && { email: caller.email }) },
    createdAt: at,
    updatedAt: at,
  };
};

/**
 * Writes a vetted registration (organisation, company) and starts its onboarding. When its
 * number is taken by a pending registration of the same user (a retry after the workflow start
 * failed), answers with that one and (re)starts its execution, whose name derives from its id.
 */
export const registerOnce = async <R extends { readonly id: string; readonly status: string; readonly registeredBy: { readonly sub: string } }>(
  workflow: Pick<OnboardingWorkflow, 'start'>,
  caller: Caller,
  how: { registration: R; write: () => Promise<void>; taken: (error: unknown) => boolean; holder: () => Promise<R | undefined> },
): Promise<{ id: string; status: 'pending' }> => {
  let registered = how.registration;
  try {
    await how.write();
  } catch (error) {
    if (!how.taken(error)) throw error;
    const holder = await how.holder();
    if (!holder || holder.status !== 'pending' || holder.registeredBy.sub !== caller.sub) throw error;
    registered = holder;
  }
  await workflow.start(registered.id);
  return { id: registered.id, status: 'pending' };
};

const isMinistry = (caller: Caller | undefined) => hasGroup(caller, 'ministry-reviewer', 'ministry-admin');

export const publicView = (org: OrganizationRecord): OrganizationPublicView => ({
  id: org.id,
  nameAr: org.nameAr,
  nameEn: org.nameEn,
  city: org.city,
  causes: org.causes,
  status: org.status,
  hasCertifiedManager: (org.certifiedManagers?.size ?? 0) > 0,
});

/** A certification counts while it has a number and has not expired (it is valid through its expiry day, Riyadh). */
export const isCertified = (manager: Pick<Manager, 'certificationNumber' | 'certificationExpiresAt'>, today: string): boolean =>
  manager.certificationNumber !== undefined && (manager.certificationExpiresAt === undefined || manager.certificationExpiresAt >= today);

/** Attempts of a certification change against concurrent ones. */
const CERTIFICATION_ROUNDS = 5;

/**
 * Anyone sees an active organisation's public fields. Its managers, the ministry and the user
 * who registered it see everything, including the status history; an organisation that is not
 * active is invisible (404) to everyone else.
 */
export const viewOrganization = async (
  deps: Pick<OrganizationDeps, 'repo'>,
  caller: Caller | undefined,
  orgId: string,
): Promise<OrganizationPublicView | OrganizationFullView> => {
  const org = await deps.repo.get(orgId);
  const privileged = org !== undefined && (managesOrganization(caller, orgId) || isMinistry(caller) || caller?.sub === org.registeredBy.sub);
  if (!org || (!privileged && org.status !== 'active')) throw new NotFoundError(`organisation ${orgId} not found`);
  if (!privileged) return publicView(org);
  const [history, department] = await Promise.all([deps.repo.history(orgId), deps.repo.department(orgId)]);
  return {
    ...publicView(org),
    licenseNumber: org.licenseNumber,
    contactEmail: org.contactEmail,
    phone: org.phone,
    registeredBy: org.registeredBy,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
    ...(org.decision && { decision: org.decision }),
    ...(department && { department }),
    history,
  };
};

/**
 * Active organisations are listed for everyone; any other status (the pending review queue,
 * oldest first, rejected, expired) only for ministry reviewers and admins (403 otherwise).
 */
export const listOrganizations = async (
  deps: Pick<OrganizationDeps, 'repo'>,
  caller: Caller | undefined,
  query: ListOrganizationsQuery,
): Promise<OrganizationPage> => {
  const ministry = isMinistry(caller);
  if (query.status !== 'active' && !ministry) {
    throw new ForbiddenError(`only ministry reviewers and admins may list ${query.status} organisations`);
  }
  const page = await deps.repo.list(query.status, query.city, query.limit, query.cursor);
  return {
    items: page.items.map((org) => ({ ...publicView(org), createdAt: org.createdAt, ...(ministry && { licenseNumber: org.licenseNumber }) })),
    ...(page.nextCursor && { nextCursor: page.nextCursor }),
  };
};

/**
 * A ministry reviewer decides once. The decision is recorded with a condition (pending,
 * waiting, undecided), then the waiting execution is resumed with it; the workflow makes the
 * status change, establishes the department and tells the contact.
 */
export const decideOrganization = async (
  deps: Pick<OrganizationDeps, 'repo' | 'clock'> & { readonly workflow: OnboardingWorkflow },
  caller: Caller,
  orgId: string,
  input: OrganizationDecision,
): Promise<{ id: string; decision: 'approve' | 'reject'; status: OrganizationStatus }> => {
  const org = await deps.repo.get(orgId);
  if (!org) throw new NotFoundError(`organisation ${orgId} not found`);
  assertNotSelf(caller, org.registeredBy.sub, `the registration of organisation ${orgId}`);
  const decision: RecordedDecision = {
    decision: input.decision,
    ...(input.reason && { reason: input.reason }),
    by: caller.sub,
    at: deps.clock.now().toISOString(),
  };
  await recordAndResume(deps, orgId, decision);
  return { id: orgId, decision: input.decision, status: org.status };
};

/**
 * Records a reviewer's decision on a vetted registration (organisation, company), then resumes
 * its waiting onboarding execution with it.
 */
export const recordAndResume = async (
  deps: {
    readonly repo: Pick<OrganizationRepository, 'recordDecision' | 'withdrawDecision'>;
    readonly workflow: OnboardingWorkflow;
  },
  id: string,
  decision: RecordedDecision,
): Promise<void> => {
  const taskToken = await deps.repo.recordDecision(id, decision);
  try {
    await deps.workflow.resume(taskToken, decision);
  } catch (error) {
    // The wait timed out between our write and the resume: take the decision back so the
    // reviewer can decide again on the reminder, instead of leaving a decision nobody acted on.
    if (error instanceof DecisionNotOpenError) await deps.repo.withdrawDecision(id, decision);
    throw error;
  }
};

const mayManage = (caller: Caller, orgId: string) => managesOrganization(caller, orgId) || hasGroup(caller, 'ministry-admin');

/** That organisation's managers and ministry-admin add managers, to an active organisation. */
export const addManager = async (
  deps: Pick<OrganizationDeps, 'repo' | 'clock' | 'ids'> & { readonly directory: UserDirectory },
  caller: Caller,
  orgId: string,
  input: AddManager,
): Promise<Manager> => {
  if (!mayManage(caller, orgId)) throw new ForbiddenError(`only managers of organisation ${orgId} or ministry-admin may add managers`);
  const org = await deps.repo.get(orgId);
  if (!org) throw new NotFoundError(`organisation ${orgId} not found`);
  if (org.status !== 'active') throw new OrganizationNotActiveError(orgId, org.status);
  // A certification that has already run out certifies nothing (the probe sent one that expired in 2001).
  const today = riyadhDate(deps.clock.now());
  if (input.certificationExpiresAt !== undefined && input.certificationExpiresAt < today) {
    throw new ValidationError(`certificationExpiresAt ${input.certificationExpiresAt} is in the past (today is ${today})`, {
      errors: [{ path: 'certificationExpiresAt', message: `must be today or later (${today})` }],
    });
  }
  const at = deps.clock.now().toISOString();
  const manager: Manager = { ...input, orgId, addedBy: caller.sub, addedAt: at };
  const certified = isCertified(manager, today);
  for (let round = 1; ; round++) {
    const current = round === 1 ? org : await deps.repo.get(orgId);
    const members = current?.certifiedManagers ?? new Set<string>();
    const change = certified ? 'add' : 'remove';
    const after = new Set(members);
    if (certified) after.add(manager.sub);
    else after.delete(manager.sub);
    const flipped = (members.size > 0) !== (after.size > 0);
    const events = flipped
      ? [
          event(deps, 'OrganizationCertifiedManagerChanged', {
            orgId,
            hasCertifiedManager: after.size > 0,
            sub: manager.sub,
            cause: certified ? 'manager-certified' : 'certification-removed',
            changedAt: at,
          }),
        ]
      : [];
    const unchanged = after.size === members.size && [...after].every((m) => members.has(m));
    try {
      await deps.repo.putManager(manager, unchanged ? undefined : { change, expected: members.size, events });
      break;
    } catch (error) {
      if (!(error instanceof CertificationChangedError) || round >= CERTIFICATION_ROUNDS) throw error;
    }
  }
  await deps.directory.grantOrganizationManager(manager.sub, orgId);
  return manager;
};

/**
 * The daily `manager-certifications` job: each manager is reminded 30 days before their
 * certification expires (once per certification: the notification's dedupe key), and a
 * certification that expired in the last week leaves the organisation's certified set — the
 * organisation that loses its last certified manager raises OrganizationCertifiedManagerChanged.
 */
export const runCertificationExpiry = async (
  deps: Pick<OrganizationDeps, 'repo' | 'clock' | 'ids'> & { readonly remind: (manager: Manager, org: OrganizationRecord) => Promise<boolean> },
  now: Date,
): Promise<{ reminded: number; lapsed: number; lostCertifiedManager: number }> => {
  const summary = { reminded: 0, lapsed: 0, lostCertifiedManager: 0 };
  const day = (offset: number) => riyadhDate(new Date(now.getTime() + offset * 86_400_000));
  for (const manager of await deps.repo.certificationsExpiringOn(day(CERTIFICATION_REMINDER_DAYS))) {
    const org = await deps.repo.get(manager.orgId);
    if (org?.status === 'active' && (await deps.remind(manager, org))) summary.reminded += 1;
  }
  const today = day(0);
  for (let back = 1; back <= 7; back++) {
    for (const manager of await deps.repo.certificationsExpiringOn(day(-back))) {
      if (isCertified(manager, today)) continue;
      for (let round = 1; ; round++) {
        const org = await deps.repo.get(manager.orgId);
        const members = org?.certifiedManagers ?? new Set<string>();
        if (!members.has(manager.sub)) break;
        const last = members.size === 1;
        const events = last
          ? [event(deps, 'OrganizationCertifiedManagerChanged', { orgId: manager.orgId, hasCertifiedManager: false, sub: manager.sub, cause: 'certification-expired', changedAt: now.toISOString() })]
          : [];
        try {
          if ((await deps.repo.lapseCertification(manager.orgId, manager.sub, members.size, events)) === 'applied') {
            summary.lapsed += 1;
            if (last) summary.lostCertifiedManager += 1;
          }
          break;
        } catch (error) {
          if (!(error instanceof CertificationChangedError) || round >= CERTIFICATION_ROUNDS) throw error;
        }
      }
    }
  }
  return summary;
};

/** Days before its expiry that a manager is reminded of their certification. */
export const CERTIFICATION_REMINDER_DAYS = 30;

export const listManagers = async (deps: Pick<OrganizationDeps, 'repo'>, caller: Caller, orgId: string): Promise<Manager[]> => {
  if (!mayManage(caller, orgId) && !isMinistry(caller)) {
    throw new ForbiddenError(`only managers of organisation ${orgId} or the ministry may list its managers`);
  }
  const org = await deps.repo.get(orgId);
  if (!org) throw new NotFoundError(`organisation ${orgId} not found`);
  return deps.repo.listManagers(orgId);
};

/**
 * OrganizationApproved → the user who registered the organisation becomes its first volunteer
 * manager (the manager item, then the directory grant: Cognito `org-manager` + `custom:orgId`
 * in the cloud, so a token refresh is enough). Safe to run twice: an existing manager item is
 * kept as it is (its certification may have been added since) and the grant is repeated.
 * A registrant who already manages another organisation is left there (`skipped`): a user
 * manages one organisation, and a ministry-admin can name this one's first manager instead.
 */
export const assignFirstManager = async (
  deps: Pick<OrganizationDeps, 'repo'> & { readonly directory: UserDirectory },
  detail: { orgId: string; approvedAt: string },
): Promise<'assigned' | 'already' | 'skipped'> => {
  const org = await deps.repo.get(detail.orgId);
  if (!org || org.status !== 'active') return 'skipped';
  const sub = org.registeredBy.sub;
  const existing = (await deps.repo.listManagers(org.id)).some((m) => m.sub === sub);
  if (!existing) {
    try {
      await deps.repo.putManager({ orgId: org.id, sub, email: org.registeredBy.email ?? org.contactEmail, addedBy: 'system', addedAt: detail.approvedAt });
    } catch (error) {
      if (error instanceof ManagerAlreadyAssignedError) return 'skipped';
      throw error;
    }
  }
  await deps.directory.grantOrganizationManager(sub, org.id);
  return existing ? 'already' : 'assigned';
};
