/**
 * A volunteer's latest completion of a module, in the volunteer's partition (a renewal replaces
 * it). Completions that expire carry a sparse GSI2 entry by expiry day (Asia/Riyadh), spread
 * over a few shards, so the daily expiry reminders read one day's expiries without a Scan.
 */
import { createHash } from 'node:crypto';
import { CompletionRecord } from '../../domain/training/schema.js';
import { riyadhDate } from '../../domain/time.js';
import { defineEntity } from './entity.js';

export const EXPIRY_SHARDS = 4;
const shardOf = (volunteerId: string) => createHash('sha256').update(volunteerId).digest()[0]! % EXPIRY_SHARDS;

/** The key builders of `trainingCompletion` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const trainingCompletionKeys = {
  completion: (volunteerId: string, trainingId: string) => ({ PK: `VOL#${volunteerId}`, SK: `TRAINING#${trainingId}` }),
  volunteerPartition: (volunteerId: string) => `VOL#${volunteerId}`,
  prefix: 'TRAINING#',
  /** GSI2 of an expiring completion: its Riyadh expiry day and shard. */
  expiry: (volunteerId: string, trainingId: string, validUntil: string) => ({
    GSI2PK: `TRAINEXP#${riyadhDate(new Date(validUntil))}#${shardOf(volunteerId)}`,
    GSI2SK: `${validUntil}#${volunteerId}#${trainingId}`,
  }),
  expiryPartition: (day: string, shard: number) => `TRAINEXP#${day}#${shard}`,
};

export const trainingCompletion = /* @__PURE__ */ defineEntity({
  name: 'TrainingCompletion',
  schema: CompletionRecord,
  keys: trainingCompletionKeys,
  accessPatterns: [
    { pattern: "a volunteer's completions of some modules (the gate)", key: 'PK = VOL#<sub> AND SK = TRAINING#<id> per module', index: 'table', operation: 'BatchGetItem' },
    { pattern: "a volunteer's completions", key: 'PK = VOL#<sub> AND begins_with(SK, TRAINING#)', index: 'table', operation: 'Query' },
    { pattern: 'completions expiring on a Riyadh day', key: 'GSI2PK = TRAINEXP#<day>#<shard> (each shard)', index: 'GSI2', operation: 'Query' },
  ],
});
