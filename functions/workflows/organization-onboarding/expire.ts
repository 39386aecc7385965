/** Expire: no decision after the reminder either; pending → expired, licence released, contact emailed. */
import * as onboarding from '../../../shared/domain/organizations/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { onboardingPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.expire(onboardingPorts(), { orgId: input.orgId }));
