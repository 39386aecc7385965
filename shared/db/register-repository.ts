/**
 * The register's ledger and running totals in the single table (entities register-entry and
 * register-total). Recording an entry is one TransactWriteItems: the entry, conditioned on
 * not existing (idempotency on the event id), and an `ADD` on each running total it moves, so
 * totals always equal the sum of the entries — a duplicate delivery moves nothing, and two
 * concurrent events for the same volunteer are serialised by DynamoDB (conflicts retried).
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { invalidCursor } from '../domain/cursor.js';
import { totalKeys } from '../domain/register/ledger.js';
import type { RegisterRepository } from '../domain/register/ports.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { registerEntry } from './entities/register-entry.js';
import { registerTotal } from './entities/register-total.js';
import { failedAt, transactWrite } from './transactions.js';

export class RegisterContendedError extends Error {
  override readonly name = 'RegisterContendedError';
}

export const registerRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): RegisterRepository => ({
  async record(entry) {
    const TableName = tableName();
    const cancelled = await transactWrite(
      client,
      [
        {
          Put: {
            TableName,
            Item: registerEntry.toItem(entry, registerEntry.keys.item(entry.volunteerId, entry.at, entry.eventId)),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...totalKeys(entry).map((key) => ({
          Update: {
            TableName,
            Key: registerTotal.keys.item(entry.volunteerId, key.dimension, key.value),
            UpdateExpression: 'SET #entity = :entity, #dimension = :dimension, #value = :value ADD #minutes :minutes, #halalas :halalas, #entries :one',
            ExpressionAttributeNames: {
              '#entity': 'entity',
              '#dimension': 'dimension',
              '#value': 'value',
              '#minutes': 'minutes',
              '#halalas': 'valueHalalas',
              '#entries': 'entries',
            },
            ExpressionAttributeValues: {
              ':entity': registerTotal.name,
              ':dimension': key.dimension,
              ':value': key.value,
              ':minutes': entry.minutes,
              ':halalas': entry.valueHalalas,
              ':one': 1,
            },
          },
        })),
      ],
      {
        attempts: 12,
        contended: (attempts, cause) => new RegisterContendedError(`the ledger of ${entry.volunteerId} stayed contended after ${attempts} attempts`, { cause }),
      },
    );
    if (!cancelled) return 'recorded';
    if (failedAt(cancelled.CancellationReasons, 0)) return 'duplicate';
    throw cancelled;
  },

  async totals(volunteerId) {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': registerEntry.keys.partition(volunteerId), ':prefix': registerTotal.keys.prefix },
        ConsistentRead: true,
      },
      client,
    );
    return items.map(registerTotal.fromItem);
  },

  async page(volunteerId, limit, after) {
    if (after !== undefined && !after.startsWith(registerEntry.keys.prefix)) throw invalidCursor('not a cursor of this list');
    const PK = registerEntry.keys.partition(volunteerId);
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': registerEntry.keys.prefix },
        ScanIndexForward: false,
        ...(after && { ExclusiveStartKey: { PK, SK: after } }),
        // One more than asked, to know whether a next page exists.
        Limit: limit + 1,
      }),
    );
    const pageItems = Items.slice(0, limit);
    return {
      entries: pageItems.map(registerEntry.fromItem),
      ...(Items.length > limit && { after: String(pageItems[pageItems.length - 1]!.SK) }),
    };
  },

  async allEntries(volunteerId) {
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': registerEntry.keys.partition(volunteerId), ':prefix': registerEntry.keys.prefix },
        ConsistentRead: true,
      },
      client,
    );
    return items.map(registerEntry.fromItem);
  },
});
