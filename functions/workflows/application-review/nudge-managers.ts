/** NudgeManagers: the first wait timed out; its token is void and the managers are reminded. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewStepPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.nudgeManagers(reviewStepPorts(), { applicationId: input.applicationId }));
