/**
 * The reminders job, as a pure function over ports: for each window (24 h and 2 h before a
 * shift) it reads the approved seats whose shift starts in the part of the window not yet
 * covered (a cursor per window, so a run reads each seat once), and asks the notifier for one
 * reminder per volunteer, shift and window (the outbox dedupe key makes a repeated run a
 * no-op). Then it sends the quiet-hours SMS that are due, and nudges managers about
 * applications pending for more than a day (once per organisation and day).
 *
 * Windows: the 24 h reminder covers shifts starting in (now + 2 h, now + 24 h] — a shift that
 * enters it late (a run missed, a seat approved inside the window) still gets it, unless the
 * 2 h reminder is due first; the 2 h reminder covers (now, now + 2 h].
 */
import { appPaths } from './links.js';
import type { CalendarEvent, NotificationRequest, Params } from './schema.js';
import { riyadhDate, riyadhTimeOfDay } from '../time.js';
import { inParallel } from '../../concurrency.js';

export interface DueBooking {
  readonly volunteerId: string;
  readonly shiftId: string;
  readonly opportunityId: string;
  readonly orgId: string;
  readonly start: string;
  readonly end: string;
}

/** What the messages say about a shift (read once per shift per run). */
export interface ShiftContext {
  readonly params: Params;
  readonly calendar: CalendarEvent;
  /** A closed opportunity gets no reminders (its volunteers were told it is cancelled). */
  readonly active: boolean;
}

export interface PendingQueue {
  readonly orgId: string;
  readonly count: number;
  readonly oldest: string;
  /** Addresses (Arabic) or contacts with the language of each manager. */
  readonly managers: readonly (string | { readonly email: string; readonly locale: 'ar' | 'en' })[];
  readonly orgParams: Params;
}

export interface ReminderPorts {
  bookingsStarting(from: string, to: string): AsyncIterable<readonly DueBooking[]>;
  /** Seats approved in (from, to] less than a day before their shift (the late pass). */
  bookingsApproved?(from: string, to: string): AsyncIterable<readonly DueBooking[]>;
  shiftContext(booking: DueBooking): Promise<ShiftContext | undefined>;
  getCursor(window: string): Promise<string | undefined>;
  setCursor(window: string, coveredUntil: string, previous: string | undefined): Promise<boolean>;
  notify(request: NotificationRequest): Promise<readonly { outcome: string }[]>;
  /** `notify` of a group of requests (batched reads and writes); the outcomes per request. */
  notifyMany(requests: readonly NotificationRequest[]): Promise<readonly (readonly { outcome: string }[])[]>;
  flushDeferred(): Promise<readonly { outcome: string }[]>;
  /** Organisations with applications pending since before `olderThan`. */
  pendingQueues?(olderThan: string): Promise<readonly PendingQueue[]>;
}

export interface ReminderWindow {
  readonly name: '24h' | '2h';
  readonly type: 'shift-reminder-24h' | 'shift-reminder-2h';
  readonly fromMs: number;
  readonly toMs: number;
  /** Why this reminder may wake someone up (quiet hours): set only where it is true. */
  readonly timeCritical?: string;
  /** After this much time before the start, the reminder is pointless. */
  readonly staleBeforeStartMs: number;
}

const HOUR = 3_600_000;
/**
 * Seats reminded together: 50 reminders are 100 outbox records (email and SMS), the most one
 * TransactWriteItems takes, and 50 profiles plus 100 suppression keys, one BatchGetItem each.
 */
export const REMINDER_BATCH = 50;
/** The cursor of the late pass (approval times read so far). */
const LATE = 'late';
/** The managers' daily digest goes out from the first run at or after this Riyadh time. */
export const DIGEST_TIME = '08:00';

export const reminderWindows: readonly ReminderWindow[] = [
  // Deferred to 07:00 if it falls in quiet hours; pointless once the 2 h reminder takes over.
  { name: '24h', type: 'shift-reminder-24h', fromMs: 2 * HOUR, toMs: 24 * HOUR, staleBeforeStartMs: 2 * HOUR },
  {
    name: '2h',
    type: 'shift-reminder-2h',
    fromMs: 0,
    toMs: 2 * HOUR,
    // Time-critical: a shift at 06:00 (dawn distributions, Ramadan suhoor, Hajj services) is
    // reminded at 04:00; deferring to 07:00 would be after the start, so it goes at once.
    timeCritical: 'the shift starts within two hours; deferring to the end of quiet hours would be after its start',
    staleBeforeStartMs: 0,
  },
];

/** Late approvals are read up to this long before now: the index they are read from is eventually consistent. */
export const LATE_PASS_LAG_MS = 60_000;

export interface ReminderSummary {
  windows: Record<string, { from: string; to: string; bookings: number; sent: number; duplicate: number; deferred: number; suppressed: number; failed: number }>;
  deferredFlushed: number;
  nudges: number;
}

export const runReminders = async (ports: ReminderPorts, now: Date, options: { concurrency?: number } = {}): Promise<ReminderSummary> => {
  /** Groups of REMINDER_BATCH seats handled at once. */
  const concurrency = options.concurrency ?? 8;
  const summary: ReminderSummary = { windows: {}, deferredFlushed: 0, nudges: 0 };
  const contexts = new Map<string, Promise<ShiftContext | undefined>>();

  const contextOf = (booking: DueBooking): Promise<ShiftContext | undefined> => {
    let context = contexts.get(booking.shiftId);
    if (!context) {
      context = ports.shiftContext(booking);
      contexts.set(booking.shiftId, context);
    }
    return context;
  };

  /**
   * The reminders of one window for a group of seats, asked of the notifier at once (it reads
   * the recipients and writes the outbox in batches; the dedupe key makes a repeat a no-op).
   */
  const remind = async (window: ReminderWindow, bookings: readonly DueBooking[], counts: ReminderSummary['windows'][string]) => {
    counts.bookings += bookings.length;
    const requests: NotificationRequest[] = [];
    for (const booking of bookings) {
      const shift = await contextOf(booking);
      if (!shift?.active) continue;
      requests.push({
        type: window.type,
        to: { kind: 'volunteer', volunteerId: booking.volunteerId },
        about: booking.shiftId,
        window: window.name,
        channels: ['email', 'sms'],
        params: shift.params,
        link: appPaths.opportunity(booking.opportunityId),
        calendar: shift.calendar,
        staleAfter: new Date(Date.parse(booking.start) - window.staleBeforeStartMs).toISOString(),
        ...(window.timeCritical && { timeCritical: window.timeCritical }),
      });
    }
    if (requests.length === 0) return;
    for (const results of await ports.notifyMany(requests)) {
      for (const { outcome } of results) {
        // Queued: handed to the delivery consumer in the same write (counted as sent by this job).
        if (outcome === 'queued' || outcome === 'sent') counts.sent += 1;
        else if (outcome === 'duplicate') counts.duplicate += 1;
        else if (outcome === 'deferred') counts.deferred += 1;
        else if (outcome === 'suppressed') counts.suppressed += 1;
        else counts.failed += 1;
      }
    }
  };

  /** A page of seats in groups of `REMINDER_BATCH`, `concurrency` groups at a time. */
  const remindPage = (page: readonly DueBooking[], windowOf: (booking: DueBooking) => ReminderWindow | undefined, counts: ReminderSummary['windows'][string]) => {
    const groups: { window: ReminderWindow; bookings: DueBooking[] }[] = [];
    for (const window of reminderWindows) {
      const due = page.filter((booking) => windowOf(booking) === window);
      for (let i = 0; i < due.length; i += REMINDER_BATCH) groups.push({ window, bookings: due.slice(i, i + REMINDER_BATCH) });
    }
    return inParallel(groups, concurrency, ({ window, bookings }) => remind(window, bookings, counts));
  };

  for (const window of reminderWindows) {
    const covered = await ports.getCursor(window.name);
    const windowFrom = new Date(now.getTime() + window.fromMs).toISOString();
    const from = covered && covered > windowFrom ? covered : windowFrom;
    const to = new Date(now.getTime() + window.toMs).toISOString();
    const counts = { from, to, bookings: 0, sent: 0, duplicate: 0, deferred: 0, suppressed: 0, failed: 0 };
    summary.windows[window.name] = counts;
    if (to <= from) continue;

    for await (const page of ports.bookingsStarting(from, to)) await remindPage(page, () => window, counts);
    // Only after every seat of the range was handled: a crash re-reads the range, and the
    // outbox makes the repeat a no-op. A concurrent run that moved the cursor first wins.
    await ports.setCursor(window.name, to, covered);
  }

  // The late pass: a seat approved after a window's cursor passed its start (approved 19 h or
  // 1.5 h before) gets each reminder whose window it is in now, i.e. whose time has not passed.
  if (ports.bookingsApproved) {
    const previous = await ports.getCursor(LATE);
    const until = new Date(now.getTime() - LATE_PASS_LAG_MS).toISOString();
    const since = previous ?? new Date(now.getTime() - 24 * HOUR).toISOString();
    const counts = { from: since, to: until, bookings: 0, sent: 0, duplicate: 0, deferred: 0, suppressed: 0, failed: 0 };
    summary.windows[LATE] = counts;
    if (until > since) {
      const windowOf = (booking: DueBooking) =>
        reminderWindows.find((w) => {
          const startsIn = Date.parse(booking.start) - now.getTime();
          return startsIn > w.fromMs && startsIn <= w.toMs;
        });
      for await (const page of ports.bookingsApproved(since, until)) {
        // A seat in neither window (its reminders' time has passed) is read, not counted.
        const inWindow = page.filter((booking) => windowOf(booking) !== undefined);
        await remindPage(inWindow, windowOf, counts);
      }
      await ports.setCursor(LATE, until, previous);
    }
  }

  summary.deferredFlushed = (await ports.flushDeferred()).length;

  // The managers' digest: once per organisation and Riyadh day, from the first run at or after
  // DIGEST_TIME, about every application waiting for a decision (whatever its age); the outbox
  // dedupe key (organisation, manager, day) makes the later runs of the day no-ops.
  if (ports.pendingQueues && riyadhTimeOfDay(now) >= DIGEST_TIME) {
    const day = riyadhDate(now);
    for (const queue of await ports.pendingQueues(now.toISOString())) {
      for (const manager of queue.managers) {
        const to = typeof manager === 'string' ? { email: manager, locale: 'ar' as const } : manager;
        const results = await ports.notify({
          type: 'pending-decisions',
          to: { kind: 'address', email: to.email, locale: to.locale },
          about: queue.orgId,
          window: day,
          params: { ...queue.orgParams, count: String(queue.count), oldest: queue.oldest },
          link: appPaths.reviewQueue(queue.orgId),
        });
        summary.nudges += results.filter((r) => r.outcome === 'queued' || r.outcome === 'sent').length;
      }
    }
  }
  return summary;
};
