/** RemindManagers: 7 days without a decision; HoursPending (reminder) tells the managers again. */
import * as hours from '../../../shared/domain/hours/service.js';
import { task } from '../../../shared/middleware/task.js';
import { hoursPorts } from '../../http/hours/ports.js';
import { StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => hours.remindManagers(hoursPorts(), { hoursId: input.hoursId, round: input.round }));
