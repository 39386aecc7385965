/** RequestDecision: submitted → pending; ApplicationPendingDecision tells the organisation's managers. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewStepPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.requestDecision(reviewStepPorts(), { applicationId: input.applicationId }));
