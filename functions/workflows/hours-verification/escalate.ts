/** Escalate: 14 days without a decision; the record joins the ministry reviewers' queue (never approved by itself). */
import { hoursRecords, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { storePorts } from '../../http/hours/reads.js';
import { StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => hours.escalate(storePorts({ ...hoursRecords(), ...hoursWrites() }), { hoursId: input.hoursId, round: input.round }));
