/** Screen / ScreenAgain: every rule, each failure named; reads only. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.screenApplication(reviewPorts(), { applicationId: input.applicationId }));
