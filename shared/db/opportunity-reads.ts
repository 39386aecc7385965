/**
 * An opportunity with its shifts (`OPP#<id>`, entities/opportunity.ts and shift.ts), read in one
 * consistent Query. Its own module so that the areas that read opportunities (applying,
 * claiming a team seat) carry neither the search index nor the editing writes (issue 17).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OpportunityRepository } from '../domain/opportunities/service.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { opportunity as opportunityEntity } from './entities/opportunity.js';
import { shift as shiftEntity } from './entities/shift.js';

export const opportunityReads = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Pick<OpportunityRepository, 'get'> => ({
  async get(id) {
    const items = await queryAll(
      { TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': opportunityEntity.keys.partition(id) }, ConsistentRead: true },
      client,
    );
    const opportunity = items.find((item) => item.entity === opportunityEntity.name);
    if (!opportunity) return undefined;
    return {
      opportunity: opportunityEntity.fromItem(opportunity),
      shifts: items.filter((item) => item.entity === shiftEntity.name).map((item) => shiftEntity.fromItem(item)),
    };
  },
});
