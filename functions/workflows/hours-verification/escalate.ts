/** Escalate: 14 days without a decision; the record joins the ministry reviewers' queue (never approved by itself). */
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { hoursReadPorts } from '../../http/hours/reads.js';
import { StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => hours.escalate(hoursReadPorts(), { hoursId: input.hoursId, round: input.round }));
