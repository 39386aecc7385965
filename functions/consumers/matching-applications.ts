/**
 * ApplicationSubmitted / Approved / Promoted / Withdrawn → a change marker for the volunteer
 * (issue 11): the next hourly `matching` job recomputes their matches, leaving out the shifts
 * they applied to and the opportunities where they hold a seat, and refilling the list with
 * what they can still take. Redelivery only rewrites the same marker.
 */
import { systemClock } from '../../shared/clock.js';
import { matchingRepository } from '../../shared/db/matching-repository.js';
import { applicationChanged } from '../../shared/domain/matching/service.js';
import { consumer } from '../../shared/middleware/consumer.js';
import { matchingApplications } from './index.js';

export const handler = consumer(matchingApplications).handler(async ({ detail }) => {
  // Only the table and the clock: the bundle carries no notifier.
  await applicationChanged({ store: matchingRepository(), clock: systemClock }, detail.volunteerId);
  return { marked: detail.volunteerId };
});
