/** RejectIneligible: screening failed → rejected, every failed rule named; the volunteer may apply again once fixed. */
import * as z from '../../../shared/zod.js';
import { RuleFailure } from '../../../shared/domain/applications/schema.js';
import * as review from '../../../shared/domain/applications/review.js';
import { task } from '../../../shared/middleware/task.js';
import { reviewStepPorts, StepInput } from './ports.js';

const Input = /* @__PURE__ */ z.extend(StepInput, { failures: /* @__PURE__ */ z.array(RuleFailure).check(/* @__PURE__ */ z.minLength(1)) });

export const handler = task(Input, async (input) => review.rejectIneligible(reviewStepPorts(), { applicationId: input.applicationId, failures: input.failures }));
