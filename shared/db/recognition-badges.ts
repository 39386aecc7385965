/**
 * A volunteer's standing and badges (the daily `awards` run): the volunteers whose standing
 * changed, their counters, organisations, months and badges, and the badge awarded or revoked
 * with its points, ledger entry and achievement in one transaction. Its own module, which the
 * recognition repository spreads, so that the daily run's bundle carries the stats and change
 * entities only, not every recognition entity's schema (issue 17).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecognitionStats } from '../domain/recognition/badges.js';
import type { EarnedBadge, RecognitionRepository } from '../domain/recognition/ports.js';
import { env } from '../env.js';
import { statusListRevocation } from './certificate-repository.js';
import { documentClient, queryAll } from './client.js';
import { changeMarker, changeMarkerKeys, RECOGNITION_SHARDS, recognitionStats } from './entities/recognition.js';
import { recognitionWrites } from './recognition-writes.js';
import type { TransactItem } from './transactions.js';

type Item = Record<string, unknown>;

export type RecognitionBadges = Pick<RecognitionRepository, 'changedVolunteers' | 'clearChange' | 'standing' | 'awardBadge' | 'revokeBadge'>;

const isStatusEntry = (value: unknown): value is { listId: string; index: number } =>
  typeof value === 'object' && value !== null && typeof (value as Item).listId === 'string' && typeof (value as Item).index === 'number';

export const recognitionBadges = (client: () => DynamoDBDocumentClient = documentClient, tableName: () => string = () => env.tableName): RecognitionBadges => {
  const { addPoints, ledgerPut, writeOnce, achievementPut } = recognitionWrites(client, tableName);
  return {
    async *changedVolunteers() {
      for (let shard = 0; shard < RECOGNITION_SHARDS; shard++) {
        let ExclusiveStartKey: Item | undefined;
        do {
          const page = await client().send(
            new QueryCommand({
              TableName: tableName(),
              KeyConditionExpression: 'PK = :pk',
              ExpressionAttributeValues: { ':pk': changeMarkerKeys.shard(shard) },
              Limit: 500,
              ...(ExclusiveStartKey && { ExclusiveStartKey }),
            }),
          );
          for (const item of page.Items ?? []) yield changeMarker.fromItem(item);
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
      }
    },

    async clearChange(volunteerId, markedAt) {
      await client()
        .send(
          new DeleteCommand({
            TableName: tableName(),
            Key: changeMarkerKeys.marker(volunteerId),
            ConditionExpression: 'markedAt = :seen',
            ExpressionAttributeValues: { ':seen': markedAt },
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },

    async standing(volunteerId) {
      const items = await queryAll(
        { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': recognitionStats.keys.standing(volunteerId) }, ConsistentRead: true },
        client(),
      );
      const { prefixes } = recognitionStats.keys;
      const statsItem = items.find((item) => item.SK === 'STATS');
      const counters = recognitionStats.fromItem(statsItem ?? {});
      const stats: RecognitionStats = {
        approvedMinutes: counters.approvedMinutes,
        professionalMinutes: counters.professionalMinutes,
        shifts: counters.shifts,
        trainings: counters.trainings,
        organizations: items.filter((item) => String(item.SK).startsWith(prefixes.org) && Number(item.minutes) > 0).length,
        activeMonths: items
          .filter((item) => String(item.SK).startsWith(prefixes.month) && Number(item.minutes) > 0)
          .map((item) => String(item.SK).slice(prefixes.month.length))
          .sort(),
      };
      const badges: EarnedBadge[] = items
        .filter((item) => String(item.SK).startsWith(prefixes.badge))
        .map((item) => ({
          badgeId: String(item.badgeId),
          version: Number(item.version),
          earnedAt: String(item.earnedAt),
          credential: typeof item.credential === 'string' ? item.credential : null,
          ...(isStatusEntry(item.statusList) && { statusList: { listId: item.statusList.listId, index: item.statusList.index } }),
          ...(typeof item.revokedAt === 'string' && { revokedAt: item.revokedAt }),
        }))
        .sort((a, b) => a.earnedAt.localeCompare(b.earnedAt));
      return { stats, points: counters.points, badges };
    },

    async awardBadge(volunteerId, earned, entry, publicAchievement) {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName(),
            Item: { ...recognitionStats.keys.badge(volunteerId, earned.badgeId), entity: 'EarnedBadge', ...earned },
            // A revoked badge may be earned again; a held one never twice.
            ConditionExpression: 'attribute_not_exists(PK) OR attribute_exists(revokedAt)',
          },
        },
        addPoints(volunteerId, entry.points),
        ledgerPut(volunteerId, entry),
      ];
      if (publicAchievement) items.push(achievementPut(publicAchievement, `${volunteerId}#${earned.badgeId}`));
      return writeOnce(items);
    },

    async revokeBadge(volunteerId, badge, at, entry) {
      return writeOnce([
        {
          Update: {
            TableName: tableName(),
            Key: recognitionStats.keys.badge(volunteerId, badge.badgeId),
            UpdateExpression: 'SET revokedAt = :at',
            // The badge as it was read: a re-earned badge's newer credential is not revoked by a stale run.
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt) AND earnedAt = :earnedAt',
            ExpressionAttributeValues: { ':at': at, ':earnedAt': badge.earnedAt },
          },
        },
        addPoints(volunteerId, entry.points),
        ledgerPut(volunteerId, entry),
        // Its credential shows revoked to any verifier (the certificates' Bitstring Status Lists).
        ...(badge.statusList ? [statusListRevocation(tableName(), badge.statusList)] : []),
      ]);
    },
  };
};
