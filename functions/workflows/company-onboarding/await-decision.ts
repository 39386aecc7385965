/** AwaitDecision (.waitForTaskToken): keeps the task token on the company; the decision route resumes the execution. */
import * as onboarding from '../../../shared/domain/companies/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { companyPorts, StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => onboarding.awaitDecision(companyPorts(), input, taskToken));
