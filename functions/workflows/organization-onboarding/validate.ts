/** Validate: re-checks the licence number's format and that its marker names this organisation (OrganizationInvalid otherwise). */
import * as onboarding from '../../../shared/domain/organizations/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { organizationPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.validate(organizationPorts(), input));
