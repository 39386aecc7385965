/**
 * The `monthly-awards` schedule: the volunteer of the month per organisation for the month that
 * ended, then the region and national honours. Apart from the daily badges (issue 17): only this
 * function carries the Step Functions client that opens the honours, and not the badge signer.
 */
import * as recognition from '../../shared/domain/recognition/service.js';
import { job } from '../../shared/middleware/job.js';
import { monthlyAwardPorts } from '../http/recognition/ports.js';
import { monthlyAwardsSchedule } from './index.js';

export const handler = job(monthlyAwardsSchedule).handler(async ({ now }) => recognition.runMonthlyAwards(monthlyAwardPorts(), now));
