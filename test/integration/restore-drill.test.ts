/**
 * The restore drill's local variant (infra/ops/restore-drill.ts): export the table, import it
 * into a new table of the same definition, read every item back. The cloud variant does a
 * point-in-time restore instead, which DynamoDB Local does not have.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { localClient } from '../../infra/local/dynamodb.js';
import { localDrill } from '../../infra/ops/restore-drill.js';
import { createTestTable } from '../helpers/table.js';

let table: { tableName: string; endpoint: string };

beforeAll(async () => {
  table = await createTestTable();
  const doc = DynamoDBDocumentClient.from(localClient(table.endpoint));
  for (let i = 0; i < 60; i += 1) {
    await doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { PK: `ORG#${i % 7}`, SK: `ITEM#${String(i).padStart(3, '0')}`, GSI1PK: `CITY#${i % 3}`, GSI1SK: `AT#${i}`, nameAr: 'جمعية', n: i, tags: ['a', 'b'] },
      }),
    );
  }
});

describe('restore drill (local: export/import)', () => {
  it('restores every item into a new table and reads each back unchanged', async () => {
    const client = localClient(table.endpoint);

    const summary = await localDrill({ client, table: table.tableName, target: `${table.tableName}-drill` });

    expect(summary).toMatchObject({ mode: 'local', restored: `${table.tableName}-drill`, items: 60, verified: 60, mismatches: [] });
    const restored = (await client.send(new DescribeTableCommand({ TableName: summary.restored }))).Table;
    expect(restored?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['GSI1', 'GSI2', 'GSI3']);
  });

  it('leaves the restored copy queryable on its indexes', async () => {
    const client = localClient(table.endpoint);
    const summary = await localDrill({ client, table: table.tableName, target: `${table.tableName}-drill-2` });

    const { Items = [] } = await DynamoDBDocumentClient.from(client).send(
      new QueryCommand({ TableName: summary.restored, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'CITY#0' } }),
    );
    expect(Items).toHaveLength(20);
  });
});
