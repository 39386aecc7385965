/** The ports of the onboarding steps: the real adapters. */
import { ulid } from 'ulid';
import * as z from '../../../shared/zod.js';
import { systemClock } from '../../../shared/clock.js';
import { organizationRepository } from '../../../shared/db/organization-repository.js';
import type { OnboardingDeps } from '../../../shared/domain/organizations/onboarding.js';
import { emailSender, emailSettings } from '../../../shared/messaging/email.js';

/** The steps that read and write the organisation only (validate, await a decision): no email client in their bundles. */
export const organizationPorts = (): Pick<OnboardingDeps, 'repo'> => ({ repo: organizationRepository() });

export const onboardingPorts = (): OnboardingDeps => ({
  repo: organizationRepository(),
  clock: systemClock,
  ids: () => ulid(),
  email: emailSender(),
  reviewers: emailSettings.reviewers,
  orgUrl: (orgId) => `${(process.env.PUBLIC_BASE_URL ?? 'https://tatawwu.sa').replace(/\/+$/, '')}/v1/organizations/${orgId}`,
});

/** What every step receives (the state's input; other fields such as `$.error` pass through). */
export const StepInput = /* @__PURE__ */ z.object({ orgId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)) });
