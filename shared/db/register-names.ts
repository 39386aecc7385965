/**
 * The names a certificate prints: its holder's and the organisations' (the transcript's too),
 * read with a projection of the two names and a schema of those only: the certificate and
 * transcript bundles carry neither the volunteer nor the organisation repository and their
 * profile schemas (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { VolunteerNames } from '../domain/certificates/ports.js';
import type { OrganizationNames } from '../domain/register/ports.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { organizationPartition, volunteerPartition } from './entities/partitions.js';

const Names = /* @__PURE__ */ z.object({ nameAr: /* @__PURE__ */ z.string(), nameEn: /* @__PURE__ */ z.string() });

const namesOf = async (client: DynamoDBDocumentClient, TableName: string, PK: string, ConsistentRead: boolean) => {
  const { Item } = await client.send(new GetCommand({ TableName, Key: { PK, SK: 'PROFILE' }, ConsistentRead, ProjectionExpression: 'nameAr, nameEn' }));
  return Item ? Names.parse(Item) : undefined;
};

/** The holder's names (an eventually consistent read, as the profile read was). */
export const volunteerNameReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): VolunteerNames => ({
  names: (volunteerId) => namesOf(client, tableName(), volunteerPartition(volunteerId), false),
});

/** The names of the organisations that exist among these, each read once (consistently, as the organisation read was). */
export const organizationNameReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): OrganizationNames => ({
  async names(orgIds) {
    const found = await Promise.all([...new Set(orgIds)].map(async (id) => [id, await namesOf(client, tableName(), organizationPartition(id), true)] as const));
    return new Map(found.flatMap(([id, names]) => (names ? [[id, names] as const] : [])));
  },
});
