/**
 * A company's contributions, built from the hours events: one ledger entry per approved hours
 * record (`COMPANY#<id>` / `CONTRIB#<hoursId>`, the recount's source and the event's dedupe),
 * a pointer from the hours to the company they count for (`CONTRIBHOURS#<hoursId>`, so a
 * reversal finds it after the volunteer left), each employee's activity in the company
 * (`ACTIVITY#<sub>`: minutes per month, versioned) and the month counters
 * (`MONTH#<yyyy-mm>#<shard>`, sharded by volunteer so no item is hot).
 */
import * as z from '../../zod.js';
import { defineEntity } from './entity.js';
import { companyPartition } from './partitions.js';

export const CONTRIBUTION_SHARDS = 4;

/** The key builders of `contributionEntry` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const contributionEntryKeys = { item: (companyId: string, hoursId: string) => ({ PK: companyPartition(companyId), SK: `CONTRIB#${hoursId}` }), prefix: 'CONTRIB#', partition: companyPartition };

export const contributionEntry = /* @__PURE__ */ defineEntity({
  name: 'CompanyContribution',
  schema: /* @__PURE__ */ z.object({
    hoursId: /* @__PURE__ */ z.string(),
    companyId: /* @__PURE__ */ z.string(),
    volunteerId: /* @__PURE__ */ z.string(),
    orgId: /* @__PURE__ */ z.string(),
    month: /* @__PURE__ */ z.string(),
    causes: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
    minutes: /* @__PURE__ */ z.int(),
    valueHalalas: /* @__PURE__ */ z.int(),
    reversalIds: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  }),
  keys: contributionEntryKeys,
  accessPatterns: [
    {
      pattern: 'apply approved hours once: entry, pointer, activity (versioned) and month counters',
      key: 'Put CONTRIB#<hoursId> if absent + Put CONTRIBHOURS#<hoursId> + Put/Update ACTIVITY#<sub> if version + Update MONTH#<m>#<shard> ADD',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "a company's ledger (recount, tests)", key: 'PK = COMPANY#<id> AND begins_with(SK, CONTRIB#)', index: 'table', operation: 'Query' },
  ],
});

/** The key builders of `contributionPointer` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const contributionPointerKeys = { item: (hoursId: string) => ({ PK: `CONTRIBHOURS#${hoursId}`, SK: 'COMPANY' }) };

export const contributionPointer = /* @__PURE__ */ defineEntity({
  name: 'CompanyContributionPointer',
  schema: /* @__PURE__ */ z.object({ companyId: /* @__PURE__ */ z.string() }),
  keys: contributionPointerKeys,
  accessPatterns: [{ pattern: 'which company approved hours count for', key: 'PK = CONTRIBHOURS#<hoursId> AND SK = COMPANY', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `contributionActivity` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const contributionActivityKeys = { item: (companyId: string, sub: string) => ({ PK: companyPartition(companyId), SK: `ACTIVITY#${sub}` }) };

export const contributionActivity = /* @__PURE__ */ defineEntity({
  name: 'CompanyContributionActivity',
  schema: /* @__PURE__ */ z.object({ months: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.number())), version: /* @__PURE__ */ z.int() }),
  keys: contributionActivityKeys,
  accessPatterns: [{ pattern: "an employee's minutes per month in the company", key: 'PK = COMPANY#<id> AND SK = ACTIVITY#<sub>', index: 'table', operation: 'GetItem' }],
});

/** The key builders of `contributionMonth` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const contributionMonthKeys = {
  item: (companyId: string, month: string, shard: number) => ({ PK: companyPartition(companyId), SK: `MONTH#${month}#${shard}` }),
  month: (month: string) => `MONTH#${month}`,
  afterMonth: (month: string) => `MONTH#${month}#~`,
};

export const contributionMonth = /* @__PURE__ */ defineEntity({
  name: 'CompanyContributionMonth',
  schema: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()),
  keys: contributionMonthKeys,
  accessPatterns: [{ pattern: "a company's month counters over a range", key: 'PK = COMPANY#<id> AND SK BETWEEN MONTH#<from> AND MONTH#<to>#~', index: 'table', operation: 'Query' }],
});
