/**
 * The volunteer of the month (the `monthly-awards` run): the organisations with approved hours in
 * the month, their nominations and leaders, the award with its points, ledger entry and
 * achievement once, and a volunteer's national total of the month. Its own module, which the
 * recognition repository spreads, so that the monthly run's bundle carries the award, nomination
 * and active-organisation entities only, not every recognition entity's schema (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwardRecord, RecognitionRepository } from '../domain/recognition/ports.js';
import { rankPrefix } from '../domain/recognition/rules.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { activeOrganization, award as awardEntity, leaderboardEntryKeys, nomination as nominationEntity, RECOGNITION_SHARDS } from './entities/recognition.js';
import { recognitionWrites } from './recognition-writes.js';
import type { TransactItem } from './transactions.js';

export type RecognitionMonthly = Pick<
  RecognitionRepository,
  'nominationOf' | 'activeOrganizations' | 'leadersOfOrganization' | 'orgMonthMinutes' | 'award' | 'awards' | 'monthTotal'
>;

export const recognitionMonthly = (client: () => DynamoDBDocumentClient = documentClient, tableName: () => string = () => env.tableName): RecognitionMonthly => {
  const { put, addPoints, ledgerPut, writeOnce, topOfBoard, achievementPut } = recognitionWrites(client, tableName);
  return {
    async nominationOf(orgId, month) {
      const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: nominationEntity.keys.item(orgId, month), ConsistentRead: true }));
      return Item ? nominationEntity.fromItem(Item) : undefined;
    },

    async *activeOrganizations(month) {
      for (let shard = 0; shard < RECOGNITION_SHARDS; shard++) {
        const items = await queryAll(
          { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': activeOrganization.keys.shard(month, shard) } },
          client(),
        );
        for (const item of items) yield activeOrganization.fromItem(item).orgId;
      }
    },

    async leadersOfOrganization(orgId, month) {
      const board = leaderboardEntryKeys.board('org', orgId, month);
      const top = (await topOfBoard(board, 1)).find((item) => Number(item.minutes) > 0);
      if (!top) return [];
      // Everyone on exactly the top total, in every rank shard (ties are broken by the rule, not by the index).
      const tied = await Promise.all(
        Array.from({ length: RECOGNITION_SHARDS }, (_, shard) =>
          queryAll(
            {
              TableName: tableName(),
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :total)',
              ExpressionAttributeValues: { ':pk': leaderboardEntryKeys.rankPartition(board, shard), ':total': rankPrefix(Number(top.minutes)) },
            },
            client(),
          ),
        ),
      );
      return tied.flat().map((item) => ({ volunteerId: String(item.volunteerId), minutes: Number(item.minutes), reachedAt: String(item.reachedAt ?? '') }));
    },

    async orgMonthMinutes(orgId, month, volunteerId) {
      const { Item } = await client().send(
        new GetCommand({ TableName: tableName(), Key: leaderboardEntryKeys.entry(volunteerId, leaderboardEntryKeys.board('org', orgId, month)), ConsistentRead: true }),
      );
      return Number(Item?.minutes ?? 0);
    },

    async award(record: AwardRecord, entry, publicAchievement) {
      const items: TransactItem[] = [
        put(awardEntity.toItem(record, awardEntity.keys.item(record.month, record.scope, record.scopeId)), 'attribute_not_exists(PK)'),
        addPoints(record.volunteerId, entry.points),
        ledgerPut(record.volunteerId, entry),
      ];
      if (publicAchievement) items.push(achievementPut(publicAchievement, `${record.month}#${record.scope}#${record.scopeId}`));
      return writeOnce(items);
    },

    async awards(month) {
      const items = await queryAll(
        { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': awardEntity.keys.month(month) } },
        client(),
      );
      return items.map((item) => awardEntity.fromItem(item));
    },

    async monthTotal(volunteerId, month) {
      const { Item } = await client().send(
        new GetCommand({ TableName: tableName(), Key: leaderboardEntryKeys.entry(volunteerId, leaderboardEntryKeys.board('national', '-', month)), ConsistentRead: true }),
      );
      return { minutes: Number(Item?.minutes ?? 0), reachedAt: String(Item?.reachedAt ?? '') };
    },
  };
};
