/**
 * Quiz attempts of a volunteer on a module: one log item (the attempt times inside the rolling
 * 24 hours and a sequence number every write is conditioned on — the attempt limit) and one
 * record per attempt (what was answered and the grade), both in the volunteer's partition.
 */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';

/** The key builders of `trainingAttemptLog` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const trainingAttemptLogKeys = {
  log: (volunteerId: string, trainingId: string) => ({ PK: `VOL#${volunteerId}`, SK: `TRAINATTEMPTS#${trainingId}` }),
};

export const trainingAttemptLog = /* @__PURE__ */ defineEntity({
  name: 'TrainingAttemptLog',
  schema: /* @__PURE__ */ z.object({ volunteerId: /* @__PURE__ */ z.string(), trainingId: /* @__PURE__ */ z.string(), times: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()), seq: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1)) }),
  keys: trainingAttemptLogKeys,
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

/** The key builders of `trainingAttempt` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const trainingAttemptKeys = {
  attempt: (volunteerId: string, trainingId: string, at: string, id: string) => ({ PK: `VOL#${volunteerId}`, SK: `TRAINATTEMPT#${trainingId}#${at}#${id}` }),
  prefix: (trainingId: string) => `TRAINATTEMPT#${trainingId}#`,
};

export const trainingAttempt = /* @__PURE__ */ defineEntity({
  name: 'TrainingAttempt',
  schema: /* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.string(),
    volunteerId: /* @__PURE__ */ z.string(),
    trainingId: /* @__PURE__ */ z.string(),
    at: /* @__PURE__ */ z.string(),
    version: /* @__PURE__ */ z.int(),
    score: /* @__PURE__ */ z.int(),
    passed: /* @__PURE__ */ z.boolean(),
    answers: /* @__PURE__ */ z.array(/* @__PURE__ */ z.int()),
  }),
  keys: trainingAttemptKeys,
  accessPatterns: [{ pattern: "a volunteer's attempts on a module", key: 'PK = VOL#<sub> AND begins_with(SK, TRAINATTEMPT#<id>#)', index: 'table', operation: 'Query' }],
});
