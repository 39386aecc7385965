/**
 * Employees: a volunteer joins a company with a one-time code, sent either by an admin's
 * invitation or to an address on one of the company's domains that the volunteer gives (proving
 * they work there). A volunteer belongs to at most one company at a time; leaving ends the
 * membership and keeps the record (and the contributions already made).
 *
 * The company sees only the work email the employee joined with, never the profile's national
 * ID, phone or own email. Codes are stored hashed (sha-256 of company and code), single use,
 * and expire: 14 days for an invitation, 1 hour for a domain proof. Brute force: after 5 wrong
 * codes in an hour a volunteer is refused (429, Retry-After: the end of the hour) and the domain
 * code they asked for is deleted.
 */
import { createHash } from 'node:crypto';
import { requireGroup, type Caller } from '../caller.js';
import { NotFoundError, TooManyRequestsError, ValidationError } from '../errors.js';
import { InvalidJoinCodeError } from './errors.js';
import type { EmployeeDeps, JoinCode, MembershipDeps, Page } from './ports.js';
import type { Employee, InviteEmployees, JoinVia, Membership } from './schema.js';
import { administeredCompany, companyEvent } from './service.js';
import type { CompanyRecord } from './schema.js';

export const INVITATION_HOURS = 14 * 24;
/** Wrong codes a volunteer may give for a company in one fixed hour; then 429 until it ends (codes are ~40 bits: guessing is hopeless at this rate). */
export const MAX_WRONG_CODES = 5;
const HOUR_MS = 3_600_000;
export const DOMAIN_CODE_HOURS = 1;
/** No 0/O, 1/I/L: codes are read from an email and typed on a phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const codeHash = (companyId: string, code: string): string => createHash('sha256').update(`${companyId}:${code}`).digest('base64url');

const newCode = (deps: Pick<EmployeeDeps, 'randomBytes'>): string =>
  [...deps.randomBytes(8)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');

const plusHours = (at: Date, hours: number) => new Date(at.getTime() + hours * 3_600_000).toISOString();

const joinLink = (deps: Pick<EmployeeDeps, 'appUrl'>, companyId: string, code: string) => `${deps.appUrl}/companies/${companyId}/join?code=${code}`;

/** The code email, Arabic first then English (the address has no profile, so no known locale yet). */
const sendCode = (deps: EmployeeDeps, company: CompanyRecord, email: string, code: string, via: JoinVia, validUntil: string) =>
  deps.email.send({
    to: [email],
    subject: via === 'invitation' ? `دعوة للتطوع مع ${company.nameAr} — Volunteer with ${company.nameEn}` : `رمز التحقق — Your ${company.nameEn} verification code`,
    text: [
      via === 'invitation'
        ? `دعتك ${company.nameAr} للانضمام إلى برنامج التطوع لموظفيها على منصة تطوع.`
        : `رمز التحقق من بريدك في ${company.nameAr}:`,
      `الرمز: ${code} (صالح حتى ${validUntil})`,
      `للانضمام: ${joinLink(deps, company.id, code)}`,
      'لن تطّلع الشركة إلا على بريد العمل هذا وعلى ساعات تطوعك المعتمدة، ولا ترى رقم هويتك أو بيانات تواصلك.',
      '',
      via === 'invitation'
        ? `${company.nameEn} invites you to its employee volunteering programme on Tatawwu.`
        : `Your code to confirm your ${company.nameEn} address:`,
      `Code: ${code} (valid until ${validUntil})`,
      `Join: ${joinLink(deps, company.id, code)}`,
      'The company sees only this work email and your approved volunteer hours, never your national ID or contact details.',
    ].join('\n'),
  });

const issue = async (deps: EmployeeDeps, company: CompanyRecord, emails: readonly string[], via: JoinVia, hours: number, requestedBy?: string) => {
  const validUntil = plusHours(deps.clock.now(), hours);
  const issued = emails.map((email) => ({ email, code: newCode(deps) }));
  const codes: JoinCode[] = issued.map(({ email, code }) => ({ codeHash: codeHash(company.id, code), companyId: company.id, email, via, validUntil, ...(requestedBy && { requestedBy }) }));
  await deps.employees.putCodes(codes);
  for (const { email, code } of issued) await sendCode(deps, company, email, code, via, validUntil);
  return issued.map(({ email }) => ({ email, expiresAt: validUntil }));
};

/** An admin invites employees by email: each gets their own one-time code. */
export const inviteEmployees = async (deps: EmployeeDeps, caller: Caller, companyId: string, body: InviteEmployees) => {
  const company = await administeredCompany(deps, caller, companyId);
  const emails = [...new Set([...(body.email ? [body.email] : []), ...(body.emails ?? [])])];
  return { items: await issue(deps, company, emails, 'invitation', INVITATION_HOURS) };
};

const activeCompany = async (deps: Pick<EmployeeDeps, 'repo'>, companyId: string): Promise<CompanyRecord> => {
  const company = await deps.repo.get(companyId);
  if (!company || company.status !== 'active') throw new NotFoundError(`company ${companyId} not found`);
  return company;
};

/** A volunteer gives an address on one of the company's domains; a code is sent there. */
export const requestDomainCode = async (deps: EmployeeDeps, caller: Caller, companyId: string, body: { email: string }) => {
  requireGroup(caller, 'volunteer');
  const company = await activeCompany(deps, companyId);
  const domain = body.email.split('@').at(-1) ?? '';
  if (!company.emailDomains.includes(domain)) {
    throw new ValidationError(`${domain} is not a domain of company ${companyId}`, {
      errors: [{ path: 'email', message: `must be an address on ${company.emailDomains.join(' or ')}` }],
    });
  }
  const [sent] = await issue(deps, company, [body.email], 'domain', DOMAIN_CODE_HOURS, caller.sub);
  return sent!;
};

/** The volunteer joins with the code, which names the work email and the way in. */
export const joinCompany = async (deps: MembershipDeps, caller: Caller, companyId: string, code: string): Promise<Membership> => {
  const volunteer = requireGroup(caller, 'volunteer');
  await activeCompany(deps, companyId);
  const clock = deps.clock.now();
  const now = clock.toISOString();
  const hour = Math.floor(clock.getTime() / HOUR_MS);
  const locked = () =>
    new TooManyRequestsError(`${MAX_WRONG_CODES} wrong codes this hour for company ${companyId}; the code you asked for is void, ask for a new one once the hour is over`, {
      retryAfterSeconds: Math.ceil(((hour + 1) * HOUR_MS - clock.getTime()) / 1000),
    });
  if ((await deps.employees.failedAttempts(companyId, volunteer.sub, hour)) >= MAX_WRONG_CODES) throw locked();
  const hash = codeHash(companyId, code);
  const stored = await deps.employees.code(hash);
  if (!stored || stored.companyId !== companyId || stored.validUntil <= now) {
    const failures = await deps.employees.recordFailedAttempt(companyId, volunteer.sub, hour);
    if (failures >= MAX_WRONG_CODES) await deps.employees.invalidateRequestedCode(companyId, volunteer.sub);
    throw new InvalidJoinCodeError();
  }
  const membership: Membership = { companyId, volunteerId: volunteer.sub, workEmail: stored.email, via: stored.via, joinedAt: now };
  await deps.employees.join({
    codeHash: hash,
    membership,
    now,
    events: [companyEvent(deps, 'EmployeeJoined', { companyId, volunteerId: volunteer.sub, via: stored.via, joinedAt: now })],
  });
  return membership;
};

/** The employee leaves; their record and contributions stay with the company's history. */
export const leaveCompany = async (deps: MembershipDeps, caller: Caller, companyId: string) => {
  const volunteer = requireGroup(caller, 'volunteer');
  const membership = await deps.employees.membership(volunteer.sub);
  if (!membership || membership.companyId !== companyId) throw new NotFoundError(`you are not an employee of company ${companyId}`);
  const leftAt = deps.clock.now().toISOString();
  await deps.employees.leave({
    membership,
    leftAt,
    events: [companyEvent(deps, 'EmployeeLeft', { companyId, volunteerId: volunteer.sub, joinedAt: membership.joinedAt, leftAt })],
  });
  return { companyId, leftAt };
};

export const listEmployees = async (deps: MembershipDeps, caller: Caller, companyId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<Employee>> => {
  await administeredCompany(deps, caller, companyId);
  return deps.employees.employees(companyId, query.limit, query.cursor);
};
