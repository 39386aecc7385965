/** RemindReviewers: after the first wait timed out, voids its token and reminds the reviewers. */
import * as onboarding from '../../../shared/domain/companies/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { mailingPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.remindReviewers(mailingPorts(), { companyId: input.companyId }));
