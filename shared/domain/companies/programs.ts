/**
 * Employee volunteering programmes and volunteer time off (VTO). A company's admins create a
 * programme: a period, the hours of time off each employee may give, the eligible causes and/or
 * organisations (active non-profits of the platform: a company never receives volunteers
 * itself) and whether an admin approves each participation.
 *
 * An employee tags one of their applications with the programme. Its shift's minutes are
 * reserved against their quota when the participation is approved (at once when the programme
 * needs no approval), and consumed when the organisation approves the hours (the approved
 * minutes, at most those reserved; the rest goes back). The quota is one counter per employee
 * and programme whose `available` minutes only go down under the condition that enough remain,
 * so it is never exceeded, whatever the concurrency.
 */
import { adminsCompany, requireGroup, type Caller } from '../caller.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { riyadhDate } from '../time.js';
import type { ProgramDeps } from './ports.js';
import type { CreateProgram, Participation, Program } from './schema.js';
import { administeredCompany, companyEvent } from './service.js';

const quotaOf = (program: Program) => program.hoursPerEmployee * 60;

export const createProgram = async (deps: ProgramDeps, caller: Caller, companyId: string, body: CreateProgram): Promise<Program> => {
  await administeredCompany(deps, caller, companyId);
  const orgIds = body.orgIds ?? [];
  const ineligible = [];
  for (const [index, orgId] of orgIds.entries()) if (!(await deps.reads.eligibleOrganization(orgId))) ineligible.push(index);
  if (ineligible.length > 0) {
    throw new ValidationError(`organisations ${ineligible.map((i) => orgIds[i]).join(', ')} are not active non-profit organisations of the platform`, {
      errors: ineligible.map((i) => ({ path: `orgIds.${i}`, message: 'not an active non-profit organisation' })),
    });
  }
  const program: Program = {
    id: deps.ids(),
    companyId,
    nameAr: body.nameAr,
    nameEn: body.nameEn,
    hoursPerEmployee: body.hoursPerEmployee,
    from: body.from,
    to: body.to,
    causes: body.causes ?? [],
    orgIds,
    requiresApproval: body.requiresApproval,
    createdBy: caller.sub,
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.programs.create(program);
  return program;
};

/** The caller administers the company or is one of its current employees (who see its programmes and team events). */
export const adminOrEmployee = async (deps: Pick<ProgramDeps, 'employees'>, caller: Caller, companyId: string): Promise<boolean> =>
  adminsCompany(caller, companyId) || (await deps.employees.membership(caller.sub))?.companyId === companyId;

/** A programme of this company, for its admins and its current employees; 404 for everyone else. */
const visibleProgram = async (deps: ProgramDeps, caller: Caller, companyId: string, programId: string): Promise<Program> => {
  const program = (await adminOrEmployee(deps, caller, companyId)) ? await deps.programs.get(companyId, programId) : undefined;
  if (!program) throw new NotFoundError(`programme ${programId} not found`);
  return program;
};

export const listPrograms = async (deps: ProgramDeps, caller: Caller, companyId: string) => {
  if (!(await adminOrEmployee(deps, caller, companyId))) throw new NotFoundError(`company ${companyId} not found`);
  return { items: await deps.programs.list(companyId) };
};

const withBalance = async (deps: ProgramDeps, program: Program, participation: Participation) => ({
  ...participation,
  balance: await deps.programs.balance(program.companyId, program.id, participation.volunteerId, quotaOf(program)),
});

/** An employee tags their application with the programme: reserved at once, or requested when an admin approves. */
export const participate = async (deps: ProgramDeps, caller: Caller, companyId: string, programId: string, applicationId: string) => {
  const employee = requireGroup(caller, 'volunteer');
  const membership = await deps.employees.membership(employee.sub);
  if (membership?.companyId !== companyId) throw new NotFoundError(`company ${companyId} not found`);
  const program = await visibleProgram(deps, caller, companyId, programId);
  const application = await deps.reads.application(applicationId);
  if (!application || application.volunteerId !== employee.sub) throw new NotFoundError(`application ${applicationId} not found`);
  if (['rejected', 'withdrawn', 'expired'].includes(application.status)) {
    throw new ValidationError(`application ${applicationId} is ${application.status}`, { errors: [{ path: 'applicationId', message: `the application is ${application.status}` }] });
  }
  const day = riyadhDate(new Date(application.shiftStart));
  if (day < program.from || day > program.to) {
    throw new ValidationError(`the shift on ${day} is outside the programme (${program.from} to ${program.to})`, {
      errors: [{ path: 'applicationId', message: `the shift is not within ${program.from}..${program.to}` }],
    });
  }
  const causes = await deps.reads.opportunityCauses(application.opportunityId);
  const eligible = program.orgIds.includes(application.orgId) || causes.some((c) => program.causes.includes(c));
  if (!eligible) throw new ValidationError('the opportunity is not eligible for this programme', { errors: [{ path: 'applicationId', message: 'not an eligible organisation or cause' }] });
  const minutes = Math.round((Date.parse(application.shiftEnd) - Date.parse(application.shiftStart)) / 60_000);
  if (minutes > quotaOf(program)) throw new ConflictError(`the shift's ${minutes} minutes are more than the programme's ${quotaOf(program)} minutes of time off`);
  const at = deps.clock.now().toISOString();
  const participation: Participation = {
    id: deps.ids(),
    companyId,
    programId,
    volunteerId: employee.sub,
    applicationId,
    opportunityId: application.opportunityId,
    orgId: application.orgId,
    shiftId: application.shiftId,
    minutes,
    status: program.requiresApproval ? 'requested' : 'reserved',
    createdAt: at,
  };
  const company = await deps.repo.get(companyId);
  const tag = { companyId, nameAr: company?.nameAr ?? '', nameEn: company?.nameEn ?? '', programId, programNameAr: program.nameAr, programNameEn: program.nameEn };
  await deps.programs.participate(participation, quotaOf(program), participation.status === 'reserved' ? [reservedEvent(deps, participation, at)] : [], tag);
  return withBalance(deps, program, participation);
};

const reservedEvent = (deps: ProgramDeps, p: Participation, at: string) =>
  companyEvent(deps, 'VtoReserved', {
    companyId: p.companyId,
    programId: p.programId,
    participationId: p.id,
    volunteerId: p.volunteerId,
    opportunityId: p.opportunityId,
    minutes: p.minutes,
    at,
  });

/** An admin approves (the minutes are reserved, if still available) or rejects a requested participation. */
export const decideParticipation = async (
  deps: ProgramDeps,
  caller: Caller,
  ids: { companyId: string; programId: string; participationId: string },
  decision: { decision: 'approve' | 'reject'; reason?: string | undefined },
) => {
  await administeredCompany(deps, caller, ids.companyId);
  const program = await deps.programs.get(ids.companyId, ids.programId);
  const participation = program && (await deps.programs.participation(ids.companyId, ids.programId, ids.participationId));
  if (!program || !participation) throw new NotFoundError(`participation ${ids.participationId} not found`);
  if (participation.status !== 'requested') throw new ConflictError(`participation ${ids.participationId} is already ${participation.status}`);
  const at = deps.clock.now().toISOString();
  const decided: Participation = {
    ...participation,
    status: decision.decision === 'approve' ? 'reserved' : 'rejected',
    decidedBy: caller.sub,
    ...(decision.reason && { reason: decision.reason }),
  };
  await deps.programs.decide(decided, quotaOf(program), decided.status === 'reserved' ? [reservedEvent(deps, decided, at)] : []);
  return withBalance(deps, program, decided);
};

/** HoursApproved: the reserved time off of these hours is consumed (the approved minutes, at most those reserved). */
export const consumeVto = async (
  deps: { readonly programs: Pick<ProgramDeps['programs'], 'forHours' | 'consume'> },
  hours: { volunteerId: string; opportunityId: string; minutes: number },
): Promise<'applied' | 'already' | 'none'> => {
  const participation = await deps.programs.forHours(hours.volunteerId, hours.opportunityId);
  if (!participation || (participation.status !== 'reserved' && participation.status !== 'consumed')) return 'none';
  return deps.programs.consume(participation, Math.min(hours.minutes, participation.minutes));
};
