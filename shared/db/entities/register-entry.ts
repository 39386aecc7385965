/**
 * The national register's ledger (issue 12): one partition per volunteer, `REG#<volunteerId>`.
 * An entry per hours event, keyed by the event's own time and id, so that a second delivery
 * of the same event finds its entry and writes nothing (`attribute_not_exists`). Entries are
 * never updated or deleted: a reversal is an entry of its own.
 */
import { LedgerEntry } from '../../domain/register/schema.js';
import { defineEntity } from './entity.js';

export const registerPartition = (volunteerId: string) => `REG#${volunteerId}`;

/** The key builders of `registerEntry` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const registerEntryKeys = {
  item: (volunteerId: string, at: string, eventId: string) => ({ PK: registerPartition(volunteerId), SK: `ENTRY#${at}#${eventId}` }),
  partition: registerPartition,
  prefix: 'ENTRY#',
};

export const registerEntry = /* @__PURE__ */ defineEntity({
  name: 'RegisterEntry',
  schema: LedgerEntry,
  keys: registerEntryKeys,
  accessPatterns: [
    {
      pattern: 'append an hours event to a volunteer\'s ledger once, with its running totals',
      key: 'Put PK = REG#<vol>, SK = ENTRY#<at>#<eventId> if attribute_not_exists(PK) + Update TOTAL#… ADD (one per dimension value)',
      index: 'table',
      operation: 'TransactWriteItems',
    },
    { pattern: "a volunteer's ledger, newest first, paginated", key: 'PK = REG#<vol> AND begins_with(SK, ENTRY#)', index: 'table', operation: 'Query' },
  ],
});
