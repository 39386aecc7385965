/** Prepared personal-data exports in the single table (entities/export-download.ts, issue 18). */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ExportJobStore } from '../domain/personal-data/export-jobs.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { exportDownload, exportDownloadKeys } from './entities/export-download.js';
import { outboxPut } from './entities/outbox-event.js';

/** false when the write's condition failed. */
const applied = (write: Promise<unknown>): Promise<boolean> =>
  write.then(
    () => true,
    (error: unknown) => {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    },
  );

/** The stored files of a volunteer's prepared exports, projected (the erasure's read: no job schema). */
export const exportObjectKeys =
  (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ExportJobStore['objectKeys'] =>
  async (volunteerId) => {
    const { PK, SK } = exportDownloadKeys.item(volunteerId, '');
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': SK },
        ProjectionExpression: 'objectKey',
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => item.objectKey).filter((key): key is string => typeof key === 'string');
  };

export const exportRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ExportJobStore => ({
  async request(job, event) {
    const ttl = Math.floor(Date.parse(job.validUntil) / 1000);
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: exportDownload.toItem(job, exportDownload.keys.item(job.volunteerId, job.exportId), { expiresAt: ttl }),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          outboxPut(event, tableName()),
        ],
      }),
    );
  },

  async get(volunteerId, exportId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: exportDownload.keys.item(volunteerId, exportId), ConsistentRead: true }));
    if (!Item) return undefined;
    return { ...exportDownload.fromItem(Item), ...(typeof Item.tokenHash === 'string' && { tokenHash: Item.tokenHash }) };
  },

  objectKeys: exportObjectKeys(client, tableName),

  markReady: (volunteerId, exportId, ready) =>
    applied(
      client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: exportDownload.keys.item(volunteerId, exportId),
          UpdateExpression: 'SET #status = :ready, objectKey = :key, readyAt = :at, tokenHash = :hash',
          ConditionExpression: 'attribute_exists(PK) AND #status <> :downloaded',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':ready': 'ready', ':key': ready.objectKey, ':at': ready.readyAt, ':hash': ready.tokenHash, ':downloaded': 'downloaded' },
        }),
      ),
    ),

  consume: (volunteerId, exportId, tokenHash, at) =>
    applied(
      client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: exportDownload.keys.item(volunteerId, exportId),
          UpdateExpression: 'SET #status = :downloaded, downloadedAt = :at REMOVE tokenHash',
          ConditionExpression: 'tokenHash = :hash',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':downloaded': 'downloaded', ':at': at, ':hash': tokenHash },
        }),
      ),
    ),
});
