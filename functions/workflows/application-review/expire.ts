/** Expire: no decision after the nudge either; pending → expired, ApplicationExpired tells the volunteer. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewStepPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.expire(reviewStepPorts(), { applicationId: input.applicationId }));
