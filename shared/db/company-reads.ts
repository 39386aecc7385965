/**
 * A company by id (entities/company.ts), read consistently. Its own module so that the routes
 * that only read the company (inviting employees, domain codes) carry neither the registration
 * and vetting writes nor the admin and history entities (issue 17); company-repository.ts
 * delegates to it.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CompanyRepository } from '../domain/companies/ports.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { company } from './entities/company.js';

export const companyReads = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<CompanyRepository, 'get'> => ({
  async get(companyId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: company.keys.item(companyId), ConsistentRead: true }));
    return Item ? company.fromItem(Item) : undefined;
  },
});
