/**
 * Every workflow of the platform. The CDK Workflows construct deploys each one (a Standard
 * state machine and one function per task) and the local platform runs each one; a workflow
 * is added here and nowhere else. Definitions live beside their task handlers, in
 * functions/workflows/<workflow>/definition.ts (see shared/workflows/definition.ts).
 */
import type { WorkflowDefinition } from '../../shared/workflows/definition.js';
import { applicationReview } from './application-review/definition.js';
import { companyOnboarding } from './company-onboarding/definition.js';
import { erasure } from './erasure/definition.js';
import { honourNomination } from './honour-nomination/definition.js';
import { hoursVerification } from './hours-verification/definition.js';
import { organizationOnboarding } from './organization-onboarding/definition.js';

export const workflows: readonly WorkflowDefinition[] = [organizationOnboarding, applicationReview, hoursVerification, companyOnboarding, honourNomination, erasure];
