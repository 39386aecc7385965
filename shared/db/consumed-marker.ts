/** Markers of the events each consumer has finished (entity: ConsumedEvent), 7 days. */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { consumedEvent } from './entities/consumed-event.js';

const RETENTION_SECONDS = 7 * 24 * 60 * 60;

export const consumedMarker = (client: () => DynamoDBDocumentClient = documentClient, tableName: () => string = () => env.tableName) => ({
  async isConsumed(consumerId: string, eventId: string): Promise<boolean> {
    const { Item } = await client().send(
      new GetCommand({ TableName: tableName(), Key: consumedEvent.keys.marker(consumerId, eventId), ConsistentRead: true }),
    );
    return Item !== undefined;
  },
  async markConsumed(consumerId: string, eventId: string, now = new Date()): Promise<void> {
    await client().send(
      new PutCommand({
        TableName: tableName(),
        Item: consumedEvent.toItem({ consumerId, eventId, consumedAt: now.toISOString() }, consumedEvent.keys.marker(consumerId, eventId), {
          expiresAt: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
        }),
      }),
    );
  },
});
