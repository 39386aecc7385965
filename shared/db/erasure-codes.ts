/**
 * The erasure's code, tombstone and the contact the code is sent to (issue 18): what
 * `DELETE /v1/volunteers/me` uses, on its own so that its bundle carries neither the erasure
 * steps' writes (every entity a person holds) nor the volunteer profile schema: the contact is
 * read with a projection and a schema of its five fields (issue 17).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import type { ErasureCodeStore } from '../domain/personal-data/erasure.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { erasureCode, tombstone } from './entities/erasure.js';
import { volunteerPartition } from './entities/partitions.js';

/** The profile's contact fields, as the profile schema reads them (a missing locale is Arabic). */
const ContactFields = /* @__PURE__ */ z.object({
  email: /* @__PURE__ */ z.string(),
  phone: /* @__PURE__ */ z.string(),
  nameAr: /* @__PURE__ */ z.string(),
  nameEn: /* @__PURE__ */ z.string(),
  preferences: /* @__PURE__ */ z.object({ locale: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['ar', 'en']), 'ar') }),
});

const getter =
  (client: DynamoDBDocumentClient, tableName: () => string) =>
  async (Key: Record<string, unknown>, projection?: { ProjectionExpression: string }) =>
    (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true, ...projection }))).Item;

/** The profile's contact alone (the prepared copy's consumer reads nothing else of the erasure's: issue 17). */
export const profileContact = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ErasureCodeStore['contact'] => {
  const get = getter(client, tableName);
  return async (sub) => {
    const item = await get({ PK: volunteerPartition(sub), SK: 'PROFILE' }, { ProjectionExpression: 'email, phone, nameAr, nameEn, preferences' });
    if (!item) return undefined;
    const { email, phone, nameAr, nameEn, preferences } = ContactFields.parse(item);
    return { email, phone, nameAr, nameEn, locale: preferences.locale };
  };
};

export const erasureCodes = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): ErasureCodeStore => {
  const get = getter(client, tableName);

  return {
    contact: profileContact(client, tableName),

    async putCode(sub, code) {
      const { expiresAt, ...rest } = code;
      // `expiresAt` is the table's TTL attribute: DynamoDB drops the code after it (the service also checks it).
      await client.send(new PutCommand({ TableName: tableName(), Item: erasureCode.toItem(rest, erasureCode.keys.item(sub), { expiresAt }) }));
    },
    async code(sub) {
      const item = await get(erasureCode.keys.item(sub));
      if (!item) return undefined;
      return { codeHash: String(item.codeHash), attempts: Number(item.attempts), expiresAt: Number(item.expiresAt) };
    },
    async countAttempt(sub, seen) {
      await client
        .send(
          new UpdateCommand({
            TableName: tableName(),
            Key: erasureCode.keys.item(sub),
            UpdateExpression: 'SET attempts = attempts + :one',
            ConditionExpression: 'attempts = :seen',
            ExpressionAttributeValues: { ':one': 1, ':seen': seen },
          }),
        )
        .catch((error: unknown) => {
          // Another wrong try was counted at the same moment: one of them is enough.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },
    async dropCode(sub) {
      await client.send(new DeleteCommand({ TableName: tableName(), Key: erasureCode.keys.item(sub) }));
    },

    async tombstone(sub) {
      const item = await get(tombstone.keys.item(sub));
      return item ? tombstone.fromItem(item) : undefined;
    },
    async beginTombstone(sub, requestedAt) {
      await client
        .send(
          new PutCommand({
            TableName: tableName(),
            Item: tombstone.toItem({ status: 'erasing', requestedAt }, tombstone.keys.item(sub)),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        )
        .catch((error: unknown) => {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },
    async markErased(sub, erasedAt) {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: tombstone.keys.item(sub),
          UpdateExpression: 'SET #status = :erased, erasedAt = if_not_exists(erasedAt, :at)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':erased': 'erased', ':at': erasedAt },
        }),
      );
    },
  };
};
