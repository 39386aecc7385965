/** The ports of the company onboarding steps: the real adapters. */
import { ulid } from 'ulid';
import * as z from 'zod';
import { systemClock } from '../../../shared/clock.js';
import { companyRepository } from '../../../shared/db/company-repository.js';
import type { CompanyOnboardingDeps } from '../../../shared/domain/companies/ports.js';
import { companyDirectory } from '../../../shared/identity/user-directory.js';
import { emailSender, emailSettings } from '../../../shared/messaging/email.js';

export const onboardingPorts = (): CompanyOnboardingDeps => ({
  repo: companyRepository(),
  clock: systemClock,
  ids: () => ulid(),
  email: emailSender(),
  directory: companyDirectory(),
  reviewers: emailSettings.reviewers,
});

/** What every step receives (the state's input; other fields such as `$.rejection` pass through). */
export const StepInput = /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string().min(1) });
