/** The `awards` schedule: daily badges from change markers (the volunteer of the month is `monthly-awards`). */
import * as recognition from '../../shared/domain/recognition/service.js';
import { job } from '../../shared/middleware/job.js';
import { dailyAwardPorts } from '../http/recognition/ports.js';
import { awardsSchedule } from './index.js';

export const handler = job(awardsSchedule).handler(async ({ now }) => recognition.runDailyAwards(dailyAwardPorts(), now));
