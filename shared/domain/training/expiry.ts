/**
 * Expiry reminders, part of the daily `training-daily` job: 30 and 7 days before a completion
 * expires, its volunteer is reminded when an approved seat on a shift starting at or after the
 * expiry needs that module (a seat before the expiry is covered). Once per completion and step:
 * the notification's dedupe key is built from the completion (volunteer, module, completedAt)
 * and the step, so a retried or repeated run sends nothing twice; a renewal is a new completion
 * (new completedAt, new expiry day) and is reminded again in its time.
 *
 * A run that was missed is caught up: each step also looks at the `CATCH_UP_DAYS` days before
 * its target (a completion expiring in 29 days that missed yesterday's 30-day run is reminded).
 */
import { appPaths } from '../notifications/links.js';
import type { NotificationRequest } from '../notifications/schema.js';
import { addDays, riyadhDate } from '../time.js';
import type { CompletionRecord } from './schema.js';

export const EXPIRY_STEPS = [30, 7] as const;
export const CATCH_UP_DAYS = 2;

export interface UpcomingSeat {
  readonly shiftId: string;
  readonly opportunityId: string;
  readonly start: string;
}

export interface ExpiryPorts {
  /** Completions whose validUntil falls on a Riyadh day. */
  expiringOn(day: string): Promise<readonly CompletionRecord[]>;
  /** The volunteer's approved seats on shifts starting at or after `from`, soonest first. */
  seatsFrom(volunteerId: string, from: string): Promise<readonly UpcomingSeat[]>;
  /** The opportunity's required modules and its titles (read once per run). */
  opportunity(id: string): Promise<{ trainingModules: readonly string[]; titleAr: string; titleEn: string } | undefined>;
  /** The module version's titles. */
  training(id: string, version: number): Promise<{ titleAr: string; titleEn: string } | undefined>;
  notify(request: NotificationRequest): Promise<readonly { outcome: string }[]>;
}

export interface ExpirySummary {
  readonly completionsChecked: number;
  readonly reminders: number;
  /** Reminders already sent by an earlier run (dedupe key found). */
  readonly alreadySent: number;
  readonly notNeeded: number;
}

/** The dedupe identity of one completion (a renewal is another one). */
export const completionRef = (c: Pick<CompletionRecord, 'volunteerId' | 'trainingId' | 'completedAt'>) => `training:${c.trainingId}:${c.volunteerId}:${c.completedAt}`;

/** Days until expiry counted by Riyadh dates (a completion expiring in 30 calendar days is in the 30-day step). */
const stepDays = (step: number, today: string) => Array.from({ length: CATCH_UP_DAYS + 1 }, (_, lag) => addDays(today, step - lag));

export const runExpiryReminders = async (ports: ExpiryPorts, now: Date): Promise<ExpirySummary> => {
  const today = riyadhDate(now);
  const opportunities = new Map<string, ReturnType<ExpiryPorts['opportunity']>>();
  const opportunityOf = (id: string) => {
    let found = opportunities.get(id);
    if (!found) opportunities.set(id, (found = ports.opportunity(id)));
    return found;
  };
  let completionsChecked = 0;
  let reminders = 0;
  let alreadySent = 0;
  let notNeeded = 0;
  for (const step of EXPIRY_STEPS) {
    for (const day of stepDays(step, today)) {
      for (const completion of await ports.expiringOn(day)) {
        if (!completion.validUntil || completion.validUntil <= now.toISOString()) continue;
        completionsChecked += 1;
        const seats = await ports.seatsFrom(completion.volunteerId, completion.validUntil);
        let needing: { seat: UpcomingSeat; titleAr: string; titleEn: string } | undefined;
        for (const seat of seats) {
          const opportunity = await opportunityOf(seat.opportunityId);
          if (opportunity?.trainingModules.includes(completion.trainingId)) {
            needing = { seat, titleAr: opportunity.titleAr, titleEn: opportunity.titleEn };
            break;
          }
        }
        if (!needing) {
          notNeeded += 1;
          continue;
        }
        const training = await ports.training(completion.trainingId, completion.version);
        const outcomes = await ports.notify({
          type: 'training-expiring',
          to: { kind: 'volunteer', volunteerId: completion.volunteerId },
          about: completionRef(completion),
          window: `expiry-${step}d`,
          params: {
            trainingAr: training?.titleAr ?? completion.trainingId,
            trainingEn: training?.titleEn ?? completion.trainingId,
            validUntil: completion.validUntil,
            titleAr: needing.titleAr,
            titleEn: needing.titleEn,
            start: needing.seat.start,
            days: String(step),
          },
          staleAfter: completion.validUntil,
          link: appPaths.training(completion.trainingId),
        });
        if (outcomes.length > 0 && outcomes.every((o) => o.outcome === 'duplicate')) alreadySent += 1;
        else reminders += 1;
      }
    }
  }
  return { completionsChecked, reminders, alreadySent, notNeeded };
};
