/** RemindManagers: 7 days without a decision; HoursPending (reminder) tells the managers again. */
import { hoursRecords, hoursWrites } from '../../../shared/db/hours-repository.js';
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { storePorts } from '../../http/hours/reads.js';
import { StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => hours.remindManagers(storePorts({ ...hoursRecords(), ...hoursWrites() }), { hoursId: input.hoursId, round: input.round }));
