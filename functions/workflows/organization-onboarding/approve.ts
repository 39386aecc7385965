/** Approve: pending → active, volunteer department established, OrganizationApproved, contact emailed. */
import * as onboarding from '../../../shared/domain/organizations/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { onboardingPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.approve(onboardingPorts(), { orgId: input.orgId }));
