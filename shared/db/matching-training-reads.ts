/**
 * What the matching read paths add from training and evaluations (issue 13): a volunteer's
 * missing required training per matched opportunity, and volunteers' ratings for candidates.
 * Read at request time from small items (the opportunities' `trainingModules`, the volunteer's
 * completions, the rating aggregates), never recounted.
 */
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { volunteerRating } from '../domain/evaluations/anonymity.js';
import { missingModules } from '../domain/training/gate.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { volunteerAggregate } from './entities/evaluation.js';
import { opportunityKeys as opportunityEntityKeys } from './entities/opportunity.js';
import { trainingCompletions } from './training-completions.js';

const batchGet = async (client: DynamoDBDocumentClient, tableName: string, keys: Record<string, unknown>[], projection?: string) => {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...(projection && { ProjectionExpression: projection }) } } }),
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return items;
};

export const matchingTrainingReads = (client: DynamoDBDocumentClient = documentClient(), clock: { now(): Date } = { now: () => new Date() }) => ({
  async trainingRequired(volunteerId: string, opportunityIds: readonly string[]): Promise<Map<string, string[]>> {
    const tableName = env.tableName;
    const items = await batchGet(client, tableName, opportunityIds.map((id) => opportunityEntityKeys.item(id)), 'id, trainingModules');
    const required = new Map(items.map((item) => [String(item.id), (item.trainingModules as string[] | undefined) ?? []]));
    const modules = [...new Set([...required.values()].flat())];
    if (modules.length === 0) return new Map();
    const completions = await trainingCompletions(client).completions(volunteerId, modules);
    const now = clock.now();
    const out = new Map<string, string[]>();
    for (const [id, needed] of required) {
      const missing = missingModules(needed, completions, now);
      if (missing.length > 0) out.set(id, missing);
    }
    return out;
  },

  async ratings(volunteerIds: readonly string[]): Promise<Map<string, { overall: number; count: number }>> {
    const items = await batchGet(client, env.tableName, volunteerIds.map((id) => volunteerAggregate.keys.item(id)));
    const out = new Map<string, { overall: number; count: number }>();
    for (const item of items) {
      const view = volunteerRating(String(item.volunteerId), volunteerAggregate.fromItem(item));
      if (view.overall !== undefined) out.set(view.volunteerId, { overall: view.overall, count: view.count });
    }
    return out;
  },
});
