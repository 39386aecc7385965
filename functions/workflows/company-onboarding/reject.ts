/** Reject: pending → rejected with the reviewer's reason (or the validation failure), CR number released, CompanyRejected, contact emailed. */
import * as onboarding from '../../../shared/domain/companies/onboarding.js';
import { task } from '../../../shared/middleware/task.js';
import { withRejection } from '../../../shared/workflows/definition.js';
import { mailingPorts, StepInput } from './ports.js';

export const handler = task(withRejection(StepInput), async (input) => onboarding.reject(mailingPorts(), input));
