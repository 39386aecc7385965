/**
 * The company a volunteer belongs to now (`VOL#<sub>` / `COMPANY`, entities/company-employee.ts):
 * the employee repository's read, on its own so that counting approved hours for a company
 * carries neither the join codes, the employee records nor their writes (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EmployeeRepository } from '../domain/companies/ports.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { companyMembership } from './entities/company-employee.js';

export const companyMemberships = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<EmployeeRepository, 'membership'> => ({
  async membership(volunteerId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: companyMembership.keys.item(volunteerId), ConsistentRead: true }));
    return Item ? companyMembership.fromItem(Item) : undefined;
  },
});
