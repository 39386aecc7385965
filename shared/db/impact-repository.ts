/**
 * The impact aggregates on the single table (entities: shared/db/entities/impact-aggregate.ts).
 * Implements the impact ports: every event is one TransactWriteItems (its marker + the counter
 * ADDs + the state it moves), and every view reads a few Queries.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity } from '../domain/impact/activity.js';
import type { AggregateScope, CounterUpdate, HoursEntry } from '../domain/impact/aggregates.js';
import type { Month } from '../domain/impact/months.js';
import type { AggregateStore, CommitOutcome, HoursLedger, ScopeCounters, TargetStore } from '../domain/impact/ports.js';
import { toHalalas } from '../domain/impact/aggregates.js';
import { hoursRecord } from './entities/hours-record.js';
import type { ReportDirectory, SnapshotStore } from '../domain/impact/monthly.js';
import { organizationReads } from './organization-reads.js';
import { volunteerDepartmentKeys } from './entities/volunteer-department.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import {
  appliedEvent,
  impactAggregate,
  impactSnapshot,
  impactHoursEntry,
  nationalShardOf,
  parseAggregateSortKey,
  nationalTarget,
  shiftAttendance,
  volunteerActivity,
} from './entities/impact-aggregate.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';
import { AggregateContendedError } from '../domain/impact/errors.js';

const APPLIED_RETENTION_SECONDS = 400 * 24 * 60 * 60;

/** Counts of requests, for the benchmark (DynamoDB writes per event). */
export interface WriteStats {
  transactions: number;
  transactItems: number;
  reads: number;
  conflicts: number;
  /** Items of the batch transactions by kind (attempted, committed or not). */
  entries: number;
  activities: number;
  shifts: number;
  /** counter items after merging the chunk's updates per item */
  counterItems: number;
  /** counter updates of the events before merging (one ADD per counter item per event) */
  counterUpdates: number;
}

export const impactRepository = (
  client: () => DynamoDBDocumentClient = documentClient,
  tableName: () => string = () => env.tableName,
  stats?: WriteStats,
): AggregateStore & TargetStore => {
  const counterUpdate = (update: CounterUpdate, volunteerShard: number): TransactItem =>
    counterUpdateAt({ ...update, key: impactAggregate.keys.item(update.scope, update.period, volunteerShard) }, update.add);

  const counterUpdateAt = (update: CounterUpdate & { key?: { PK: string; SK: string } }, add: Readonly<Record<string, number>>, shard = 0): TransactItem => {
    const names: Record<string, string> = { '#entity': 'entity' };
    const values: Record<string, unknown> = { ':entity': impactAggregate.name };
    const adds = Object.entries(add).map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      return `#a${i} :a${i}`;
    });
    return {
      Update: {
        TableName: tableName(),
        Key: update.key ?? impactAggregate.keys.item(update.scope, update.period, shard),
        UpdateExpression: `SET #entity = if_not_exists(#entity, :entity) ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  };

  const activityPut = (volunteerId: string, activity: Activity): TransactItem => ({
    Put: {
      TableName: tableName(),
      Item: volunteerActivity.toItem({ volunteerId, months: activity.months as Record<string, Record<string, number>>, version: activity.version + 1 }, volunteerActivity.keys.item(volunteerId)),
      ConditionExpression: activity.version === 0 ? 'attribute_not_exists(PK)' : 'version = :seen',
      ...(activity.version !== 0 && { ExpressionAttributeValues: { ':seen': activity.version } }),
    },
  });

  const send = async (items: TransactItem[]) => {
    if (stats) {
      stats.transactions += 1;
      stats.transactItems += items.length;
    }
    return transactWrite(client(), items, {
      attempts: 10,
      contended: (attempts, cause) => new AggregateContendedError(`impact aggregates contended after ${attempts} attempts`, { cause }),
      onRetry: () => {
        if (stats) stats.conflicts += 1;
      },
    });
  };

  const batchGet = async (keys: Record<string, string>[]): Promise<Record<string, unknown>[]> => {
    if (stats) stats.reads += 1;
    const { Responses, UnprocessedKeys } = await client().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
    let items = Responses?.[tableName()] ?? [];
    let pending = UnprocessedKeys?.[tableName()]?.Keys;
    while (pending && pending.length > 0) {
      const again = await client().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }));
      items = [...items, ...(again.Responses?.[tableName()] ?? [])];
      pending = again.UnprocessedKeys?.[tableName()]?.Keys;
    }
    return items;
  };

  const find = (items: Record<string, unknown>[], key: { PK: string; SK: string }) => items.find((i) => i.PK === key.PK && i.SK === key.SK);

  const activityOf = (item: Record<string, unknown> | undefined): Activity => {
    if (!item) return { months: {}, version: 0 };
    const record = volunteerActivity.fromItem(item);
    return { months: record.months, version: record.version };
  };

  const shiftUpdate = (shiftId: string, delta: 1 | -1, condition: string): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: shiftAttendance.keys.item(shiftId),
      UpdateExpression: 'SET #entity = if_not_exists(#entity, :entity) ADD n :delta',
      ConditionExpression: condition,
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: { ':entity': shiftAttendance.name, ':delta': delta, ...(condition.includes(':zero') && { ':zero': 0 }), ...(condition.includes(':one') && { ':one': 1 }) },
    },
  });

  const entryItem = (entry: HoursEntry, eventId: string) => {
    const { reversalIds, ...rest } = entry;
    return impactHoursEntry.toItem(
      { ...rest, causes: [...rest.causes], reversalIds: [], eventId },
      impactHoursEntry.keys.item(entry.orgId, entry.month, entry.hoursId),
      reversalIds.length > 0 ? { reversalIds: new Set(reversalIds) } : {},
    );
  };

  const withoutEmptyReversals = (item: Record<string, unknown>) => {
    if (Array.isArray(item.reversalIds) && item.reversalIds.length === 0) delete item.reversalIds;
    return item;
  };

  /**
   * One Query: a city's or an organisation's months (and TOTAL), or the nation's (every shard,
   * summed, under '') or every region's (by region id): their partitions hold each month's
   * shards or regions next to each other.
   */
  const readCounters = async (scope: AggregateScope, from: Month, to: Month | undefined, names?: readonly string[]): Promise<Map<string, ScopeCounters>> => {
    const shared = scope.kind === 'national' || scope.kind === 'region';
    const projected = names ? ['SK', ...names] : undefined;
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        // Only the counters asked for: what DynamoDB returns (and the SDK unmarshals) shrinks with them.
        ...(projected && {
          ProjectionExpression: projected.map((_, i) => `#p${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(projected.map((name, i) => [`#p${i}`, name])),
        }),
        ExpressionAttributeValues: {
          ':pk': impactAggregate.keys.partition(scope),
          ':from': impactAggregate.keys.month(from),
          // `TOTAL` sorts after every `M#…`: without `to`, every month from `from` and the total.
          ':to': shared ? impactAggregate.keys.last(to ?? 'TOTAL') : to === undefined ? impactAggregate.keys.total : impactAggregate.keys.month(to),
        },
      },
      client(),
    );
    const out = new Map<string, { months: Map<Month, Record<string, number>>; total: Record<string, number> }>();
    for (const item of items) {
      const { period, member } = parseAggregateSortKey(String(item.SK));
      const key = scope.kind === 'region' ? (member ?? '') : '';
      const counters = out.get(key) ?? out.set(key, { months: new Map(), total: {} }).get(key)!;
      const target = period === 'TOTAL' ? counters.total : (counters.months.get(period) ?? counters.months.set(period, {}).get(period)!);
      for (const [name, value] of Object.entries(item)) {
        if (typeof value === 'number' && name !== 'expiresAt') target[name] = (target[name] ?? 0) + value;
      }
    }
    return out;
  };

  return {
    async loadForApproval(volunteerId, shiftId) {
      const activityKey = volunteerActivity.keys.item(volunteerId);
      const shiftKey = shiftId ? shiftAttendance.keys.item(shiftId) : undefined;
      const items = await batchGet(shiftKey ? [activityKey, shiftKey] : [activityKey]);
      const shift = shiftKey ? find(items, shiftKey) : undefined;
      return { activity: activityOf(find(items, activityKey)), shiftAttendances: Number(shift?.n ?? 0) };
    },

    async commitApproval({ eventId, entry, activity, shift, updates }) {
      const shard = nationalShardOf(entry.volunteerId);
      const items: TransactItem[] = [
        { Put: { TableName: tableName(), Item: withoutEmptyReversals(entryItem(entry, eventId)), ConditionExpression: 'attribute_not_exists(PK)' } },
        activityPut(entry.volunteerId, activity),
        ...(shift ? [shiftUpdate(shift.shiftId, 1, shift.first ? 'attribute_not_exists(n) OR n = :zero' : 'n > :zero')] : []),
        ...updates.map((u) => counterUpdate(u, shard)),
      ];
      const cancelled = await send(items);
      if (!cancelled) return 'applied';
      if (failedAt(cancelled.CancellationReasons, 0)) return 'duplicate';
      return 'stale' satisfies CommitOutcome;
    },

    async loadMany(volunteerIds, shiftIds) {
      const keys = [...volunteerIds.map((id) => volunteerActivity.keys.item(id)), ...shiftIds.map((id) => shiftAttendance.keys.item(id))];
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < keys.length; i += 100) items.push(...(await batchGet(keys.slice(i, i + 100))));
      const byKey = new Map(items.map((item) => [`${String(item.PK)}|${String(item.SK)}`, item]));
      const at = (key: { PK: string; SK: string }) => byKey.get(`${key.PK}|${key.SK}`);
      return {
        activities: new Map(volunteerIds.map((id) => [id, activityOf(at(volunteerActivity.keys.item(id)))])),
        shiftAttendances: new Map(shiftIds.map((id) => [id, Number(at(shiftAttendance.keys.item(id))?.n ?? 0)])),
      };
    },

    async commitApprovalBatch({ events, activities, shifts }) {
      const merged = new Map<string, { key: { PK: string; SK: string }; update: CounterUpdate; add: Record<string, number> }>();
      for (const { entry, updates } of events) {
        const shard = nationalShardOf(entry.volunteerId);
        for (const update of updates) {
          const key = impactAggregate.keys.item(update.scope, update.period, shard);
          const id = `${key.PK}|${key.SK}`;
          const target = merged.get(id) ?? merged.set(id, { key, update, add: {} }).get(id)!;
          for (const [name, value] of Object.entries(update.add)) target.add[name] = (target.add[name] ?? 0) + value;
        }
      }
      const items: TransactItem[] = [
        ...events.map(({ eventId, entry }) => ({
          Put: { TableName: tableName(), Item: withoutEmptyReversals(entryItem(entry, eventId)), ConditionExpression: 'attribute_not_exists(PK)' },
        })),
        ...[...activities].map(([volunteerId, activity]) => activityPut(volunteerId, activity)),
        ...[...shifts].map(([shiftId, { added, wasZero }]) => ({
          Update: {
            TableName: tableName(),
            Key: shiftAttendance.keys.item(shiftId),
            UpdateExpression: 'SET #entity = if_not_exists(#entity, :entity) ADD n :delta',
            ConditionExpression: wasZero ? 'attribute_not_exists(n) OR n = :zero' : 'n > :zero',
            ExpressionAttributeNames: { '#entity': 'entity' },
            ExpressionAttributeValues: { ':entity': shiftAttendance.name, ':delta': added, ':zero': 0 },
          },
        })),
        ...[...merged.values()].map(({ key, update, add }) => {
          const nonZero = Object.fromEntries(Object.entries(add).filter(([, v]) => v !== 0));
          return Object.keys(nonZero).length > 0 ? counterUpdateAt({ ...update, key }, nonZero) : undefined;
        }).filter((item): item is TransactItem => item !== undefined),
      ];
      if (stats) {
        stats.entries += events.length;
        stats.activities += activities.size;
        stats.shifts += shifts.size;
        stats.counterItems += items.length - events.length - activities.size - shifts.size;
        stats.counterUpdates += events.reduce((n, e) => n + e.updates.length, 0);
      }
      const cancelled = await send(items);
      if (!cancelled) return 'applied';
      // The entries come first: a failed entry condition is an event applied before.
      return { duplicates: events.flatMap(({ eventId }, i) => (failedAt(cancelled.CancellationReasons, i) ? [eventId] : [])) };
    },

    async appliedEntries(entries) {
      const keys = entries.map((e) => impactHoursEntry.keys.item(e.orgId, e.month, e.hoursId));
      const found = new Set<string>();
      for (let i = 0; i < keys.length; i += 100) for (const item of await batchGet(keys.slice(i, i + 100))) found.add(String(item.SK));
      return found;
    },

    async loadForReversal(orgId, month, hoursId) {
      const entryKey = impactHoursEntry.keys.item(orgId, month, hoursId);
      const [entryItemRead] = await batchGet([entryKey]);
      if (!entryItemRead) return { entry: undefined, activity: { months: {}, version: 0 }, shiftAttendances: 0 };
      const entry = impactHoursEntry.fromItem(entryItemRead);
      const activityKey = volunteerActivity.keys.item(entry.volunteerId);
      const shiftKey = entry.shiftId ? shiftAttendance.keys.item(entry.shiftId) : undefined;
      const items = await batchGet(shiftKey ? [activityKey, shiftKey] : [activityKey]);
      const { eventId: _eventId, shiftId, ...rest } = entry;
      return {
        entry: { ...rest, ...(shiftId && { shiftId }) },
        activity: activityOf(find(items, activityKey)),
        shiftAttendances: Number((shiftKey ? find(items, shiftKey) : undefined)?.n ?? 0),
      };
    },

    async commitReversal({ eventId, reversalId, before, entry, activity, shift, updates }) {
      const shard = nationalShardOf(entry.volunteerId);
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName(),
            Key: impactHoursEntry.keys.item(entry.orgId, entry.month, entry.hoursId),
            UpdateExpression: 'SET minutes = :minutes, valueHalalas = :value, lastEventId = :eventId ADD reversalIds :rid',
            ConditionExpression: 'attribute_exists(PK) AND minutes = :seen AND NOT contains(reversalIds, :ridText)',
            ExpressionAttributeValues: {
              ':minutes': entry.minutes,
              ':value': entry.valueHalalas,
              ':eventId': eventId,
              ':rid': new Set([reversalId]),
              ':ridText': reversalId,
              ':seen': before.minutes,
            },
          },
        },
        activityPut(entry.volunteerId, activity),
        ...(shift?.emptied ? [shiftUpdate(shift.shiftId, -1, shift.last ? 'n = :one' : 'n > :one')] : []),
        ...updates.map((u) => counterUpdate(u, shard)),
      ];
      const cancelled = await send(items);
      if (!cancelled) return 'applied';
      // The entry moved (another reversal) or the activity/shift did: read again; a repeated
      // reversal is recognised on the next read by its id.
      return 'stale';
    },

    async commitCounters(eventId, type, updates) {
      const now = new Date();
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName(),
            Item: appliedEvent.toItem({ eventId, type, appliedAt: now.toISOString() }, appliedEvent.keys.item(eventId), {
              expiresAt: Math.floor(now.getTime() / 1000) + APPLIED_RETENTION_SECONDS,
            }),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        // Registrations and departments are spread over the national shards by event id.
        ...updates.map((u) => counterUpdate(u, nationalShardOf(eventId))),
      ];
      const cancelled = await send(items);
      return cancelled ? 'duplicate' : 'applied';
    },

    async counters(scope, from, to, names) {
      return (await readCounters(scope, from, to, names)).get(scope.kind === 'region' ? scope.id : '') ?? { months: new Map(), total: {} };
    },

    async regionCounters(from, to, names) {
      return readCounters({ kind: 'region', id: '' }, from, to, names);
    },

    async ledger(orgId, month) {
      const items = await queryAll(
        { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': impactHoursEntry.keys.ledger(orgId, month) } },
        client(),
      );
      return items.map((item) => {
        const { eventId: _eventId, shiftId, ...rest } = impactHoursEntry.fromItem(item);
        return { ...rest, ...(shiftId && { shiftId }) };
      });
    },

    async put(target) {
      await client().send(
        new PutCommand({
          TableName: tableName(),
          Item: nationalTarget.toItem(target, nationalTarget.keys.item(target.effectiveFrom, target.setAt)),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    async inForce(day) {
      const { Items } = await client().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND SK <= :day',
          ExpressionAttributeValues: { ':pk': nationalTarget.keys.partition, ':day': `${day}#~` },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      return Items?.[0] ? nationalTarget.fromItem(Items[0]) : undefined;
    },

    async history() {
      const items = await queryAll(
        { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': nationalTarget.keys.partition } },
        client(),
      );
      return items.map((item) => nationalTarget.fromItem(item));
    },
  };
};

/** Reads one aggregate item as stored (tests, reconciliation). */
export const readAggregateItem = async (scope: AggregateScope, period: Month | 'TOTAL', shard = 0, client: DynamoDBDocumentClient = documentClient()) =>
  (await client.send(new GetCommand({ TableName: env.tableName, Key: impactAggregate.keys.item(scope, period, shard) }))).Item;

/** Frozen monthly snapshots (written once). */
export const impactReportStore = (client: () => DynamoDBDocumentClient = documentClient, tableName: () => string = () => env.tableName): SnapshotStore => {
  return {
    async freeze(month, key, report, at) {
      const Key = key === 'NATIONAL' ? impactSnapshot.keys.national(month) : impactSnapshot.keys.organization(month, key.replace(/^org:/, ''));
      try {
        await client().send(
          new PutCommand({
            TableName: tableName(),
            Item: impactSnapshot.toItem({ month, scope: key, frozenAt: at.toISOString(), report }, Key),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return { report, created: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }));
        return { report: impactSnapshot.fromItem(Item!).report as typeof report, created: false };
      }
    },
  };
};

/**
 * The hours area's records of an organisation-month, as the reconciliation reads them: its
 * `approved` and `reversed` queues (GSI2, by `updatedAt`), from the day before the month began
 * (a record is decided after the day it counts for; Riyadh days start at 21:00 UTC the day
 * before), kept when their Riyadh `date` is in the month. A daily job on a sample: never on a
 * request path.
 */
export const impactHoursLedger = (client: () => DynamoDBDocumentClient = documentClient, tableName: () => string = () => env.tableName): HoursLedger => ({
  async entries(orgId, month) {
    const since = new Date(Date.parse(`${month}-01T00:00:00.000Z`) - 86_400_000).toISOString();
    const entries: HoursEntry[] = [];
    let latestChange: string | undefined;
    for (const status of ['approved', 'reversed'] as const) {
      const items = await queryAll(
        {
          TableName: tableName(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK >= :since',
          ExpressionAttributeValues: { ':pk': hoursRecord.keys.organizationPartition(orgId, status), ':since': since },
        },
        client(),
      );
      for (const record of items.map((item) => hoursRecord.fromItem(item))) {
        if (!record.date.startsWith(month)) continue;
        if (!latestChange || record.updatedAt > latestChange) latestChange = record.updatedAt;
        // A reversal takes everything back (HoursReversed carries the record's minutes); one of 0 minutes was never applied.
        const reversed = record.status === 'reversed' && record.minutes > 0;
        entries.push({
          hoursId: record.id,
          volunteerId: record.volunteerId,
          orgId: record.orgId,
          ...(record.shiftId && { shiftId: record.shiftId }),
          kind: record.kind,
          month,
          region: record.region,
          city: record.city,
          track: record.track,
          causes: record.causes,
          minutes: reversed ? 0 : record.minutes,
          valueHalalas: reversed ? 0 : toHalalas(record.valueSar ?? 0),
          reversalIds: reversed && record.reversal ? [record.reversal.reversalId] : [],
          ...(record.disputeOf && { disputeOf: record.disputeOf }),
        });
      }
    }
    return { entries, ...(latestChange && { latestChange }) };
  },
});

/** Who receives the monthly reports: organisations with a department (GSI1 DEPARTMENTS) and the ministry's addresses. */
export const impactReportDirectory = (client: () => DynamoDBDocumentClient = documentClient, tableName: () => string = () => env.tableName): ReportDirectory => ({
  async organizations() {
    const departments = await queryAll(
      { TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': volunteerDepartmentKeys.all } },
      client(),
    );
    const orgs = organizationReads(client(), tableName);
    const out: { orgId: string; nameAr: string; nameEn: string; email: string }[] = [];
    for (const item of departments) {
      const org = await orgs.get(String(item.orgId));
      if (org) out.push({ orgId: org.id, nameAr: org.nameAr, nameEn: org.nameEn, email: org.contactEmail });
    }
    return out;
  },
  ministry: () => (process.env.MINISTRY_REPORTS_EMAIL ?? process.env.MINISTRY_REVIEWERS_EMAIL ?? 'ministry-reports@tatawwu.sa').split(',').map((a) => a.trim()).filter(Boolean),
});
