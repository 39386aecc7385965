/**
 * Writing companies' one-time join codes (entities/company-employee.ts): the code under its hash
 * and, for a code a volunteer asked for, the pointer that lets a new request replace it. Its own
 * module so that inviting employees and domain codes carry neither the memberships nor their
 * transactions (issue 17); company-employee-repository.ts delegates to it.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EmployeeRepository } from '../domain/companies/ports.js';
import { env } from '../env.js';
import { batchWriteAll, documentClient } from './client.js';
import { joinCode, requestedCode } from './entities/company-employee.js';

export const joinCodes = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<EmployeeRepository, 'putCodes'> => ({
  async putCodes(codes) {
    const requests = codes.map((code) => ({
      PutRequest: {
        Item: joinCode.toItem(code, joinCode.keys.item(code.codeHash), {
          ...joinCode.keys.addressIndex(code.email, code.codeHash),
          expiresAt: Math.floor(Date.parse(code.validUntil) / 1000) + 86_400,
        }),
      },
    }));
    const pointers = codes.flatMap((code) =>
      code.requestedBy
        ? [{ PutRequest: { Item: requestedCode.toItem({ codeHash: code.codeHash }, requestedCode.keys.item(code.companyId, code.requestedBy), { expiresAt: Math.floor(Date.parse(code.validUntil) / 1000) + 86_400 }) } }]
        : [],
    );
    await batchWriteAll(client, tableName(), [...requests, ...pointers], { maxAttempts: 6, what: 'join codes' });
  },
});
