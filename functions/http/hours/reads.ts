/**
 * The ports of the hours reads (lists, deliverables, valuation rates) and of the writes that
 * neither check a code nor start or resume a verification (reversal, no-show disputes, deliverable
 * confirmations, rates, the verification steps, late cancellations): table, volunteers, training,
 * clock and ids. Those handlers import this instead of ports.ts, so their bundles carry neither
 * the Step Functions client nor the Secrets Manager client of the attendance-code key (issue 17).
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { hoursRepository } from '../../../shared/db/hours-repository.js';
import { trainingRepository } from '../../../shared/db/training-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import type { HoursReadDeps } from '../../../shared/domain/hours/ports.js';

/** The lists, the valuation rates and the writes that read no volunteer or training (reversal, no-show disputes, deliverable confirmations): the hours store, the clock and ids only (issue 17: no volunteer or training repository in their bundles). */
export const hoursListPorts = (): Pick<HoursReadDeps, 'repo' | 'clock' | 'ids'> => ({ repo: hoursRepository(), clock: systemClock, ids: () => ulid() });

export const hoursReadPorts = (): HoursReadDeps => ({
  repo: hoursRepository(),
  volunteers: volunteerRepository(),
  training: trainingRepository(),
  clock: systemClock,
  ids: () => ulid(),
});
