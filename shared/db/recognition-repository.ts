/** Recognition in the single table (entities in shared/db/entities/recognition.ts); invariants are conditions. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { RedemptionRefusedError, RewardUnavailableError } from '../domain/recognition/errors.js';
import type { PublicAchievement, RecognitionRepository, RewardRecord } from '../domain/recognition/ports.js';
import { rankKey } from '../domain/recognition/rules.js';
import { addDays, riyadhDate } from '../domain/time.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import {
  achievement,
  activeOrganization,
  appliedHours,
  leaderboardEntry,
  nomination as nominationEntity,
  pointsLedger,
  recognitionStats,
  redemption as redemptionEntity,
  reward as rewardEntity,
} from './entities/recognition.js';
import { recognitionBadges } from './recognition-badges.js';
import { recognitionHonours } from './recognition-honours.js';
import { recognitionMonthly } from './recognition-monthly.js';
import { contended, recognitionWrites } from './recognition-writes.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

const LedgerCursor = /* @__PURE__ */ z.strictObject({ PK: /* @__PURE__ */ z.string(), SK: /* @__PURE__ */ z.string() });
const AchievementCursor = /* @__PURE__ */ z.strictObject({ day: /* @__PURE__ */ z.iso.date(), key: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject({ PK: /* @__PURE__ */ z.string(), SK: /* @__PURE__ */ z.string() })) });

/**
 * What counting approved and reversed hours reads and writes (consumers/recognition-hours): the
 * applied-hours marker, the points, minutes and change marker in one transaction, and the
 * leaderboards. Its own factory so that the consumer's bundle carries none of the rewards,
 * redemptions, achievements or nominations (issue 17); the repository spreads it.
 */
export const recognitionHoursStore = (
  client: () => DynamoDBDocumentClient = documentClient,
  tableName: () => string = () => env.tableName,
): Pick<RecognitionRepository, 'appliedHours' | 'applyHours' | 'updateLeaderboards'> => {
  const { put, ledgerPut, addPoints, markChanged, writeOnce } = recognitionWrites(client, tableName);
  const addMinutes = (key: { PK: string; SK: string }, minutes: number): TransactItem => ({
    Update: { TableName: tableName(), Key: key, UpdateExpression: 'SET entity = :entity ADD minutes :m', ExpressionAttributeValues: { ':m': minutes, ':entity': 'RecognitionMinutes' } },
  });
  return {
    async appliedHours(hoursId) {
      const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: appliedHours.keys.approved(hoursId), ConsistentRead: true }));
      return Item ? appliedHours.fromItem(Item) : undefined;
    },

    async applyHours(change, entry) {
      const marker = change.reversal ? appliedHours.keys.reversed(change.hoursId) : appliedHours.keys.approved(change.hoursId);
      const record = {
        hoursId: change.hoursId,
        minutes: change.minutes,
        professionalMinutes: change.professionalMinutes,
        shifts: change.shifts,
        points: change.points,
        city: change.city,
        month: change.month,
        year: change.year,
      };
      const items: TransactItem[] = [
        put(appliedHours.toItem(record, marker, { eventId: change.eventId }), 'attribute_not_exists(PK)'),
        addPoints(change.volunteerId, change.points, {
          approvedMinutes: change.minutes,
          professionalMinutes: change.professionalMinutes,
          shifts: change.shifts,
        }),
        addMinutes(recognitionStats.keys.orgMinutes(change.volunteerId, change.orgId), change.minutes),
        addMinutes(recognitionStats.keys.monthMinutes(change.volunteerId, change.month), change.minutes),
        markChanged(change.volunteerId, change.at),
        put(activeOrganization.toItem({ orgId: change.orgId, month: change.month }, activeOrganization.keys.item(change.month, change.orgId))),
      ];
      if (entry.points !== 0) items.push(ledgerPut(change.volunteerId, entry));
      return writeOnce(items);
    },

    async updateLeaderboards(change, shownAs) {
      const boards = [
        leaderboardEntry.keys.board('national', '-', change.month),
        leaderboardEntry.keys.board('national', '-', change.year),
        leaderboardEntry.keys.board('city', change.city, change.month),
        leaderboardEntry.keys.board('city', change.city, change.year),
        leaderboardEntry.keys.board('org', change.orgId, change.month),
        leaderboardEntry.keys.board('org', change.orgId, change.year),
      ];
      const applied = `${change.reversal ? '-' : '+'}${change.hoursId}`;
      await Promise.all(
        boards.map(async (board) => {
          const key = leaderboardEntry.keys.entry(change.volunteerId, board);
          let minutes: number;
          try {
            const { Attributes } = await client().send(
              new UpdateCommand({
                TableName: tableName(),
                Key: key,
                // `applied` holds the changes already counted: a redelivery adds nothing.
                UpdateExpression: 'SET entity = :entity, volunteerId = :v, reachedAt = :at, board = :board ADD minutes :m, applied :applied',
                ConditionExpression: 'attribute_not_exists(applied) OR NOT contains(applied, :one)',
                ExpressionAttributeValues: {
                  ':entity': leaderboardEntry.name,
                  ':v': change.volunteerId,
                  ':at': change.at,
                  ':board': board,
                  ':m': change.minutes,
                  ':applied': new Set([applied]),
                  ':one': applied,
                },
                ReturnValues: 'ALL_NEW',
              }),
            );
            minutes = Number(Attributes?.minutes ?? 0);
          } catch (error) {
            if (error instanceof ConditionalCheckFailedException) return;
            throw error;
          }
          const rank = leaderboardEntry.keys.rank(board, change.volunteerId, rankKey(minutes, change.at));
          // Rank on GSI1; only the writer that saw this total sets it, so concurrent changes end on the last total.
          await client()
            .send(
              new UpdateCommand({
                TableName: tableName(),
                Key: key,
                UpdateExpression: shownAs ? 'SET GSI1PK = :pk, GSI1SK = :sk, displayName = :name' : 'SET GSI1PK = :pk, GSI1SK = :sk REMOVE displayName',
                ConditionExpression: 'minutes = :minutes',
                ExpressionAttributeValues: {
                  ':pk': rank.GSI1PK,
                  ':sk': rank.GSI1SK,
                  ':minutes': minutes,
                  ...(shownAs && { ':name': shownAs }),
                },
              }),
            )
            .catch((error: unknown) => {
              if (!(error instanceof ConditionalCheckFailedException)) throw error;
            });
        }),
      );
    },
  };
};

/** What counting a completed training writes (consumers/recognition-training): the count, once per module, and the change marker (issue 17). */
export const recognitionTrainingStore = (
  client: () => DynamoDBDocumentClient = documentClient,
  tableName: () => string = () => env.tableName,
): Pick<RecognitionRepository, 'applyTraining'> => {
  const { put, addPoints, markChanged, writeOnce } = recognitionWrites(client, tableName);
  return {
    async applyTraining(volunteerId, trainingId, at) {
      return writeOnce([
        put({ ...recognitionStats.keys.training(volunteerId, trainingId), entity: 'RecognizedTraining', trainingId, at }, 'attribute_not_exists(PK)'),
        addPoints(volunteerId, 0, { trainings: 1 }),
        markChanged(volunteerId, at),
      ]);
    },
  };
};

export const recognitionRepository = (
  client: () => DynamoDBDocumentClient = documentClient,
  tableName: () => string = () => env.tableName,
): RecognitionRepository => {
  const { put, ledgerPut, topOfBoard } = recognitionWrites(client, tableName);
  return {
    ...recognitionHoursStore(client, tableName),
    ...recognitionHonours(client, tableName),
    ...recognitionBadges(client, tableName),
    ...recognitionMonthly(client, tableName),

    ...recognitionTrainingStore(client, tableName),

    async points(volunteerId, limit, cursor) {
      const [{ Item: stats }, page] = await Promise.all([
        client().send(new GetCommand({ TableName: tableName(), Key: recognitionStats.keys.stats(volunteerId) })),
        client().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': pointsLedger.keys.partition(volunteerId) },
            ScanIndexForward: false,
            Limit: limit,
            ...(cursor && { ExclusiveStartKey: decodeCursor(cursor, LedgerCursor) }),
          }),
        ),
      ]);
      return {
        balance: Number(stats?.points ?? 0),
        items: (page.Items ?? []).map((item) => pointsLedger.fromItem(item)),
        ...(page.LastEvaluatedKey && { nextCursor: encodeCursor(page.LastEvaluatedKey) }),
      };
    },

    async achievements(limit, cursor, now) {
      // Newest first, day by day (one partition per Riyadh day), over the last 60 days.
      const start = cursor ? decodeCursor(cursor, AchievementCursor) : { day: riyadhDate(now) };
      const items: PublicAchievement[] = [];
      let day = start.day;
      let key = start.key;
      const oldest = addDays(riyadhDate(now), -60);
      while (items.length < limit && day >= oldest) {
        const page = await client().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': achievement.keys.day(day) },
            ScanIndexForward: false,
            Limit: limit - items.length,
            ...(key && { ExclusiveStartKey: key }),
          }),
        );
        items.push(...(page.Items ?? []).map((item) => achievement.fromItem(item)));
        if (page.LastEvaluatedKey) {
          key = { PK: String(page.LastEvaluatedKey.PK), SK: String(page.LastEvaluatedKey.SK) };
          if (items.length >= limit) return { items, nextCursor: encodeCursor({ day, key }) };
        } else {
          key = undefined;
          day = addDays(day, -1);
        }
      }
      return { items, ...(items.length >= limit && day >= oldest && { nextCursor: encodeCursor({ day }) }) };
    },

    async leaderboard(scope, id, period, limit) {
      // Hidden volunteers (minors, opt-outs) stay ranked for awards but are never shown.
      const rows = await topOfBoard(leaderboardEntry.keys.board(scope, id, period), limit * 2, {
        expression: 'attribute_exists(displayName) AND minutes > :zero',
        values: { ':zero': 0 },
      });
      return rows.slice(0, limit).map((item) => ({ displayName: String(item.displayName), minutes: Number(item.minutes) }));
    },

    async nominate(orgId, nomination, by, at) {
      await client().send(new PutCommand({ TableName: tableName(), Item: nominationEntity.toItem({ ...nomination, by, at }, nominationEntity.keys.item(orgId, nomination.month)) }));
    },

    async createReward(record: RewardRecord) {
      await client().send(
        new PutCommand({
          TableName: tableName(),
          Item: rewardEntity.toItem(record, { ...rewardEntity.keys.item(record.id), ...rewardEntity.keys.catalogue(record.validUntil, record.id) }),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    async rewards(now) {
      const items = await queryAll(
        {
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :now',
          ExpressionAttributeValues: { ':pk': rewardEntity.keys.cataloguePartition, ':now': now.toISOString() },
        },
        client(),
      );
      return items.map((item) => rewardEntity.fromItem(item)).filter((r) => r.validFrom <= now.toISOString());
    },

    async reward(id) {
      const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: rewardEntity.keys.item(id), ConsistentRead: true }));
      return Item ? rewardEntity.fromItem(Item) : undefined;
    },

    async redemptionByCode(code) {
      const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: redemptionEntity.keys.byCode(code) }));
      return Item ? redemptionEntity.fromItem(Item) : undefined;
    },

    async redeem({ volunteerId, reward, redemptionId, code, periodKey, entry, at }) {
      const items: TransactItem[] = [
        {
          Update: {
            TableName: tableName(),
            Key: rewardEntity.keys.item(reward.id),
            UpdateExpression: 'ADD stockLeft :minus',
            ConditionExpression: 'stockLeft > :zero',
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          },
        },
        {
          Update: {
            TableName: tableName(),
            Key: recognitionStats.keys.stats(volunteerId),
            UpdateExpression: 'ADD points :spent',
            // The balance never goes negative from a redemption; eligibility by approved hours.
            ConditionExpression: 'points >= :cost AND approvedMinutes >= :minMinutes',
            ExpressionAttributeValues: { ':spent': -reward.pointsCost, ':cost': reward.pointsCost, ':minMinutes': reward.minApprovedHours * 60 },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        ledgerPut(volunteerId, entry),
        put(redemptionEntity.toItem({ id: redemptionId, rewardId: reward.id, volunteerId, code, pointsSpent: reward.pointsCost, at }, redemptionEntity.keys.byCode(code)), 'attribute_not_exists(PK)'),
      ];
      if (periodKey) {
        items.push(put({ ...recognitionStats.keys.redeemed(volunteerId, reward.id, periodKey), entity: 'RedemptionMarker', redemptionId, at }, 'attribute_not_exists(PK)'));
      }
      const cancelled = await transactWrite(client(), items, { attempts: 12, contended });
      if (!cancelled) {
        const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: recognitionStats.keys.stats(volunteerId), ConsistentRead: true }));
        return { balance: Number(Item?.points ?? 0) };
      }
      const reasons = cancelled.CancellationReasons;
      if (failedAt(reasons, 0)) throw new RewardUnavailableError(`reward ${reward.id} is out of stock`, { cause: cancelled });
      if (failedAt(reasons, 1)) {
        const old = reasons?.[1]?.Item as Record<string, { N?: string }> | undefined;
        const minutes = Number(old?.approvedMinutes?.N ?? 0);
        if (minutes < reward.minApprovedHours * 60) {
          throw new RedemptionRefusedError('minApprovedHours', `this reward needs at least ${reward.minApprovedHours} approved hours`, { cause: cancelled });
        }
        throw new RedemptionRefusedError('points', `this reward costs ${reward.pointsCost} points, the balance is ${Number(old?.points?.N ?? 0)}`, { cause: cancelled });
      }
      if (periodKey && failedAt(reasons, 4)) {
        throw new RedemptionRefusedError('perVolunteer', `this reward can be redeemed ${reward.perVolunteer.replaceAll('-', ' ')} per volunteer`, { cause: cancelled });
      }
      throw cancelled;
    },
  };
};
