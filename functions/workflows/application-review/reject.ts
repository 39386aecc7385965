/** Reject: a manager rejected it; pending → rejected with their reason, ApplicationRejected. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewStepPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.rejectByManager(reviewStepPorts(), { applicationId: input.applicationId }));
