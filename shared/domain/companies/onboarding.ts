/**
 * The steps of the CompanyOnboarding workflow (functions/workflows/onboarding.ts, the same
 * definition as organisations'), as pure functions over ports. Each step is safe to run twice:
 * status changes are conditional and a step that finds its work done only repeats its message
 * (which the notifier sends once).
 */
import { validationMessage } from '../decision.js';
import { LICENSE_NUMBER_PATTERN } from '../organizations/schema.js';
import { CompanyInvalidError } from './errors.js';
import type { CompanyOnboardingDeps } from './ports.js';
import type { CompanyRecord } from './schema.js';
import { companyEvent } from './service.js';

export interface CompanyStep {
  readonly companyId: string;
}

/** What the steps that only write and email use: not the identity directory (its client stays out of their bundles). */
type MailingDeps = Omit<CompanyOnboardingDeps, 'directory'>;

const load = async (deps: Pick<CompanyOnboardingDeps, 'repo'>, companyId: string): Promise<CompanyRecord> => {
  const company = await deps.repo.get(companyId);
  // Not a CompanyInvalid: there is nothing to reject, the execution itself is wrong.
  if (!company) throw new Error(`company ${companyId} does not exist`);
  return company;
};

const describe = (c: CompanyRecord) => `${c.nameEn} / ${c.nameAr} (CR ${c.crNumber}, ${c.emailDomains.join(', ')})`;

/** Re-checks what registration checked; a failure sends the company to the rejection path. */
export const validate = async (deps: Pick<CompanyOnboardingDeps, 'repo'>, input: CompanyStep): Promise<CompanyStep> => {
  const company = await load(deps, input.companyId);
  if (!LICENSE_NUMBER_PATTERN.test(company.crNumber)) throw new CompanyInvalidError(`commercial registration ${company.crNumber} is not a 10-digit number`);
  if ((await deps.repo.crHolder(company.crNumber)) !== company.id) {
    throw new CompanyInvalidError(`commercial registration ${company.crNumber} is registered to another company`);
  }
  return { companyId: company.id };
};

export const notifyReviewers = async (deps: MailingDeps, input: CompanyStep & { reminder?: boolean }): Promise<CompanyStep> => {
  const company = await load(deps, input.companyId);
  const en = input.reminder ? 'Reminder: company waiting for a decision' : 'New company to review';
  const ar = input.reminder ? 'تذكير: شركة بانتظار قرار الوزارة' : 'شركة جديدة بانتظار المراجعة';
  await deps.email.send({
    to: deps.reviewers,
    subject: `${ar} — ${en}: ${company.nameEn}`,
    text: [
      `شركة بانتظار قرار الوزارة: ${company.nameAr} (سجل تجاري ${company.crNumber})`,
      '',
      `${describe(company)} registered on ${company.createdAt} and is waiting for a ministry decision.`,
      `Company id: ${company.id}`,
      `Decide in the ministry dashboard (POST /v1/companies/${company.id}/decision).`,
    ].join('\n'),
  });
  return { companyId: company.id };
};

/** The waitForTaskToken step: keeps the token on the company, server-side only. */
export const awaitDecision = async (deps: Pick<CompanyOnboardingDeps, 'repo'>, input: CompanyStep, taskToken: string): Promise<void> =>
  deps.repo.storeTaskToken(input.companyId, taskToken);

export const remindReviewers = async (deps: MailingDeps, input: CompanyStep): Promise<CompanyStep> => {
  await deps.repo.clearTaskToken(input.companyId);
  return notifyReviewers(deps, { ...input, reminder: true });
};

const tellContact = (deps: MailingDeps, company: CompanyRecord, subject: string, lines: readonly string[]) =>
  deps.email.send({ to: [company.contactEmail], subject, text: lines.join('\n') });

/** pending → active; the registrant becomes the first company-admin (the table, then the identity provider). */
export const approve = async (deps: CompanyOnboardingDeps, input: CompanyStep): Promise<CompanyStep & { status: 'active' }> => {
  const company = await load(deps, input.companyId);
  const at = deps.clock.now().toISOString();
  const by = company.decision?.by ?? 'system';
  const firstAdmin = {
    companyId: company.id,
    sub: company.registeredBy.sub,
    ...(company.registeredBy.email && { email: company.registeredBy.email }),
    addedBy: by,
    addedAt: at,
  };
  await deps.repo.transition(
    company.id,
    'pending',
    { status: 'active', from: 'pending', at, by, reason: company.decision?.reason ?? 'approved by the ministry' },
    { firstAdmin, keepCr: company.crNumber, events: [companyEvent(deps, 'CompanyApproved', { companyId: company.id, approvedBy: by, approvedAt: at, firstAdmin: firstAdmin.sub })] },
  );
  await deps.directory.grantCompanyAdmin(firstAdmin.sub, company.id);
  await tellContact(deps, company, `تمت الموافقة على تسجيل الشركة — Your company is approved: ${company.nameEn}`, [
    `تمت الموافقة على تسجيل ${company.nameAr}. أصبح من سجّلها مشرفاً للشركة ويمكنه دعوة الموظفين وإنشاء برامج التطوع.`,
    '',
    `${describe(company)} is approved. The person who registered it is now its company admin and can invite employees and create volunteering programmes.`,
  ]);
  return { companyId: company.id, status: 'active' };
};

/** Rejected by a reviewer (their reason) or by validation (the Validate step's message, by the system). */
export const reject = async (
  deps: MailingDeps,
  input: CompanyStep & { rejection?: { Error?: string; Cause?: string } },
): Promise<CompanyStep & { status: 'rejected' }> => {
  const company = await load(deps, input.companyId);
  const byReviewer = company.decision?.decision === 'reject';
  const reason = (byReviewer ? company.decision?.reason : undefined) ?? validationMessage(input.rejection?.Cause) ?? 'rejected';
  const by = byReviewer && company.decision ? company.decision.by : 'system';
  const at = deps.clock.now().toISOString();
  await deps.repo.transition(
    company.id,
    'pending',
    { status: 'rejected', from: 'pending', at, by, reason },
    { releaseCr: company.crNumber, events: [companyEvent(deps, 'CompanyRejected', { companyId: company.id, rejectedBy: by, rejectedAt: at, reason })] },
  );
  await tellContact(deps, company, `لم تتم الموافقة على تسجيل الشركة — Your company was not approved: ${company.nameEn}`, [
    `لم تتم الموافقة على طلب تسجيل ${company.nameAr}. السبب: ${reason}`,
    '',
    `The registration of ${describe(company)} was not approved. Reason: ${reason}`,
    'You may correct it and register again.',
  ]);
  return { companyId: company.id, status: 'rejected' };
};

export const expire = async (deps: MailingDeps, input: CompanyStep): Promise<CompanyStep & { status: 'expired' }> => {
  const company = await load(deps, input.companyId);
  const at = deps.clock.now().toISOString();
  const reason = 'no ministry decision within the review period';
  await deps.repo.transition(company.id, 'pending', { status: 'expired', from: 'pending', at, by: 'system', reason }, { releaseCr: company.crNumber });
  await tellContact(deps, company, `انتهت مهلة مراجعة تسجيل الشركة — Your company's registration expired: ${company.nameEn}`, [
    `انتهت مهلة مراجعة طلب تسجيل ${company.nameAr}. يمكنكم التسجيل مرة أخرى.`,
    '',
    `The registration of ${describe(company)} expired: ${reason}. You may register again.`,
  ]);
  return { companyId: company.id, status: 'expired' };
};
