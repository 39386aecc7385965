/**
 * The honours (the region and national volunteer of the month) in the single table: opened by the
 * monthly run, waited on by the HonourNomination workflow, decided once (the ministry's choice or
 * the rule's). Its own module, which the recognition repository spreads, so that the honour
 * decision's bundle carries the honour entity alone, not the repository with every recognition
 * entity's schema (issue 17).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecognitionRepository } from '../domain/recognition/ports.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { honour as honourEntity } from './entities/recognition.js';

export type RecognitionHonours = Pick<RecognitionRepository, 'openHonour' | 'honour' | 'honours' | 'waitForHonour' | 'decideHonour'>;

export const recognitionHonours = (
  client: () => DynamoDBDocumentClient = documentClient,
  tableName: () => string = () => env.tableName,
): RecognitionHonours => {
  /** An UpdateItem under a condition on `status` (= :pending); false when the condition failed. */
  const conditionalUpdate = async (Key: { PK: string; SK: string }, UpdateExpression: string, ConditionExpression: string, values: Record<string, unknown>) => {
    try {
      await client().send(
        new UpdateCommand({
          TableName: tableName(),
          Key,
          UpdateExpression,
          ConditionExpression,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ...values },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };
  return {
    async openHonour(record) {
      try {
        await client().send(new PutCommand({ TableName: tableName(), Item: honourEntity.toItem({ ...record, candidates: [...record.candidates] }, honourEntity.keys.item(record.id)), ConditionExpression: 'attribute_not_exists(PK)' }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async honour(id) {
      const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: honourEntity.keys.item(id), ConsistentRead: true }));
      return Item ? honourEntity.fromItem(Item) : undefined;
    },

    async honours(month) {
      const items = await queryAll(
        { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': honourEntity.keys.month(month) }, ConsistentRead: true },
        client(),
      );
      return items.map((item) => honourEntity.fromItem(item));
    },

    async waitForHonour(id, taskToken, decideBy) {
      return conditionalUpdate(honourEntity.keys.item(id), 'SET taskToken = :token, decideBy = :by', '#status = :pending', { ':token': taskToken, ':by': decideBy });
    },

    async decideHonour(id, choice) {
      const { volunteerId, basis, by, at, reasonAr, reasonEn } = choice;
      const reasons = reasonAr !== undefined && reasonEn !== undefined ? ', reasonAr = :ar, reasonEn = :en' : '';
      return conditionalUpdate(
        honourEntity.keys.item(id),
        `SET #status = :decided, volunteerId = :v, basis = :basis, decidedBy = :who, decidedAt = :at${reasons} REMOVE taskToken`,
        '#status = :pending',
        { ':decided': 'decided', ':v': volunteerId, ':basis': basis, ':who': by, ':at': at, ...(reasons && { ':ar': reasonAr, ':en': reasonEn }) },
      );
    },
  };
};
