/** Award: the ministry's choice, or the rule's after 10 days; records the award, its points and achievement once, and tells the volunteer. */
import * as honours from '../../../shared/domain/recognition/honours.js';
import { task } from '../../../shared/middleware/task.js';
import { awardPorts } from '../../http/recognition/ports.js';
import { StepInput } from './ports.js';

export const handler = task(StepInput, async (input) => honours.awardHonour(awardPorts(), input.honourId));
