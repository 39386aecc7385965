/**
 * An hours record: `HOURS#<id>` / `HOURS`, written whole (Put conditioned on the status and
 * version that were read), so its index keys always follow its status:
 * - GSI1 `VOL#<sub>#HOURS`, `<createdAt>#<id>`: a volunteer's hours (newest first);
 * - GSI2 `ORG#<orgId>#HOURS#<status>`, `<updatedAt>#<id>`: an organisation's queue per status (oldest first);
 * - GSI3 `HOURS#ESCALATED`, `<updatedAt>#<id>`: the ministry reviewers' queue (pending and escalated only).
 * A reversal is a separate entry `HOURS#<id>` / `REVERSAL#<reversalId>` beside it (never an edit of what was approved).
 */
import { HoursRecord } from '../../domain/hours/schema.js';
import { defineEntity, entityItem, type Item } from './entity.js';

/** The key builders of `hoursRecord` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const hoursRecordKeys = {
  item: (id: string) => ({ PK: `HOURS#${id}`, SK: 'HOURS' }),
  byVolunteer: (sub: string, createdAt: string, id: string) => ({ GSI1PK: `VOL#${sub}#HOURS`, GSI1SK: `${createdAt}#${id}` }),
  volunteerPartition: (sub: string) => `VOL#${sub}#HOURS`,
  byOrganization: (orgId: string, status: string, at: string, id: string) => ({ GSI2PK: `ORG#${orgId}#HOURS#${status}`, GSI2SK: `${at}#${id}` }),
  organizationPartition: (orgId: string, status: string) => `ORG#${orgId}#HOURS#${status}`,
  escalated: (at: string, id: string) => ({ GSI3PK: 'HOURS#ESCALATED', GSI3SK: `${at}#${id}` }),
  escalatedPartition: 'HOURS#ESCALATED',
  reversal: (id: string, reversalId: string) => ({ PK: `HOURS#${id}`, SK: `REVERSAL#${reversalId}` }),
};

const HOURS_RECORD = 'HoursRecord';

export const hoursRecord = /* @__PURE__ */ defineEntity({
  name: HOURS_RECORD,
  schema: HoursRecord,
  keys: hoursRecordKeys,
  accessPatterns: [
    { pattern: 'create an hours record with its attendance, ledgers, counters and events', key: 'Put PK = HOURS#<id>, SK = HOURS attribute_not_exists(PK)', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'decide once (approve, reject, escalate, dispute)', key: 'Put PK = HOURS#<id> if #status = <seen> AND version = <seen>', index: 'table', operation: 'TransactWriteItems' },
    { pattern: 'get an hours record', key: 'PK = HOURS#<id> AND SK = HOURS', index: 'table', operation: 'GetItem' },
    { pattern: "a volunteer's hours, newest first", key: 'GSI1PK = VOL#<sub>#HOURS', index: 'GSI1', operation: 'Query' },
    { pattern: "an organisation's hours in one status, oldest first", key: 'GSI2PK = ORG#<orgId>#HOURS#<status>', index: 'GSI2', operation: 'Query' },
    { pattern: "the ministry reviewers' queue of escalated hours", key: 'GSI3PK = HOURS#ESCALATED', index: 'GSI3', operation: 'Query' },
    { pattern: 'keep the verification task token on a pending record', key: 'Update PK = HOURS#<id> SET taskToken if #status = pending AND round = <round>', index: 'table', operation: 'UpdateItem' },
    { pattern: 'reverse approved hours (a reversing entry)', key: 'Put PK = HOURS#<id>, SK = REVERSAL#<reversalId> attribute_not_exists + Put HOURS if approved', index: 'table', operation: 'TransactWriteItems' },
  ],
});

/** The index keys a record has in its current status. */
export const hoursIndexKeys = (record: HoursRecord) => ({
  ...hoursRecordKeys.byVolunteer(record.volunteerId, record.createdAt, record.id),
  ...hoursRecordKeys.byOrganization(record.orgId, record.status, record.updatedAt, record.id),
  ...(record.status === 'pending' && record.flags.includes('escalated') && hoursRecordKeys.escalated(record.updatedAt, record.id)),
});

/** The record's item as `hoursRecord.toItem` writes it (its keys and the index keys of its status), without the record schema: the writes never read (issue 17). */
export const hoursRecordItem = (record: HoursRecord): Item => entityItem(HOURS_RECORD, record, { ...hoursRecordKeys.item(record.id), ...hoursIndexKeys(record) });
