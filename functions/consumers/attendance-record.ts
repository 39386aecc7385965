/**
 * ApplicationWithdrawn → giving up an approved seat less than 24 h before the shift start counts
 * once as a late cancellation in the volunteer's attendance record (issue 19); a withdrawal that
 * held no seat does not. The once-marker per application makes a redelivery a no-op.
 */
import { hoursWrites } from '../../shared/db/hours-repository.js';
import * as hours from '../../shared/domain/hours/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { storePorts } from '../http/hours/reads.js';
import { attendanceRecord } from './index.js';

export const handler = consumer(attendanceRecord).handler(async ({ detail }) =>
  hours.countLateCancellation(storePorts(hoursWrites()), { applicationId: detail.applicationId, volunteerId: detail.volunteerId, shiftStart: detail.shiftStart, at: detail.at, seatFreed: detail.seatFreed }),
);
