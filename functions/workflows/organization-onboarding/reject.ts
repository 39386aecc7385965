/** Reject: pending → rejected with the reviewer's reason (or the validation failure), OrganizationRejected, contact emailed. */
import * as z from 'zod';
import * as onboarding from '../../../shared/domain/organizations/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { onboardingPorts, StepInput } from './ports.js';

const RejectInput = StepInput.extend({
  rejection: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

export const handler = task(RejectInput, async (input) => onboarding.reject(onboardingPorts(), input));
