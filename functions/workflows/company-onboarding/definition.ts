/**
 * CompanyOnboarding (Standard): vets a registered company with the one onboarding definition
 * (functions/workflows/onboarding.ts). Approve also makes the registrant the company's first
 * company-admin (Cognito group and `custom:companyId` in the cloud), hence `cognito`.
 */
import { defineOnboarding } from '../onboarding.js';

export const COMPANY_REJECTED = 'CompanyRejected';
export const COMPANY_INVALID = 'CompanyInvalid';

export const companyOnboarding = /* @__PURE__ */ defineOnboarding({
  name: 'CompanyOnboarding',
  folder: 'company-onboarding',
  subject: 'a registered company',
  rejectedError: COMPANY_REJECTED,
  invalidError: COMPANY_INVALID,
  approveNeeds: ['cognito'],
});
