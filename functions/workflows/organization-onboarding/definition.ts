/**
 * OrganizationOnboarding (Standard): vets a registered organisation. The shape (validation,
 * reviewers notified, two 7-day waits for the decision with a reminder, then approve, reject
 * or expire) is the one onboarding definition of functions/workflows/onboarding.ts.
 */
import { defineOnboarding } from '../onboarding.js';

export const ORGANIZATION_REJECTED = 'OrganizationRejected';
export const ORGANIZATION_INVALID = 'OrganizationInvalid';

export const organizationOnboarding = /* @__PURE__ */ defineOnboarding({
  name: 'OrganizationOnboarding',
  folder: 'organization-onboarding',
  subject: 'a registered organisation',
  rejectedError: ORGANIZATION_REJECTED,
  invalidError: ORGANIZATION_INVALID,
});
