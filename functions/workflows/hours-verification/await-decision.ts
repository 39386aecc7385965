/** AwaitDecision (.waitForTaskToken): keeps the task token on the pending record; the decision route resumes the execution. */
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { hoursListPorts } from '../../http/hours/reads.js';
import { StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => {
  await hours.awaitDecision(hoursListPorts(), { hoursId: input.hoursId, round: input.round }, taskToken);
});
