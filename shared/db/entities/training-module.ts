/**
 * A training module: its head (owner, live version, latest version) and one item per version,
 * in one partition. Versions are never deleted: completions name the version they were for.
 */
import { TrainingModuleRecord, TrainingVersionRecord } from '../../domain/training/schema.js';
import { defineEntity } from './entity.js';

const pad = (version: number) => String(version).padStart(4, '0');

/** The key builders of `trainingModule` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const trainingModuleKeys = {
  head: (id: string) => ({ PK: `TRAINING#${id}`, SK: 'MODULE' }),
  /** GSI1: an organisation's modules (national ones under NATIONAL), oldest first. */
  byOwner: (orgId: string | undefined, createdAt: string, id: string) => ({ GSI1PK: `TRAININGS#${orgId ?? 'NATIONAL'}`, GSI1SK: `${createdAt}#${id}` }),
};

export const trainingModule = /* @__PURE__ */ defineEntity({
  name: 'TrainingModule',
  schema: TrainingModuleRecord,
  keys: trainingModuleKeys,
  accessPatterns: [
    { pattern: 'create a module: head + version 1', key: 'Put PK = TRAINING#<id>, SK = MODULE + Put SK = VERSION#0001, attribute_not_exists(PK)', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'get a module head', key: 'PK = TRAINING#<id> AND SK = MODULE', index: 'table', operation: 'GetItem' },
    {
      pattern: 'edit / publish: a version written only from the head as read',
      key: 'Update MODULE if latestVersion = <seen> AND publishedVersion = <seen> + Put VERSION#<n>',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "an organisation's (or the national) modules", key: 'GSI1PK = TRAININGS#<orgId|NATIONAL>', index: 'GSI1', operation: 'Query' },
  ],
});

/** The key builders of `trainingVersion` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const trainingVersionKeys = {
  version: (id: string, version: number) => ({ PK: `TRAINING#${id}`, SK: `VERSION#${pad(version)}` }),
};

export const trainingVersion = /* @__PURE__ */ defineEntity({
  name: 'TrainingVersion',
  schema: TrainingVersionRecord,
  keys: trainingVersionKeys,
  accessPatterns: [{ pattern: 'one version of a module', key: 'PK = TRAINING#<id> AND SK = VERSION#<nnnn>', index: 'table', operation: 'GetItem' }],
});
