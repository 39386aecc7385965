/** The ports of the company onboarding steps: the real adapters. */
import { ulid } from 'ulid';
import * as z from '../../../shared/zod.js';
import { systemClock } from '../../../shared/clock.js';
import { companyRepository } from '../../../shared/db/company-repository.js';
import type { CompanyOnboardingDeps } from '../../../shared/domain/companies/ports.js';
import { companyDirectory } from '../../../shared/identity/user-directory.js';
import { emailSender, emailSettings } from '../../../shared/messaging/email.js';

/** The steps that read and write the company only (validate, await a decision). */
export const companyPorts = (): Pick<CompanyOnboardingDeps, 'repo'> => ({ repo: companyRepository() });

/** The steps that write and email (notify, remind, reject, expire): no identity directory. */
export const mailingPorts = (): Omit<CompanyOnboardingDeps, 'directory'> => ({
  repo: companyRepository(),
  clock: systemClock,
  ids: () => ulid(),
  email: emailSender(),
  reviewers: emailSettings.reviewers,
});

/** Approve: also makes the first admin a company admin in the identity directory. */
export const onboardingPorts = (): CompanyOnboardingDeps => ({ ...mailingPorts(), directory: companyDirectory() });

/** What every step receives (the state's input; other fields such as `$.rejection` pass through). */
export const StepInput = /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)) });
