/**
 * Creating an opportunity: the draft and its shifts in one transaction. Its own module, which the
 * opportunity repository spreads, so that posting an opportunity carries neither the search index,
 * its summary schema and cursors nor the entities' read schemas: the items are built with
 * entityItem from the entities' names and key builders, the same items as their toItem (issue 17).
 */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OpportunityRecord, ShiftRecord } from '../domain/opportunities/schema.js';
import type { OpportunityRepository } from '../domain/opportunities/service.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { entityItem } from './entities/entity.js';
import { OPPORTUNITY, opportunityKeys } from './entities/opportunity.js';
import { SHIFT, shiftKeys } from './entities/shift.js';

type Item = Record<string, unknown>;

export const opportunityItem = (opportunity: OpportunityRecord): Item =>
  entityItem(OPPORTUNITY, opportunity, {
    ...opportunityKeys.item(opportunity.id),
    ...opportunityKeys.byOrganization(opportunity.orgId, opportunity.status, opportunity.createdAt, opportunity.id),
  });

export const shiftItem = (shift: ShiftRecord): Item => entityItem(SHIFT, shift, { ...shiftKeys.item(shift.opportunityId, shift.id), ...shiftKeys.index(shift.id) });

export const opportunityCreation = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<OpportunityRepository, 'create'> => ({
  async create(opportunity, shifts) {
    const TableName = tableName();
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: opportunityItem(opportunity), ConditionExpression: 'attribute_not_exists(PK)' } },
          ...shifts.map((shift) => ({ Put: { TableName, Item: shiftItem(shift), ConditionExpression: 'attribute_not_exists(PK)' } })),
        ],
      }),
    );
  },
});
