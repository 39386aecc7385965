/**
 * The audit trail in the single table (entities/audit-entry.ts): append-only BatchWrite of
 * entries; reads by subject, by actor, or by time (day partitions × shards, merged), newest
 * first, with opaque cursors.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import type { AuditEntry, AuditStore } from '../domain/personal-data/audit.js';
import { env } from '../env.js';
import { batchWriteAll, documentClient } from './client.js';
import { AUDIT_DAY_SHARDS, auditEntry, auditEntryItem } from './entities/audit-entry.js';

const KeyCursor = /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.string());
const TimeCursor = /* @__PURE__ */ z.object({ before: /* @__PURE__ */ z.string() });

/** The sort-key range of [from, to]: `<at>#<id>` sorts by time. */
const range = (from: string, to: string) => ({ ':from': from, ':to': `${to}~` });

/** Appending entries (every audited route): the items built from the keys, without the entry schema the reads validate with (issue 17). */
export const auditAppends = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<AuditStore, 'append'> => ({
  async append(entries) {
    await batchWriteAll(
      client,
      tableName(),
      entries.map((entry) => ({ PutRequest: { Item: auditEntryItem(entry) } })),
    );
  },
});

export const auditRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): AuditStore => {
  const page = async (index: 'table' | 'GSI1', partition: string, from: string, to: string, limit: number, cursor?: string) => {
    const [pk, sk] = index === 'table' ? ['PK', 'SK'] : ['GSI1PK', 'GSI1SK'];
    const { Items = [], LastEvaluatedKey } = await client.send(
      new QueryCommand({
        TableName: tableName(),
        ...(index !== 'table' && { IndexName: index }),
        KeyConditionExpression: `#pk = :pk AND #sk BETWEEN :from AND :to`,
        ExpressionAttributeNames: { '#pk': pk, '#sk': sk },
        ExpressionAttributeValues: { ':pk': partition, ...range(from, to) },
        ScanIndexForward: false,
        Limit: limit,
        ...(cursor && { ExclusiveStartKey: decodeCursor(cursor, KeyCursor) }),
      }),
    );
    return { items: Items.map((item) => auditEntry.fromItem(item)), ...(LastEvaluatedKey && { nextCursor: encodeCursor(LastEvaluatedKey) }) };
  };

  return {
    ...auditAppends(client, tableName),
    bySubject: (subject, from, to, limit, cursor) => page('table', auditEntry.keys.subjectPartition(subject), from, to, limit, cursor),
    byActor: (actor, from, to, limit, cursor) => page('GSI1', auditEntry.keys.actorPartition(actor), from, to, limit, cursor),
    async byTime(from, to, limit, cursor) {
      const before = cursor ? decodeCursor(cursor, TimeCursor).before : `${to}~`;
      const found: AuditEntry[] = [];
      // Days from the newest; each day's shards merged. Stops once a page is full.
      for (let day = new Date(`${to.slice(0, 10)}T00:00:00.000Z`); day.toISOString() >= `${from.slice(0, 10)}T00:00:00.000Z` && found.length < limit; day = new Date(day.getTime() - 86_400_000)) {
        const shards = await Promise.all(
          Array.from({ length: AUDIT_DAY_SHARDS }, async (_, shard) => {
            const { Items = [] } = await client.send(
              new QueryCommand({
                TableName: tableName(),
                IndexName: 'GSI2',
                KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :before',
                ExpressionAttributeValues: { ':pk': auditEntry.keys.dayPartition(day.toISOString().slice(0, 10), shard), ':from': from, ':before': before },
                ScanIndexForward: false,
                Limit: limit - found.length + 1,
              }),
            );
            return Items.map((item) => auditEntry.fromItem(item));
          }),
        );
        const merged = shards.flat().filter((entry) => `${entry.at}#${entry.id}` < before).sort((a, b) => (`${b.at}#${b.id}` < `${a.at}#${a.id}` ? -1 : 1));
        found.push(...merged.slice(0, limit - found.length));
      }
      const last = found.at(-1);
      return { items: found, ...(found.length === limit && last && { nextCursor: encodeCursor({ before: `${last.at}#${last.id}` }) }) };
    },
  };
};
