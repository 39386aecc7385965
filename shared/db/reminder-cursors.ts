/** How far the reminders job has covered each window (entities/job-cursor.ts), moved forward with a condition. */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { jobCursor } from './entities/job-cursor.js';
import { conditionally } from './outbox-writes.js';

export interface ReminderCursors {
  getCursor(window: string): Promise<string | undefined>;
  setCursor(window: string, coveredUntil: string, previous: string | undefined): Promise<boolean>;
}

export const reminderCursors = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): ReminderCursors => ({
    async getCursor(window) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: jobCursor.keys.item('reminders', window), ConsistentRead: true }));
      return Item ? jobCursor.fromItem(Item).coveredUntil : undefined;
    },

    async setCursor(window, coveredUntil, previous) {
      return conditionally(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: jobCursor.toItem({ coveredUntil }, jobCursor.keys.item('reminders', window)),
            ConditionExpression: previous === undefined ? 'attribute_not_exists(PK)' : 'coveredUntil = :previous',
            ...(previous !== undefined && { ExpressionAttributeValues: { ':previous': previous } }),
          }),
        ),
      );
    },
});
