/**
 * A volunteer's training completions (entities/training-completion.ts): of some modules (the
 * gate at applying, screening and check-in, one BatchGetItem per 100 modules) or all of them (the
 * review queue's applicants). Its own module so that the readers carry the completion schema
 * only, not the training repository's modules, versions and attempts (issue 17).
 */
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TrainingRepository } from '../domain/training/ports.js';
import type { CompletionRecord } from '../domain/training/schema.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { trainingCompletion } from './entities/training-completion.js';

export const trainingCompletions = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Pick<TrainingRepository, 'completions'> => ({
  async completions(volunteerId, trainingIds) {
    const TableName = tableName();
    if (trainingIds === undefined) {
      const items = await queryAll(
        {
          TableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': trainingCompletion.keys.volunteerPartition(volunteerId), ':prefix': trainingCompletion.keys.prefix },
          ConsistentRead: true,
        },
        client,
      );
      return items.map((item) => trainingCompletion.fromItem(item));
    }
    if (trainingIds.length === 0) return [];
    const out: CompletionRecord[] = [];
    // BatchGetItem takes 100 keys; an opportunity requires at most 20 modules.
    for (let i = 0; i < trainingIds.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = trainingIds.slice(i, i + 100).map((id) => trainingCompletion.keys.completion(volunteerId, id));
      while (keys && keys.length > 0) {
        const result: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys, ConsistentRead: true } } }));
        out.push(...(result.Responses?.[TableName] ?? []).map((item) => trainingCompletion.fromItem(item)));
        keys = result.UnprocessedKeys?.[TableName]?.Keys;
      }
    }
    return out;
  },
});
