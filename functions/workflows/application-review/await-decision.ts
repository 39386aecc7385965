/** AwaitDecision (.waitForTaskToken): keeps the task token on the application; the decision route resumes the execution. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { reviewStepPorts, StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => {
  await review.awaitDecision(reviewStepPorts(), { applicationId: input.applicationId }, taskToken);
});
