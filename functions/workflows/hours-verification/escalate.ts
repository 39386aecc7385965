/** Escalate: 14 days without a decision; the record joins the ministry reviewers' queue (never approved by itself). */
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { hoursPorts } from '../../http/hours/ports.js';
import { StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => hours.escalate(hoursPorts(), { hoursId: input.hoursId, round: input.round }));
