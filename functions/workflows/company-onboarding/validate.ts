/** Validate: re-checks the CR number's format and that its marker names this company (CompanyInvalid otherwise). */
import * as onboarding from '../../../shared/domain/companies/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { companyPorts, StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => onboarding.validate(companyPorts(), { companyId: input.companyId }));
