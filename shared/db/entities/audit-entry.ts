/**
 * The audit trail of access to personal data (issue 18): one item per access and person, in the
 * person's audit partition (`AUDIT#SUBJ#<subject>`), with GSI1 by actor and GSI2 by
 * UTC day over 4 shards (a busy day of national reads spreads over 4 index partitions). Items
 * are only ever put (append-only) and carry the 5-year TTL of the retention table.
 */
import { createHash } from 'node:crypto';
import { AuditEntry } from '../../domain/personal-data/audit.js';
import { expiresAt } from '../../domain/personal-data/retention.js';
import { defineEntity, entityItem, type Item } from './entity.js';

export const AUDIT_DAY_SHARDS = 4;
const shardOf = (id: string) => createHash('sha256').update(id).digest()[0]! % AUDIT_DAY_SHARDS;

/** The key builders of `auditEntry` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const auditEntryKeys = {
  item: (subject: string, at: string, id: string) => ({ PK: `AUDIT#SUBJ#${subject}`, SK: `${at}#${id}` }),
  subjectPartition: (subject: string) => `AUDIT#SUBJ#${subject}`,
  byActor: (actor: string, at: string, id: string) => ({ GSI1PK: `AUDIT#ACTOR#${actor}`, GSI1SK: `${at}#${id}` }),
  actorPartition: (actor: string) => `AUDIT#ACTOR#${actor}`,
  byDay: (at: string, id: string) => ({ GSI2PK: `AUDIT#DAY#${at.slice(0, 10)}#${shardOf(id)}`, GSI2SK: `${at}#${id}` }),
  dayPartition: (day: string, shard: number) => `AUDIT#DAY#${day}#${shard}`,
};

const AUDIT_ENTRY = 'AuditEntry';

/** An entry's item as `auditEntry.toItem` writes it (its three keys and the trail's TTL), without the entry schema: appending never reads (issue 17). */
export const auditEntryItem = (entry: AuditEntry): Item =>
  entityItem(
    AUDIT_ENTRY,
    entry,
    { ...auditEntryKeys.item(entry.subject, entry.at, entry.id), ...auditEntryKeys.byActor(entry.actor, entry.at, entry.id), ...auditEntryKeys.byDay(entry.at, entry.id) },
    { expiresAt: expiresAt('auditTrail', entry.at) },
  );

export const auditEntry = /* @__PURE__ */ defineEntity({
  name: AUDIT_ENTRY,
  schema: AuditEntry,
  keys: auditEntryKeys,
  accessPatterns: [
    { pattern: 'append an audit entry (who accessed whose personal data)', key: 'Put PK = AUDIT#SUBJ#<subject>, SK = <at>#<id>', index: 'table', operation: 'BatchWriteItem' },
    { pattern: "a person's audit trail in a time range, newest first", key: 'PK = AUDIT#SUBJ#<subject> AND SK BETWEEN <from> AND <to>~', index: 'table', operation: 'Query' },
    { pattern: "an actor's accesses in a time range, newest first", key: 'GSI1PK = AUDIT#ACTOR#<actor> AND GSI1SK BETWEEN <from> AND <to>~', index: 'GSI1', operation: 'Query' },
    { pattern: 'every access of a time range (≤ 31 days), newest first', key: 'GSI2PK = AUDIT#DAY#<yyyy-mm-dd>#<shard> (4 shards per day, merged)', index: 'GSI2', operation: 'Query' },
  ],
});
