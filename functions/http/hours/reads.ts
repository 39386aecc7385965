/**
 * The ports of the hours reads (lists, deliverables, valuation rates) and of the writes that
 * neither check a code nor start or resume a verification (reversal, no-show disputes, deliverable
 * confirmations, rates, the verification steps, late cancellations): the hours store, the clock
 * and ids. Those handlers import this instead of ports.ts, so their bundles carry neither the
 * Step Functions client nor the Secrets Manager client of the attendance-code key, nor the
 * volunteer and training repositories (issue 17).
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { hoursRepository } from '../../../shared/db/hours-repository.js';
import type { HoursReadDeps } from '../../../shared/domain/hours/ports.js';

export const hoursListPorts = (): Pick<HoursReadDeps, 'repo' | 'clock' | 'ids'> => ({ repo: hoursRepository(), clock: systemClock, ids: () => ulid() });
