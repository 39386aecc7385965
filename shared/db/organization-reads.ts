/**
 * An organisation's names, city and contact address, read with a projection and a schema of
 * those fields only: the jobs that name an organisation in a message or place it in a region
 * (awards, matching invitations, the monthly impact reports) carry neither the organisation
 * repository nor the organisations' schemas (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { OrganizationStatus } from '../domain/organizations/schema.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { organizationPartition } from './entities/partitions.js';

const OrganizationFacts = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  city: /* @__PURE__ */ z.string(),
  contactEmail: /* @__PURE__ */ z.string(),
});
export type OrganizationFacts = z.output<typeof OrganizationFacts>;

export const organizationReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => ({
  async get(orgId: string): Promise<OrganizationFacts | undefined> {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: { PK: organizationPartition(orgId), SK: 'PROFILE' },
        ConsistentRead: true,
        ProjectionExpression: 'id, nameAr, nameEn, city, contactEmail',
      }),
    );
    return Item ? OrganizationFacts.parse(Item) : undefined;
  },
});

const StatusField = /* @__PURE__ */ z.object({ status: OrganizationStatus });

/**
 * An organisation's status alone (strongly consistent, as the repository reads it): posting and
 * publishing opportunities check the organisation is active, and carry neither the organisation
 * repository nor its schemas (issue 17).
 */
export const organizationStatusReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => ({
  async get(orgId: string): Promise<z.output<typeof StatusField> | undefined> {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: { PK: organizationPartition(orgId), SK: 'PROFILE' },
        ConsistentRead: true,
        ProjectionExpression: '#status',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    return Item ? StatusField.parse(Item) : undefined;
  },
});
