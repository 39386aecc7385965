/**
 * Opportunities, shifts and the search index items (layout and rationale in entities/opportunity.ts, shift.ts, opportunity-search-entry.ts).
 * Publishing writes the index items in the same transaction as the status change and closing
 * deletes them in the same transaction, so search never lists a closed opportunity.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { decodeCursor as decodeOpaque, encodeCursor as encodeOpaque, invalidCursor } from '../domain/cursor.js';
import { OpportunityChangedError, OpportunityStatusError } from '../domain/opportunities/errors.js';
import { RuleViolationError } from '../domain/errors.js';
import { OpportunitySummary, type OpportunityRecord, type ShiftRecord } from '../domain/opportunities/schema.js';
import { partitionsOf, summaryOf, type SearchPartition, type SearchPlan } from '../domain/opportunities/search.js';
import type { OpportunityRepository } from '../domain/opportunities/service.js';
import { env } from '../env.js';
import { outboxPuts } from './entities/outbox-event.js';
import { batchWriteAll, documentClient } from './client.js';
import { opportunity as opportunityEntity } from './entities/opportunity.js';
import { opportunityCreation, opportunityItem, shiftItem } from './opportunity-create.js';
import { opportunityReads } from './opportunity-reads.js';
import { opportunitySearchEntry } from './entities/opportunity-search-entry.js';
import { shift as shiftEntity } from './entities/shift.js';

type Item = Record<string, unknown>;
type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

export const partitionKey = (partition: SearchPartition): string => opportunitySearchEntry.keys.partition(partition.dimension, partition.value);

/** The index items of a published opportunity: one per partition, each with the summary. */
export const searchItems = (opportunity: OpportunityRecord, publishedAt: string): Item[] => {
  const summary = summaryOf(opportunity, publishedAt);
  const GSI1SK = opportunitySearchEntry.keys.sort(opportunity.lastShiftEnd, opportunity.id);
  return partitionsOf(opportunity).map((partition) => {
    const GSI1PK = partitionKey(partition);
    return opportunitySearchEntry.toItem(summary, { ...opportunitySearchEntry.keys.item(opportunity.id, GSI1PK), GSI1PK, GSI1SK });
  });
};

/** A list page's cursor: the organisation's partition and the sort key of the last opportunity returned. */
const OrgListCursor = /* @__PURE__ */ z.strictObject({ p: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)), s: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)) });

// ── Cursor ──────────────────────────────────────────────────────────────────
/**
 * The cursor is base64url JSON `{ p, f, s }`: the partition queried, the `from` bound of the
 * first page and the sort key of the last item returned. The full ExclusiveStartKey is rebuilt
 * from them (the index item's PK/SK follow from the partition and the id inside the sort key),
 * after checking that it belongs to this query: a tampered or foreign cursor is a 400.
 */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SORT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([0-9A-HJKMNP-TV-Z]{26})$/;
const Cursor = /* @__PURE__ */ z.strictObject({ p: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)), f: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(ISO)), s: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(SORT)) });
type Cursor = z.infer<typeof Cursor>;

export const encodeCursor = (cursor: Cursor): string => encodeOpaque(cursor);

export const decodeCursor = (raw: string, partition: string, from: string | undefined): Cursor => {
  const cursor = decodeOpaque(raw, Cursor);
  if (cursor.p !== partition) throw invalidCursor('belongs to a search with other filters');
  if (from !== undefined && cursor.f !== from) throw invalidCursor('belongs to a search with another from');
  if (cursor.s < cursor.f) throw invalidCursor('is outside the range of its search');
  return cursor;
};

const startKey = (cursor: Cursor): Item => {
  const id = SORT.exec(cursor.s)![2]!;
  return { ...opportunitySearchEntry.keys.item(id, cursor.p), GSI1PK: cursor.p, GSI1SK: cursor.s };
};

// ── Residual filters ────────────────────────────────────────────────────────
const filterExpression = (residual: SearchPlan['residual']) => {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const equal = (attribute: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`#${attribute} = :${attribute}`);
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
  };
  const contains = (attribute: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(`contains(#${attribute}, :${attribute})`);
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
  };
  equal('city', residual.city);
  equal('category', residual.category);
  equal('orgId', residual.orgId);
  contains('skills', residual.skill);
  contains('professions', residual.profession);
  if (residual.startsBy !== undefined) {
    clauses.push('#firstShiftStart <= :startsBy');
    names['#firstShiftStart'] = 'firstShiftStart';
    values[':startsBy'] = residual.startsBy;
  }
  return clauses.length === 0 ? undefined : { expression: clauses.join(' AND '), names, values };
};

/** Queries per page at most: a very unselective residual filter gives a short page, never a slow one. */
const MAX_ROUNDS = 5;
/** Items read by one Query at most (DynamoDB also stops at 1 MB). */
const MAX_READ = 1000;

const summaryFields = /* @__PURE__ */ (() =>
  Object.keys(OpportunitySummary.shape) as (keyof OpportunitySummary)[])();
const toSummary = (item: Item): OpportunitySummary =>
  Object.fromEntries(summaryFields.filter((field) => item[field] !== undefined).map((field) => [field, item[field]])) as OpportunitySummary;

/** The organisation-list keys of an opportunity in a status, as update values. */
const listedAs = (opportunity: OpportunityRecord, status: string) => {
  const keys = opportunityEntity.keys.byOrganization(opportunity.orgId, status, opportunity.createdAt, opportunity.id);
  return { ':listed': keys.GSI2PK, ':listedAt': keys.GSI2SK };
};

export const opportunityRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): OpportunityRepository => {
  const transact = async (items: TransactItems, opportunity: OpportunityRecord, action: string) => {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? error.CancellationReasons ?? [] : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed' || error instanceof ConditionalCheckFailedException) {
        throw new OpportunityStatusError(opportunity.id, 'no longer ' + opportunity.status, action, { cause: error });
      }
      throw error;
    }
  };

  return {
    ...opportunityCreation(client, tableName),

    get: opportunityReads(client, tableName).get,

    async publish(opportunity, publishedAt, events = []) {
      const TableName = tableName();
      await transact(
        [
          {
            Update: {
              TableName,
              Key: opportunityEntity.keys.item(opportunity.id),
              UpdateExpression: 'SET #status = :published, publishedAt = :at, updatedAt = :at, GSI2PK = :listed, GSI2SK = :listedAt',
              ConditionExpression: '#status = :draft',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':published': 'published',
                ':draft': 'draft',
                ':at': publishedAt,
                ...listedAs(opportunity, 'published'),
              },
            },
          },
          ...searchItems(opportunity, publishedAt).map((Item) => ({ Put: { TableName, Item } })),
          ...outboxPuts(events, TableName),
        ],
        opportunity,
        'published',
      );
      return { ...opportunity, status: 'published', publishedAt, updatedAt: publishedAt };
    },

    async close(opportunity, closedAt, events = []) {
      const TableName = tableName();
      const indexDeletes =
        opportunity.status === 'published'
          ? partitionsOf(opportunity).map((partition) => ({ Delete: { TableName, Key: opportunitySearchEntry.keys.item(opportunity.id, partitionKey(partition)) } }))
          : [];
      await transact(
        [
          {
            Update: {
              TableName,
              Key: opportunityEntity.keys.item(opportunity.id),
              UpdateExpression: 'SET #status = :closed, closedAt = :at, updatedAt = :at, GSI2PK = :listed, GSI2SK = :listedAt',
              ConditionExpression: '#status = :current',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':closed': 'closed', ':current': opportunity.status, ':at': closedAt, ...listedAs(opportunity, 'closed') },
            },
          },
          ...indexDeletes,
          ...outboxPuts(events, TableName),
        ],
        opportunity,
        'closed',
      );
      return { ...opportunity, status: 'closed', closedAt, updatedAt: closedAt };
    },

    async update(before, after, plan, events = []) {
      const TableName = tableName();
      const free = 'seatsTaken = :zero AND (attribute_not_exists(waiting) OR waiting = :zero)';
      const items: TransactItems = [
        {
          Put: {
            TableName,
            Item: opportunityItem(after),
            ConditionExpression: 'updatedAt = :seen AND #status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':seen': before.updatedAt, ':status': before.status },
          },
        },
        ...plan.keep
          .filter((k) => k.changed)
          .map(({ shift, moved }) => ({
            Update: {
              TableName,
              Key: shiftEntity.keys.item(shift.opportunityId, shift.id),
              UpdateExpression: 'SET #start = :start, #end = :end, #capacity = :capacity',
              // Capacity never below the seats taken; a shift with seats is not moved (of a published opportunity).
              ConditionExpression: `attribute_exists(PK) AND seatsTaken <= :capacity${moved && before.status === 'published' ? ` AND ${free}` : ''}`,
              ExpressionAttributeNames: { '#start': 'start', '#end': 'end', '#capacity': 'capacity' },
              ExpressionAttributeValues: {
                ':start': shift.start,
                ':end': shift.end,
                ':capacity': shift.capacity,
                ...(moved && before.status === 'published' && { ':zero': 0 }),
              },
            },
          })),
        ...plan.add.map((shift) => ({ Put: { TableName, Item: shiftItem(shift), ConditionExpression: 'attribute_not_exists(PK)' } })),
        ...plan.remove.map((shift) => ({
          Delete: { TableName, Key: shiftEntity.keys.item(shift.opportunityId, shift.id), ConditionExpression: free, ExpressionAttributeValues: { ':zero': 0 } },
        })),
      ];
      if (after.status === 'published') {
        const kept = new Set(partitionsOf(after).map(partitionKey));
        items.push(
          ...partitionsOf(before)
            .map(partitionKey)
            .filter((key) => !kept.has(key))
            .map((key) => ({ Delete: { TableName, Key: opportunitySearchEntry.keys.item(before.id, key) } })),
          ...searchItems(after, after.publishedAt ?? after.updatedAt).map((Item) => ({ Put: { TableName, Item } })),
        );
      }
      items.push(...outboxPuts(events, TableName));
      if (items.length > 100) {
        throw new RuleViolationError('shifts', `this edit touches ${items.length} items, more than one transaction holds (100): change fewer shifts at once`);
      }
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        const reasons = error instanceof TransactionCanceledException ? error.CancellationReasons ?? [] : [];
        if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
          throw new OpportunityChangedError(`opportunity ${before.id} or its seats changed meanwhile (a seat taken, another edit): read it again and retry`, { cause: error });
        }
        throw error;
      }
    },

    async listByOrganization(orgId, status, limit, rawCursor) {
      const partition = opportunityEntity.keys.organizationList(orgId);
      const cursor = rawCursor === undefined ? undefined : decodeOpaque(rawCursor, OrgListCursor);
      if (cursor && (cursor.p !== partition || (status !== undefined && !cursor.s.startsWith(`${status}#`)))) {
        throw invalidCursor('belongs to a list with other filters');
      }
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI2',
          KeyConditionExpression: status ? 'GSI2PK = :p AND begins_with(GSI2SK, :status)' : 'GSI2PK = :p',
          ExpressionAttributeValues: { ':p': partition, ...(status && { ':status': `${status}#` }) },
          ScanIndexForward: false,
          Limit: limit,
          ...(cursor && { ExclusiveStartKey: { ...opportunityEntity.keys.item(cursor.s.slice(-26)), GSI2PK: partition, GSI2SK: cursor.s } }),
        }),
      );
      const items = page.Items ?? [];
      const last = items.at(-1);
      return {
        items: items.map((item) => opportunityEntity.fromItem(item)),
        ...(page.LastEvaluatedKey && last && { nextCursor: encodeOpaque({ p: partition, s: String(last.GSI2SK) }) }),
      };
    },

    async search(plan, limit, rawCursor) {
      const partition = partitionKey(plan.partition);
      const cursor = rawCursor === undefined ? undefined : decodeCursor(rawCursor, partition, plan.from);
      const from = plan.from ?? cursor?.f ?? plan.now;
      const filter = filterExpression(plan.residual);
      const items: Item[] = [];
      let exclusiveStartKey: Item | undefined = cursor && startKey(cursor);
      let more = false;
      let read = 0;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const need = limit - items.length;
        // One more than needed tells whether another page exists. With a residual filter only
        // some of what is read matches: read ahead by the match rate seen so far on this page.
        const rate = read === 0 ? 0.2 : Math.max(items.length / read, 0.01);
        const page = await client.send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :p AND GSI1SK >= :from',
            ExpressionAttributeNames: filter?.names,
            ExpressionAttributeValues: { ':p': partition, ':from': from, ...filter?.values },
            FilterExpression: filter?.expression,
            ExclusiveStartKey: exclusiveStartKey,
            Limit: filter ? Math.min(MAX_READ, Math.max(need + 1, Math.ceil(((need + 1) / rate) * 1.25))) : need + 1,
          }),
        );
        read += page.ScannedCount ?? 0;
        items.push(...(page.Items ?? []));
        exclusiveStartKey = page.LastEvaluatedKey;
        if (items.length > limit) {
          more = true;
          break;
        }
        if (!exclusiveStartKey) break;
        if (items.length === limit) {
          more = true;
          break;
        }
      }
      const kept = items.slice(0, limit);
      const last = kept.at(-1);
      // Cut inside a read: continue after the last item returned. Short page (round budget
      // spent): continue where the reading stopped.
      const nextSort = more && last ? String(last.GSI1SK) : exclusiveStartKey ? String(exclusiveStartKey.GSI1SK) : undefined;
      return {
        items: kept.map(toSummary),
        ...(nextSort && { nextCursor: encodeCursor({ p: partition, f: from, s: nextSort }) }),
      };
    },
  };
};

/**
 * Bulk load of already-published opportunities (benchmarks, demo data): the same items that
 * create + publish write, in BatchWriteItem calls of 25 without conditions. Not for request paths.
 */
export const seedPublishedOpportunities = async (
  entries: readonly { opportunity: OpportunityRecord; shifts: readonly ShiftRecord[] }[],
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): Promise<void> => {
  const items = entries.flatMap(({ opportunity, shifts }) => {
    const publishedAt = opportunity.publishedAt ?? opportunity.createdAt;
    const published: OpportunityRecord = { ...opportunity, status: 'published', publishedAt };
    return [opportunityItem(published), ...shifts.map(shiftItem), ...searchItems(published, publishedAt)];
  });
  await batchWriteAll(client, tableName, items.map((Item) => ({ PutRequest: { Item } })));
};
