/** AwaitDecision (.waitForTaskToken): keeps the task token on the pending record; the decision route resumes the execution. */
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { hoursPorts } from '../../http/hours/ports.js';
import { StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => {
  await hours.awaitDecision(hoursPorts(), { hoursId: input.hoursId, round: input.round }, taskToken);
});
