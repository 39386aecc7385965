/**
 * Company contributions in the single table (entities/company-contribution.ts): each event is
 * one transaction — the ledger entry (its condition makes a redelivery a `duplicate`), the
 * employee's activity (its version makes a concurrent change `stale`, retried by the domain)
 * and ADDs on the month counters of the volunteer's shard.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContributionEntry, ContributionStore, MonthUpdate } from '../domain/companies/contributions.js';
import type { Activity } from '../domain/impact/activity.js';
import type { Month } from '../domain/impact/months.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { CONTRIBUTION_SHARDS, contributionActivity, contributionEntry, contributionMonth, contributionPointer } from './entities/company-contribution.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

const stored = (entry: ContributionEntry) => ({ ...entry, causes: [...entry.causes], reversalIds: [...entry.reversalIds] });

const shardOf = (volunteerId: string): number => {
  let h = 0;
  for (const ch of volunteerId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % CONTRIBUTION_SHARDS;
};

export const companyContributionRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): ContributionStore & { months(companyId: string, from: Month, to: Month): Promise<Map<Month, Record<string, number>>> } => {
  const get = async (Key: Record<string, unknown>) => (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;

  const counters = (companyId: string, volunteerId: string, updates: readonly MonthUpdate[]): TransactItem[] =>
    updates.map((u) => {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':e': contributionMonth.name };
      const adds = Object.entries(u.add).map(([name, value], i) => {
        names[`#n${i}`] = name;
        values[`:v${i}`] = value;
        return `#n${i} :v${i}`;
      });
      return {
        Update: {
          TableName: tableName(),
          Key: contributionMonth.keys.item(companyId, u.month, shardOf(volunteerId)),
          UpdateExpression: `ADD ${adds.join(', ')} SET entity = :e`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
    });

  const activityPut = (companyId: string, volunteerId: string, activity: Activity): TransactItem => ({
    Put: {
      TableName: tableName(),
      Item: contributionActivity.toItem({ months: activity.months as Record<string, Record<string, number>>, version: activity.version + 1 }, contributionActivity.keys.item(companyId, volunteerId)),
      ConditionExpression: activity.version === 0 ? 'attribute_not_exists(PK)' : 'version = :v',
      ...(activity.version !== 0 && { ExpressionAttributeValues: { ':v': activity.version } }),
    },
  });

  const commit = async (items: TransactItem[], what: string) =>
    (await transactWrite(client, items, { attempts: 6, contended: (n, cause) => new Error(`${what}: contended after ${n} attempts`, { cause }) }))?.CancellationReasons;

  /** The ledger entry, written under `condition` (absent for an approval, as read for a reversal). */
  const entryPut = (entry: ContributionEntry, condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> }): TransactItem => ({
    Put: { TableName: tableName(), Item: contributionEntry.toItem(stored(entry), contributionEntry.keys.item(entry.companyId, entry.hoursId)), ...condition },
  });
  /** What follows an entry in its transaction: the employee's activity (versioned) and the month counters. */
  const followers = (entry: ContributionEntry, activity: Activity, updates: readonly MonthUpdate[]): TransactItem[] => [
    activityPut(entry.companyId, entry.volunteerId, activity),
    ...counters(entry.companyId, entry.volunteerId, updates),
  ];

  return {
    async companyOf(hoursId) {
      const item = await get(contributionPointer.keys.item(hoursId));
      return item ? contributionPointer.fromItem(item).companyId : undefined;
    },

    async entry(companyId, hoursId) {
      const item = await get(contributionEntry.keys.item(companyId, hoursId));
      return item ? contributionEntry.fromItem(item) : undefined;
    },

    async activity(companyId, volunteerId) {
      const item = await get(contributionActivity.keys.item(companyId, volunteerId));
      return item ? contributionActivity.fromItem(item) : { months: {}, version: 0 };
    },

    async commitApproval({ entry, activity, updates }) {
      const TableName = tableName();
      const reasons = await commit(
        [
          entryPut(entry, { ConditionExpression: 'attribute_not_exists(PK)' }),
          { Put: { TableName, Item: contributionPointer.toItem({ companyId: entry.companyId }, contributionPointer.keys.item(entry.hoursId)) } },
          ...followers(entry, activity, updates),
        ],
        `contribution of hours ${entry.hoursId}`,
      );
      if (!reasons) return 'applied';
      if (failedAt(reasons, 0)) return 'duplicate';
      if (failedAt(reasons, 2)) return 'stale';
      throw new Error(`contribution of hours ${entry.hoursId} was refused: ${JSON.stringify(reasons)}`);
    },

    async commitReversal({ before, entry, activity, updates }) {
      const reasons = await commit(
        [
          entryPut(entry, { ConditionExpression: 'minutes = :m AND size(reversalIds) = :r', ExpressionAttributeValues: { ':m': before.minutes, ':r': before.reversalIds.length } }),
          ...followers(entry, activity, updates),
        ],
        `reversal of hours ${entry.hoursId}`,
      );
      if (!reasons) return 'applied';
      if (failedAt(reasons, 0) || failedAt(reasons, 1)) return 'stale';
      throw new Error(`reversal of hours ${entry.hoursId} was refused: ${JSON.stringify(reasons)}`);
    },

    async ledger(companyId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': contributionEntry.keys.partition(companyId), ':prefix': contributionEntry.keys.prefix },
        },
        client,
      );
      return items.map((item): ContributionEntry => contributionEntry.fromItem(item));
    },

    async months(companyId, from, to) {
      const out = new Map<Month, Record<string, number>>();
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': contributionEntry.keys.partition(companyId), ':from': contributionMonth.keys.month(from), ':to': contributionMonth.keys.afterMonth(to) },
            ...(ExclusiveStartKey && { ExclusiveStartKey }),
          }),
        );
        for (const item of page.Items ?? []) {
          const month = String(item.SK).split('#')[1]!;
          const sum = out.get(month) ?? {};
          for (const [k, v] of Object.entries(contributionMonth.fromItem(item))) if (typeof v === 'number') sum[k] = (sum[k] ?? 0) + v;
          out.set(month, sum);
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return out;
    },
  };
};
