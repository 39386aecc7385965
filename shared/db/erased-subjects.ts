/**
 * Is a user erased (issue 18)? One GetItem of the tombstone. Kept apart from the erasure
 * repository so that every consumer can ask without bundling the erasure's writes.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { tombstoneKeys } from './entities/erasure.js';

export const erasedSubjects = (client: () => DynamoDBDocumentClient = documentClient, tableName: () => string = () => env.tableName) => ({
  async isErased(sub: string): Promise<boolean> {
    const { Item } = await client().send(new GetCommand({ TableName: tableName(), Key: tombstoneKeys.item(sub), ProjectionExpression: 'PK' }));
    return Item !== undefined;
  },
});
