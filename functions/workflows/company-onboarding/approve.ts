/** Approve: pending → active, the registrant made the first company-admin, CompanyApproved, contact emailed. */
import * as onboarding from '../../../shared/domain/companies/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { onboardingPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.approve(onboardingPorts(), { companyId: input.companyId }));
