/** The `awards` schedule: daily badges from change markers; the volunteer of the month for the month that ended. */
import * as recognition from '../../shared/domain/recognition/service.js';
import { job } from '../../shared/middleware/job.js';
import { recognitionPorts } from '../http/recognition/ports.js';
import { awardsSchedule } from './index.js';

export const handler = job(awardsSchedule).handler(async ({ now }) => {
  const ports = recognitionPorts();
  const daily = await recognition.runDailyAwards(ports, now);
  const monthly = await recognition.runMonthlyAwards(ports, now);
  return { ...daily, volunteerOfTheMonth: monthly };
});
