/**
 * The cold-start floor of `npm run bench -- bundles`: a handler that does one DynamoDB
 * DocumentClient GetItem and nothing else (no middleware, no schema, no logger). Every
 * function's import time is compared with this one's, bundled with the same settings.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { pk: string; sk: string }): Promise<unknown> =>
  (await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.pk, sk: event.sk } }))).Item;
