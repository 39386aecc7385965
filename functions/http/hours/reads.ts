/**
 * The clock and ids of the hours handlers, with the parts of the hours store a handler calls
 * (shared/db/hours-repository.ts: `hoursShifts()`, `hoursRecords()`, `hoursWrites()`…). Each
 * service function names the store methods it uses (`WithStore`, shared/domain/hours/ports.ts),
 * so a handler passes those parts only and its bundle builds only their entities and schemas;
 * the reads and the writes that neither check a code nor start or resume a verification take
 * this instead of ports.ts, so their bundles carry neither the Step Functions client nor the
 * Secrets Manager client of the attendance-code key, nor the volunteer and training reads (issue 17).
 */
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';

export const storePorts = <R>(repo: R) => ({ repo, clock: systemClock, ids: () => ulid() });
