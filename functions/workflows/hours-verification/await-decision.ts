/** AwaitDecision (.waitForTaskToken): keeps the task token on the pending record; the decision route resumes the execution. */
import { hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { decisionRequest } from '../../../shared/workflows/definition.js';
import { storePorts } from '../../http/hours/reads.js';
import { StepInput } from './ports.js';

export const handler = task(decisionRequest(StepInput), async ({ input, taskToken }) => {
  await hours.awaitDecision(storePorts(hoursWrites()), { hoursId: input.hoursId, round: input.round }, taskToken);
});
