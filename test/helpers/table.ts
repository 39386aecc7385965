/**
 * A fresh table (and idempotency table) on the shared DynamoDB Local for one test file,
 * built from the same definition as the cloud table. Points the process env at it.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable, localClient } from '../../infra/local/dynamodb.js';
import { idempotencyTable, mainTable } from '../../shared/db/table.js';

export const createTestTable = async (): Promise<{ tableName: string; endpoint: string }> => {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `t-${randomUUID().slice(0, 8)}`;
  const client = localClient(endpoint);
  await ensureTable(client, mainTable, tableName);
  await ensureTable(client, idempotencyTable, `${tableName}-idempotency`);
  client.destroy();
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    IDEMPOTENCY_TABLE_NAME: `${tableName}-idempotency`,
    DYNAMODB_ENDPOINT: endpoint,
    SES_ENDPOINT: inject('sesUrl'),
    TATAWWU_MODE: 'local',
  });
  return { tableName, endpoint };
};
