/**
 * Volunteer profiles in the single table (entities/volunteer.ts, charter-acceptance.ts, consent-change.ts; the registration's
 * transaction in volunteer-registration.ts). The invariants are enforced by
 * DynamoDB, never by a read first:
 * - registration is one TransactWriteItems: the profile and the national-ID marker, both
 *   `attribute_not_exists(PK)`, so one profile per user and per national ID even when two
 *   requests race;
 * - updates are conditioned on the revision that was read (optimistic concurrency);
 * - a charter acceptance is written once, with the profile's `acceptedCharterVersion`.
 * A cancelled transaction becomes a named domain error (with the SDK error as `cause`).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentWriteError, VolunteerNotFoundError } from '../domain/volunteers/errors.js';
import type { VolunteerRepository } from '../domain/volunteers/service.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { outboxPuts } from './entities/outbox-event.js';
import { charterAcceptance } from './entities/charter-acceptance.js';
import { volunteer } from './entities/volunteer.js';
import { failedAt as failed } from './transactions.js';
import { volunteerRegistration, volunteerWrites } from './volunteer-registration.js';

export const volunteerRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): VolunteerRepository => {
  const { transact, consentItems } = volunteerWrites(client, tableName);

  return {
    ...volunteerRegistration(client, tableName),

    async idsByPhone(phone) {
      const items = await queryAll(
        {
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': volunteer.keys.phonePartition(phone) },
          ProjectionExpression: 'id',
        },
        client,
      );
      return items.map((item) => String(item.id));
    },

    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: volunteer.keys.item(id) }));
      return Item ? volunteer.fromItem(Item) : undefined;
    },

    async update(id, changes, expectedRevision, consent, events) {
      // A new phone number moves the profile in the by-phone index with it.
      const indexed: Record<string, unknown> = changes.phone === undefined ? changes : { ...changes, ...volunteer.keys.byPhone(changes.phone, id) };
      const names = Object.keys(indexed);
      const cancelled = await transact(
        [
          {
            Update: {
              TableName: tableName,
              Key: volunteer.keys.item(id),
              UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
              ConditionExpression: 'attribute_exists(PK) AND #rev = :seen',
              ExpressionAttributeNames: { ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])), '#rev': 'revision' },
              ExpressionAttributeValues: {
                ...Object.fromEntries(names.map((name, i) => [`:f${i}`, indexed[name]])),
                ':seen': expectedRevision,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          ...consentItems(id, consent),
          ...outboxPuts(events ?? [], tableName),
        ],
        'the profile',
      );
      if (!cancelled) return;
      const reasons = cancelled.CancellationReasons;
      if (failed(reasons, 0)) {
        throw reasons?.[0]?.Item ? new ConcurrentWriteError('the profile', { cause: cancelled }) : new VolunteerNotFoundError({ cause: cancelled });
      }
      throw cancelled;
    },

    async acceptCharter(id, acceptance) {
      const key = charterAcceptance.keys.item(id, acceptance.version);
      const cancelled = await transact(
        [
          {
            Put: {
              TableName: tableName,
              Item: charterAcceptance.toItem({ volunteerId: id, ...acceptance }, key),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: volunteer.keys.item(id),
              UpdateExpression: 'SET acceptedCharterVersion = :version, charterAcceptedAt = :at',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':version': acceptance.version, ':at': acceptance.acceptedAt },
            },
          },
        ],
        'the charter acceptance',
      );
      if (!cancelled) return { created: true, acceptance };
      const reasons = cancelled.CancellationReasons;
      if (failed(reasons, 1)) throw new VolunteerNotFoundError({ cause: cancelled });
      if (failed(reasons, 0)) {
        const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        if (Item) {
          const { version, acceptedAt } = charterAcceptance.fromItem(Item);
          return { created: false, acceptance: { version, acceptedAt } };
        }
      }
      throw cancelled;
    },
  };
};
