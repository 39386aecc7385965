/**
 * Scheduled jobs, declared once: the CDK creates an EventBridge Scheduler schedule per job
 * (expression, time zone Asia/Riyadh, retry policy, dead-letter queue) targeting a
 * NodeFunction; the local platform fires the same handler module on the same expression with
 * a local cron and on demand with `POST /local/schedules/{name}`.
 *
 * A job's handler receives `{ name, scheduledAt }` and returns a JSON summary of what it did.
 * Delivery is at least once, so jobs must be idempotent.
 */
import type { Need } from '../http/operation.js';

export interface ScheduleDefinition {
  /** kebab-case, e.g. `reminders`; also the path segment of POST /local/schedules/{name}. */
  readonly name: string;
  /** PascalCase construct id. */
  readonly id: string;
  readonly description: string;
  /** EventBridge Scheduler expression: `rate(15 minutes)` or `cron(0 * * * ? *)`. */
  readonly expression: string;
  /** @default 'Asia/Riyadh' */
  readonly timezone?: string;
  readonly entry: string;
  readonly needs: readonly Need[];
  /** Seconds. @default 300 */
  readonly timeout?: number;
  /** @default 512 */
  readonly memorySize?: number;
}

export interface ScheduledEvent {
  readonly name: string;
  /** ISO time the schedule fired (EventBridge Scheduler's `<aws.scheduler.scheduled-time>`). */
  readonly scheduledAt: string;
}

export const defineSchedules = <const T extends readonly ScheduleDefinition[]>(schedules: T): T => schedules;

/** Declares one scheduled job; its handler is `job(spec).handler(...)` (shared/middleware/job.ts). */
export const defineSchedule = <const T extends ScheduleDefinition>(spec: T): T => spec;

/**
 * The croner pattern equal to a Scheduler expression, for the local cron.
 * `cron(min hour day-of-month month day-of-week year)` → `min hour dom month dow`
 * (`?` means "any"; day-of-week names are used, so numbering differences don't matter).
 */
export const localCronPattern = (expression: string): { every: number } | { pattern: string } => {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const unit = rate[2]!.startsWith('minute') ? 60_000 : rate[2]!.startsWith('hour') ? 3_600_000 : 86_400_000;
    return { every: Number(rate[1]) * unit };
  }
  const cron = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(expression);
  if (!cron) throw new Error(`unsupported schedule expression "${expression}": use rate(...) or cron(... 6 fields)`);
  const [, minute, hour, dom, month, dow] = cron;
  if (/^\d/.test(dow!) && dow !== '?') {
    throw new Error(`use day-of-week names (SUN-SAT) in "${expression}": EventBridge numbers days 1-7 from Sunday, cron 0-6`);
  }
  return { pattern: [minute, hour, dom, month, dow].map((f) => (f === '?' ? '*' : f)).join(' ') };
};
