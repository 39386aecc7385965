/** AwaitDecision (.waitForTaskToken): keeps the task token on the organisation; the decision route resumes the execution. */
import * as onboarding from '../../../shared/domain/organizations/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { organizationPorts, StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => {
  await onboarding.awaitDecision(organizationPorts(), input, taskToken);
});
