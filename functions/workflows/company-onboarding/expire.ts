/** Expire: no decision after the reminder either; pending → expired, CR number released, contact emailed. */
import * as onboarding from '../../../shared/domain/companies/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { mailingPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.expire(mailingPorts(), { companyId: input.companyId }));
