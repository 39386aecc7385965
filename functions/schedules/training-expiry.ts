/**
 * The `training-expiry` schedule (daily, 09:00 Riyadh): reminders 30 and 7 days before a
 * training completion expires, when an upcoming approved seat needs it. See
 * shared/domain/training/expiry.ts. `scheduledAt` is "now", so a retried run covers the same
 * days, and the notifications' dedupe keys send each reminder once.
 */
import { opportunityRepository } from '../../shared/db/opportunity-repository.js';
import { trainingRepository } from '../../shared/db/training-repository.js';
import { runExpiryReminders, type ExpirySummary } from '../../shared/domain/training/expiry.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { job } from '../../shared/middleware/job.js';
import { trainingExpirySchedule } from './index.js';

export const handler = job(trainingExpirySchedule).handler(async ({ now }): Promise<ExpirySummary> => {
  const training = trainingRepository();
  const opportunities = opportunityRepository();
  const notify = notifier({ now: () => now });
  return runExpiryReminders(
    {
      expiringOn: (day) => training.expiringOn(day),
      seatsFrom: (volunteerId, from) => training.seatsFrom(volunteerId, from),
      opportunity: async (id) => {
        const found = (await opportunities.get(id))?.opportunity;
        return found && { trainingModules: found.trainingModules ?? [], titleAr: found.titleAr, titleEn: found.titleEn };
      },
      training: (id, version) => training.version(id, version),
      notify: (request) => notify.notify(request),
    },
    now,
  );
});
