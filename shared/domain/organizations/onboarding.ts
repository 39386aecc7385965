/**
 * The steps of the OrganizationOnboarding workflow, as pure functions over ports. Each step is
 * safe to run twice (Step Functions delivers task invocations at least once): status changes
 * are conditional and a step that finds its work already done only repeats the notification.
 *
 *   Validate → NotifyReviewers → AwaitDecision ─approve→ Approve
 *                                      │ └─reject──→ Reject
 *                                      └timeout→ RemindReviewers → AwaitDecisionAgain ─…
 *                                                                      └timeout→ Expire
 */
import { validationMessage } from '../decision.js';
import { appPaths } from '../notifications/links.js';
import type { EmailMessage, EmailSender } from '../notifications/ports.js';
import { OrganizationInvalidError } from './errors.js';
import { LICENSE_NUMBER_PATTERN, type OrganizationRecord } from './schema.js';
import { event, type OrganizationDeps } from './service.js';

export interface OnboardingDeps extends OrganizationDeps {
  readonly email: EmailSender;
  /** Where reviewer notifications go (the ministry's reviewers' address). */
  readonly reviewers: readonly string[];
  /** The organisation's address a reviewer opens (its full view). */
  readonly orgUrl: (orgId: string) => string;
}

/** Decision wait, per attempt (the state machine's TimeoutSeconds: 7 days, twice). */
export const DECISION_WAIT_SECONDS = 7 * 24 * 60 * 60;

export interface OnboardingInput {
  readonly orgId: string;
}

const load = async (deps: Pick<OrganizationDeps, 'repo'>, orgId: string): Promise<OrganizationRecord> => {
  const org = await deps.repo.get(orgId);
  // Not an OrganizationInvalid: there is nothing to reject, the execution itself is wrong.
  if (!org) throw new Error(`organisation ${orgId} does not exist`);
  return org;
};

/** Re-checks what registration checked; a failure sends the organisation to the rejection path. */
export const validate = async (deps: Pick<OrganizationDeps, 'repo'>, input: OnboardingInput): Promise<OnboardingInput> => {
  const org = await load(deps, input.orgId);
  if (!LICENSE_NUMBER_PATTERN.test(org.licenseNumber)) {
    throw new OrganizationInvalidError(`licence number ${org.licenseNumber} is not a 10-digit licence number`);
  }
  const holder = await deps.repo.licenseHolder(org.licenseNumber);
  if (holder !== org.id) {
    throw new OrganizationInvalidError(`licence number ${org.licenseNumber} is registered to another organisation`);
  }
  return { orgId: org.id };
};

const describe = (org: OrganizationRecord) => `${org.nameEn} / ${org.nameAr} (licence ${org.licenseNumber}, ${org.city})`;

export const notifyReviewers = async (deps: OnboardingDeps, input: OnboardingInput & { reminder?: boolean }): Promise<OnboardingInput> => {
  const org = await load(deps, input.orgId);
  const subject = input.reminder
    ? `Reminder: organisation waiting for a decision — ${org.nameEn}`
    : `New organisation to review — ${org.nameEn}`;
  await deps.email.send({
    to: deps.reviewers,
    subject,
    template: {
      type: input.reminder ? 'organization-review-reminder' : 'organization-review-requested',
      about: org.id,
      params: { orgNameAr: org.nameAr, orgNameEn: org.nameEn, licenseNumber: org.licenseNumber, submittedAt: org.createdAt, reviewUrl: deps.orgUrl(org.id) },
      // A distribution list: nobody's profile says its language.
      bilingual: true,
      link: appPaths.organization(org.id),
    },
    text: [
      `${describe(org)} registered on ${org.createdAt} and is waiting for a ministry decision.`,
      `Organisation id: ${org.id}`,
      `Open: ${deps.orgUrl(org.id)}`,
      'Decide in the ministry dashboard (POST /v1/organizations/{orgId}/decision).',
      '',
      `منظمة بانتظار قرار الوزارة: ${org.nameAr}`,
    ].join('\n'),
  });
  return { orgId: org.id };
};

/** The waitForTaskToken step: keeps the token on the organisation, server-side only. */
export const awaitDecision = async (deps: Pick<OrganizationDeps, 'repo'>, input: OnboardingInput, taskToken: string): Promise<void> => {
  await deps.repo.storeTaskToken(input.orgId, taskToken);
};

/** After the first wait timed out: the old token is void, reviewers are reminded. */
export const remindReviewers = async (deps: OnboardingDeps, input: OnboardingInput): Promise<OnboardingInput> => {
  await deps.repo.clearTaskToken(input.orgId);
  return notifyReviewers(deps, { ...input, reminder: true });
};

const tellContact = (
  deps: OnboardingDeps,
  org: OrganizationRecord,
  subject: string,
  lines: readonly string[],
  template?: EmailMessage['template'],
) =>
  deps.email.send({
    to: [org.contactEmail],
    subject,
    text: lines.join('\n'),
    // The contact's language is not known: both languages, and the organisation's page.
    ...(template && { template: { ...template, bilingual: true, link: appPaths.organization(org.id) } }),
  });

export const approve = async (deps: OnboardingDeps, input: OnboardingInput): Promise<OnboardingInput & { status: 'active' }> => {
  const org = await load(deps, input.orgId);
  const at = deps.clock.now().toISOString();
  const by = org.decision?.by ?? 'system';
  await deps.repo.transition(
    org.id,
    'pending',
    { status: 'active', from: 'pending', at, by, reason: org.decision?.reason ?? 'approved by the ministry' },
    {
      department: { orgId: org.id, establishedAt: at, approvedBy: by },
      keepLicense: org.licenseNumber,
      events: [event(deps, 'OrganizationApproved', { orgId: org.id, approvedBy: by, approvedAt: at, departmentEstablishedAt: at })],
    },
  );
  await tellContact(deps, org, `Your organisation is approved — ${org.nameEn}`, [
    `${describe(org)} is approved and its volunteer department is established.`,
    `The account that registered it${org.registeredBy.email ? ` (${org.registeredBy.email})` : ''} is now its first volunteer manager: sign in again (or refresh your token) to post opportunities, review applications and add further managers with their certification (POST /v1/organizations/${org.id}/managers).`,
    '',
    `تمت الموافقة على تسجيل ${org.nameAr} وتأسيس إدارة التطوع فيها.`,
    'أصبح الحساب الذي سجّل الجهة أول مدير تطوع فيها: سجّلوا الدخول مجددًا لنشر الفرص ومراجعة الطلبات وإضافة مديرين معتمدين.',
  ], { type: 'organization-approved', about: org.id, params: { orgNameAr: org.nameAr, orgNameEn: org.nameEn } });
  return { orgId: org.id, status: 'active' };
};

/**
 * Rejected by a reviewer (the recorded decision carries the reason) or by validation (`cause`
 * is the Validate step's error message, and the system is the actor).
 */
export const reject = async (
  deps: OnboardingDeps,
  input: OnboardingInput & { rejection?: { Error?: string; Cause?: string } },
): Promise<OnboardingInput & { status: 'rejected' }> => {
  const org = await load(deps, input.orgId);
  const byReviewer = org.decision?.decision === 'reject';
  const reason = (byReviewer ? org.decision?.reason : undefined) ?? validationMessage(input.rejection?.Cause) ?? 'rejected';
  const by = byReviewer && org.decision ? org.decision.by : 'system';
  const at = deps.clock.now().toISOString();
  await deps.repo.transition(
    org.id,
    'pending',
    { status: 'rejected', from: 'pending', at, by, reason },
    { releaseLicense: org.licenseNumber, events: [event(deps, 'OrganizationRejected', { orgId: org.id, rejectedBy: by, rejectedAt: at, reason })] },
  );
  await tellContact(deps, org, `Your organisation's application was not approved — ${org.nameEn}`, [
    `The application of ${describe(org)} was not approved.`,
    `Reason: ${reason}`,
    'You may correct it and register again.',
    '',
    `لم تتم الموافقة على طلب تسجيل ${org.nameAr}. السبب: ${reason}`,
  ], { type: 'organization-rejected', about: org.id, params: { orgNameAr: org.nameAr, orgNameEn: org.nameEn, reason } });
  return { orgId: org.id, status: 'rejected' };
};

export const expire = async (deps: OnboardingDeps, input: OnboardingInput): Promise<OnboardingInput & { status: 'expired' }> => {
  const org = await load(deps, input.orgId);
  const at = deps.clock.now().toISOString();
  const reason = 'no ministry decision within the review period';
  await deps.repo.transition(org.id, 'pending', { status: 'expired', from: 'pending', at, by: 'system', reason }, { releaseLicense: org.licenseNumber });
  await tellContact(deps, org, `Your organisation's application expired — ${org.nameEn}`, [
    `The application of ${describe(org)} expired: ${reason}.`,
    'You may register again.',
    '',
    `انتهت مهلة مراجعة طلب تسجيل ${org.nameAr}. يمكنكم التسجيل مرة أخرى.`,
  ]);
  return { orgId: org.id, status: 'expired' };
};
