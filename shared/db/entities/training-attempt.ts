/**
 * Quiz attempts of a volunteer on a module: one log item (the attempt times inside the rolling
 * 24 hours and a sequence number every write is conditioned on — the attempt limit) and one
 * record per attempt (what was answered and the grade), both in the volunteer's partition.
 */
import * as z from 'zod';
import { defineEntity } from './entity.js';

export const trainingAttemptLog = defineEntity({
  name: 'TrainingAttemptLog',
  schema: z.object({ volunteerId: z.string(), trainingId: z.string(), times: z.array(z.string()), seq: z.int().min(1) }),
  keys: {
    log: (volunteerId: string, trainingId: string) => ({ PK: `VOL#${volunteerId}`, SK: `TRAINATTEMPTS#${trainingId}` }),
  },
  accessPatterns: [
    { pattern: 'attempts of a volunteer on a module in the last 24 h', key: 'PK = VOL#<sub> AND SK = TRAINATTEMPTS#<id>', index: 'table', operation: 'GetItem' },
    {
      pattern: 'record an attempt (limit: 3 per 24 h)',
      key: 'Put TRAINATTEMPTS#<id> if seq = <seen> (or absent) + Put TRAINATTEMPT#<id>#<at>#<attemptId> (+ completion + outbox on a pass)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
  ],
});

export const trainingAttempt = defineEntity({
  name: 'TrainingAttempt',
  schema: z.object({
    id: z.string(),
    volunteerId: z.string(),
    trainingId: z.string(),
    at: z.string(),
    version: z.int(),
    score: z.int(),
    passed: z.boolean(),
    answers: z.array(z.int()),
  }),
  keys: {
    attempt: (volunteerId: string, trainingId: string, at: string, id: string) => ({ PK: `VOL#${volunteerId}`, SK: `TRAINATTEMPT#${trainingId}#${at}#${id}` }),
    prefix: (trainingId: string) => `TRAINATTEMPT#${trainingId}#`,
  },
  accessPatterns: [{ pattern: "a volunteer's attempts on a module", key: 'PK = VOL#<sub> AND begins_with(SK, TRAINATTEMPT#<id>#)', index: 'table', operation: 'Query' }],
});
