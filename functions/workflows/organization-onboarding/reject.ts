/** Reject: pending → rejected with the reviewer's reason (or the validation failure), OrganizationRejected, contact emailed. */
import * as onboarding from '../../../shared/domain/organizations/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { withRejection } from '../../../shared/workflows/definition.js';
import { onboardingPorts, StepInput } from './ports.js';

export const handler = task(withRejection(StepInput), async (input) => onboarding.reject(onboardingPorts(), input));
