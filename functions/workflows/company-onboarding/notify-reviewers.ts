/** NotifyReviewers: emails the ministry reviewers that a company waits for their decision. */
import * as onboarding from '../../../shared/domain/companies/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { mailingPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.notifyReviewers(mailingPorts(), { companyId: input.companyId }));
