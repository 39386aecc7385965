/** ReserveSeat: one transaction for the seat (approved) or the waitlist place (waitlisted); an overlap found now rejects. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewStepPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.reserveSeat(reviewStepPorts(), { applicationId: input.applicationId }));
