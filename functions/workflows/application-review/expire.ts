/** Expire: no decision after the nudge either; pending → expired, ApplicationExpired tells the volunteer. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.expire(reviewPorts(), { applicationId: input.applicationId }));
