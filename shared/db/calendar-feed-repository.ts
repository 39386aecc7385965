/**
 * Calendar feed secrets (entities/calendar-feed.ts): issue (replacing the previous one),
 * revoke, resolve. Only the SHA-256 of a secret is stored; the URL holds the secret.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { calendarFeed, calendarFeedKey } from './entities/calendar-feed.js';

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** 256 bits, URL-safe. */
export const newFeedSecret = (): string => randomBytes(32).toString('base64url');

export const calendarFeedRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => ({
  /** Stores `secret` as the volunteer's feed; the previous secret stops working in the same transaction. */
  async issue(volunteerId: string, secret: string, at: string): Promise<void> {
    const TableName = tableName();
    const { Item } = await client.send(new GetCommand({ TableName, Key: calendarFeed.keys.item(volunteerId), ConsistentRead: true }));
    const previous = Item ? calendarFeed.fromItem(Item).secretHash : undefined;
    const secretHash = hashOf(secret);
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName,
              Item: calendarFeed.toItem({ secretHash, createdAt: at }, calendarFeed.keys.item(volunteerId)),
              // Another issue since the read would leave its key behind: then this one fails (retry).
              ConditionExpression: previous === undefined ? 'attribute_not_exists(PK)' : 'secretHash = :previous',
              ...(previous !== undefined && { ExpressionAttributeValues: { ':previous': previous } }),
            },
          },
          { Put: { TableName, Item: calendarFeedKey.toItem({ volunteerId, createdAt: at }, calendarFeedKey.keys.item(secretHash)) } },
          ...(previous ? [{ Delete: { TableName, Key: calendarFeedKey.keys.item(previous) } }] : []),
        ],
      }),
    );
  },

  /** Revokes the volunteer's feed URL (no-op when there is none). */
  async revoke(volunteerId: string): Promise<void> {
    const TableName = tableName();
    const { Attributes } = await client.send(new DeleteCommand({ TableName, Key: calendarFeed.keys.item(volunteerId), ReturnValues: 'ALL_OLD' }));
    if (Attributes) await client.send(new DeleteCommand({ TableName, Key: calendarFeedKey.keys.item(calendarFeed.fromItem(Attributes).secretHash) }));
  },

  /** The volunteer a feed secret belongs to, or undefined (unknown or revoked). */
  async volunteerOf(secret: string): Promise<string | undefined> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: calendarFeedKey.keys.item(hashOf(secret)) }));
    return Item ? calendarFeedKey.fromItem(Item).volunteerId : undefined;
  },
});
