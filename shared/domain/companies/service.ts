/**
 * Companies: registration, the ministry's decision, what each caller sees, company admins.
 * Pure: the ports come in as arguments. The onboarding workflow's steps are in onboarding.ts.
 *
 * Authorisation: a company's records are seen by its admins (company-admin with that
 * `custom:companyId`), the ministry and, while it is not active, its registrant; everyone else
 * (another company's admin included) gets a 404, never a 403 that would confirm it exists.
 */
import type { EventDetail, EventType } from '../../../events/catalog.js';
import { adminsCompany, assertNotSelf, hasGroup, type Caller } from '../caller.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { domainEvent, type TypedEvent } from '../events.js';
import { pendingRegistration, recordAndResume, registerOnce } from '../organizations/service.js';
import { CompanyNotActiveError, CrNumberTakenError } from './errors.js';
import type { CompanyDeps, CompanyDirectory, OnboardingWorkflow } from './ports.js';
import type { AddCompanyAdmin, CompanyAdmin, CompanyDecision, CompanyRecord, CompanyStatus, CompanyView, RegisterCompany } from './schema.js';

export const companyEvent = <T extends EventType>(deps: Pick<CompanyDeps, 'ids' | 'clock'>, type: T, detail: EventDetail<T>): TypedEvent<T> =>
  domainEvent(type, detail, { id: deps.ids(), time: deps.clock.now() });

const notFound = (companyId: string) => new NotFoundError(`company ${companyId} not found`);
const isMinistry = (caller: Caller | undefined) => hasGroup(caller, 'ministry-reviewer', 'ministry-admin');

/** The company, if this caller may see it (its admins, the ministry, its registrant); 404 otherwise. */
export const visibleCompany = async (deps: Pick<CompanyDeps, 'repo'>, caller: Caller, companyId: string): Promise<CompanyRecord> => {
  const company = await deps.repo.get(companyId);
  if (!company || !(adminsCompany(caller, companyId) || isMinistry(caller) || caller.sub === company.registeredBy.sub)) throw notFound(companyId);
  return company;
};

/** The active company of which the caller is an admin; 404 for anyone else (another company's admin too). */
export const administeredCompany = async (deps: { readonly repo: Pick<CompanyDeps['repo'], 'get'> }, caller: Caller, companyId: string): Promise<CompanyRecord> => {
  if (!adminsCompany(caller, companyId)) throw notFound(companyId);
  const company = await deps.repo.get(companyId);
  if (!company) throw notFound(companyId);
  if (company.status !== 'active') throw new CompanyNotActiveError(companyId, company.status);
  return company;
};

/**
 * Registers a company as `pending` and starts its onboarding. A retry by the same user for the
 * same number while still pending answers with the existing company and (re)starts its
 * execution, whose name derives from the company id, so there is never a second one.
 */
export const registerCompany = async (
  deps: CompanyDeps & { readonly workflow: OnboardingWorkflow },
  caller: Caller,
  input: RegisterCompany,
): Promise<{ id: string; status: 'pending' }> => {
  const administered = await deps.repo.adminOf(caller.sub);
  if (administered) throw new ConflictError(`you are already the admin of company ${administered}; a user administers one company`);
  const company: CompanyRecord = pendingRegistration(deps, caller, input);
  const at = company.createdAt;
  return registerOnce(deps.workflow, caller, {
    registration: company,
    write: () =>
      deps.repo.create(company, { status: 'pending', at, by: caller.sub, reason: 'registered' }, [
        companyEvent(deps, 'CompanyRegistered', { companyId: company.id, nameAr: company.nameAr, nameEn: company.nameEn, registeredAt: at }),
      ]),
    taken: (error) => error instanceof CrNumberTakenError,
    holder: async () => {
      const holderId = await deps.repo.crHolder(input.crNumber);
      return holderId ? deps.repo.get(holderId) : undefined;
    },
  });
};

export const viewCompany = async (deps: Pick<CompanyDeps, 'repo'>, caller: Caller, companyId: string): Promise<CompanyView> => {
  const company = await visibleCompany(deps, caller, companyId);
  return { ...company, history: await deps.repo.history(companyId) };
};

/**
 * A ministry reviewer decides once: the decision is recorded under a condition (pending,
 * waiting, undecided), then the waiting execution resumes with it and makes the change.
 */
export const decideCompany = async (
  deps: Pick<CompanyDeps, 'repo' | 'clock'> & { readonly workflow: OnboardingWorkflow },
  caller: Caller,
  companyId: string,
  input: CompanyDecision,
): Promise<{ id: string; decision: 'approve' | 'reject'; status: CompanyStatus }> => {
  const company = await deps.repo.get(companyId);
  if (!company) throw notFound(companyId);
  assertNotSelf(caller, company.registeredBy.sub, `the registration of company ${companyId}`);
  const decision = { decision: input.decision, ...(input.reason && { reason: input.reason }), by: caller.sub, at: deps.clock.now().toISOString() };
  await recordAndResume(deps, companyId, decision);
  return { id: companyId, decision: input.decision, status: company.status };
};

/** A company's admins add admins (a user administers one company). */
export const addCompanyAdmin = async (
  deps: CompanyDeps & { readonly directory: CompanyDirectory },
  caller: Caller,
  companyId: string,
  input: AddCompanyAdmin,
): Promise<CompanyAdmin> => {
  await administeredCompany(deps, caller, companyId);
  const at = deps.clock.now().toISOString();
  const admin: CompanyAdmin = { companyId, sub: input.sub, email: input.email, addedBy: caller.sub, addedAt: at };
  await deps.repo.putAdmin(admin, [companyEvent(deps, 'CompanyAdminAdded', { companyId, sub: input.sub, addedBy: caller.sub, addedAt: at })]);
  await deps.directory.grantCompanyAdmin(input.sub, companyId);
  return admin;
};

export const listCompanyAdmins = async (deps: Pick<CompanyDeps, 'repo'>, caller: Caller, companyId: string): Promise<{ items: CompanyAdmin[] }> => {
  await visibleCompany(deps, caller, companyId);
  return { items: await deps.repo.listAdmins(companyId) };
};
