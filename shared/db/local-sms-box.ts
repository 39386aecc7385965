/** The local SMS box (entities/local-sms.ts): what the local platform "sends" by SMS, newest first. */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { localSms } from './entities/local-sms.js';

export interface LocalSms {
  readonly id: string;
  readonly to: string;
  readonly body: string;
  readonly at: string;
}

export interface LocalSmsBox {
  recordLocalSms(sms: LocalSms): Promise<void>;
  listLocalSms(limit?: number): Promise<LocalSms[]>;
}

export const localSmsBox = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): LocalSmsBox => ({
    async recordLocalSms(sms) {
      await client.send(new PutCommand({ TableName: tableName, Item: localSms.toItem(sms, localSms.keys.item(sms.at, sms.id)) }));
    },

    async listLocalSms(limit = 100) {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': localSms.keys.partition },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map((item) => localSms.fromItem(item));
    },
});
