/** HoursApproved / HoursReversed → points, leaderboards and the change marker of the daily awards run, once per event. */
import * as recognition from '../../shared/domain/recognition/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { recognitionHoursCounters } from '../http/recognition/counters.js';
import { recognitionHours } from './index.js';

export const handler = consumer(recognitionHours).handler(async (event) => ({
  applied:
    event.type === 'HoursApproved'
      ? await recognition.recordHoursApproved(recognitionHoursCounters(), event.eventId, event.detail)
      : await recognition.recordHoursReversed(recognitionHoursCounters(), event.eventId, event.detail),
}));
