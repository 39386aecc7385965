/** NotifyReviewers: emails the ministry reviewers that an organisation waits for their decision. */
import * as onboarding from '../../../shared/domain/organizations/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { onboardingPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.notifyReviewers(onboardingPorts(), { orgId: input.orgId }));
