/**
 * The `reminders` schedule (every 15 minutes, Asia/Riyadh): shift reminders 24 h and 2 h
 * before, quiet-hours SMS that are due, nudges about applications pending for more than a
 * day. See shared/domain/notifications/reminders.ts. `scheduledAt` is "now", so a retried
 * invocation covers exactly the same windows.
 */
import { pendingQueues, reminderSource } from '../../shared/db/notification-reads.js';
import { reminderCursors } from '../../shared/db/reminder-cursors.js';
import { runReminders, type ReminderSummary } from '../../shared/domain/notifications/reminders.js';
import { deferredFlusher } from '../../shared/messaging/deferred.js';
import { notifier } from '../../shared/messaging/notifier.js';
import { job } from '../../shared/middleware/job.js';
import { remindersSchedule } from './index.js';

export const handler = job(remindersSchedule).handler(async ({ now }): Promise<ReminderSummary> => {
  const cursors = reminderCursors();
  const source = reminderSource();
  const notify = notifier({ now: () => now });
  const flushDeferred = deferredFlusher({ now: () => now });
  const summary = await runReminders(
    {
      bookingsStarting: (from, to) => source.bookingsStarting(from, to),
      bookingsApproved: (from, to) => source.bookingsApproved(from, to),
      shiftContext: (booking) => source.shiftContext(booking),
      getCursor: (window) => cursors.getCursor(window),
      setCursor: (window, coveredUntil, previous) => cursors.setCursor(window, coveredUntil, previous),
      notify: (request) => notify.notify(request),
      notifyMany: (requests) => notify.notifyMany(requests),
      flushDeferred: () => flushDeferred(),
      pendingQueues: (olderThan) => pendingQueues(olderThan),
    },
    now,
  );
  return summary;
});
