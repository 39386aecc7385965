/** RejectIneligible: screening failed → rejected, every failed rule named; the volunteer may apply again once fixed. */
import { RuleFailure } from '../../../shared/domain/applications/schema.js';
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewPorts, StepInput } from './ports.js';

const Input = /* @__PURE__ */ StepInput.extend({ failures: /* @__PURE__ */ RuleFailure.array().min(1) });

export const handler = task(Input, async (input) => review.rejectIneligible(reviewPorts(), { applicationId: input.applicationId, failures: input.failures }));
