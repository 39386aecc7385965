/** ReserveSeat: one transaction for the seat (approved) or the waitlist place (waitlisted); an overlap found now rejects. */
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => review.reserveSeat(reviewPorts(), { applicationId: input.applicationId }));
