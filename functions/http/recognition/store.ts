/**
 * The recognition ports of its HTTP reads and writes: the table, the clock, ids and redemption
 * codes. Handlers import this instead of ports.ts, so their bundles carry no notifier,
 * templates, workflow client or signer (issue 17).
 */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { recognitionRepository } from '../../../shared/db/recognition-repository.js';
import type { RecognitionStore } from '../../../shared/domain/recognition/ports.js';

export const recognitionStore = (): RecognitionStore => ({
  repo: recognitionRepository(),
  clock: systemClock,
  ids: () => ulid(),
  // 80 random bits as 5 groups of 4 hex digits: short enough for a partner to type, hopeless to guess.
  codes: () => randomBytes(10).toString('hex').toUpperCase().match(/.{4}/g)!.join('-'),
});
