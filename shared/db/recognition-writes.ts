/**
 * The parts of recognition's writes that several of its stores share: the points ledger entry, the
 * points counter, the change marker, the public achievement, the once-only transaction and the
 * top of a leaderboard. Items are built from the entities' key builders and names alone (the
 * same items as the entities' toItem), so a store that writes them does not carry every
 * recognition entity's schema (issue 17). Used by recognition-repository.ts,
 * recognition-badges.ts and recognition-monthly.ts.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PublicAchievement } from '../domain/recognition/ports.js';
import type { PointsEntry } from '../domain/recognition/schema.js';
import { riyadhDate } from '../domain/time.js';
import { entityItem } from './entities/entity.js';
import {
  ACHIEVEMENT,
  achievementKeys,
  changeMarkerKeys,
  leaderboardEntryKeys,
  POINTS_ENTRY,
  pointsLedgerKeys,
  RECOGNITION_CHANGE,
  RECOGNITION_SHARDS,
  RECOGNITION_STATS,
  recognitionStatsKeys,
} from './entities/recognition.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

type Item = Record<string, unknown>;

export const contended = (attempts: number, cause: Error) => Object.assign(new Error(`recognition write still contended after ${attempts} attempts`), { cause });

export const recognitionWrites = (client: () => DynamoDBDocumentClient, tableName: () => string) => {
  const put = (Item: Item, ConditionExpression?: string): TransactItem => ({
    Put: { TableName: tableName(), Item, ...(ConditionExpression && { ConditionExpression }) },
  });
  const ledgerPut = (volunteerId: string, entry: PointsEntry): TransactItem =>
    put(entityItem(POINTS_ENTRY, entry, pointsLedgerKeys.entry(volunteerId, entry.at, entry.id)), 'attribute_not_exists(PK)');
  const addPoints = (volunteerId: string, points: number, extra: Record<string, number> = {}): TransactItem => {
    const values: Record<string, number> = { ':points': points, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`:${k}`, v])) };
    return {
      Update: {
        TableName: tableName(),
        Key: recognitionStatsKeys.stats(volunteerId),
        UpdateExpression: `SET entity = :entity ADD points :points${Object.keys(extra).map((k) => `, ${k} :${k}`).join('')}`,
        ExpressionAttributeValues: { ...values, ':entity': RECOGNITION_STATS },
      },
    };
  };
  const markChanged = (volunteerId: string, at: string): TransactItem => put(entityItem(RECOGNITION_CHANGE, { volunteerId, markedAt: at }, changeMarkerKeys.marker(volunteerId)));
  /** Commits the items; false when the first item's condition failed (the write was already done). */
  const writeOnce = async (items: TransactItem[]): Promise<boolean> => {
    const cancelled = await transactWrite(client(), items, { attempts: 8, contended });
    if (!cancelled) return true;
    if (failedAt(cancelled.CancellationReasons, 0)) return false;
    throw cancelled;
  };
  /** The top entries of a board: the 8 rank shards queried in parallel, merged by rank. */
  const topOfBoard = async (board: string, perShard: number, filter?: { expression: string; values: Record<string, unknown> }) =>
    (
      await Promise.all(
        Array.from({ length: RECOGNITION_SHARDS }, (_, shard) =>
          client().send(
            new QueryCommand({
              TableName: tableName(),
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ...(filter && { FilterExpression: filter.expression }),
              ExpressionAttributeValues: { ':pk': leaderboardEntryKeys.rankPartition(board, shard), ...filter?.values },
              ScanIndexForward: false,
              Limit: perShard,
            }),
          ),
        ),
      )
    )
      .flatMap((page) => page.Items ?? [])
      .sort((a, b) => String(b.GSI1SK).localeCompare(String(a.GSI1SK)));
  const achievementPut = (a: PublicAchievement, id: string): TransactItem => put(entityItem(ACHIEVEMENT, a, achievementKeys.item(riyadhDate(a.at), a.at, id)));
  return { put, ledgerPut, addPoints, markChanged, writeOnce, topOfBoard, achievementPut };
};
