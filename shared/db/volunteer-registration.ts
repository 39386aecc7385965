/**
 * Registering a volunteer: the profile, the national-ID claim, the tombstone check, the consent
 * trail and the event, one transaction (see volunteer-repository.ts). Its own module so that the
 * registration's bundle writes the profile without the profile's read schema (issue 17).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentWriteError, NationalIdTakenError, VolunteerAlreadyRegisteredError, VolunteerErasedError } from '../domain/volunteers/errors.js';
import type { ConsentChange, VolunteerRepository } from '../domain/volunteers/service.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { consentChange } from './entities/consent-change.js';
import { tombstoneKeys } from './entities/erasure.js';
import { outboxPuts } from './entities/outbox-event.js';
import { nationalIdClaim, profileItem } from './entities/volunteer.js';
import { failedAt as failed, transactWrite, type TransactItem } from './transactions.js';

/** What the profile's writes share: the retried transaction and the consent trail's items. */
export const volunteerWrites = (client: DynamoDBDocumentClient, tableName: string) => {
  /**
   * Runs a transaction; when it was cancelled only by a TransactionConflict (a concurrent
   * transaction on the same item), tries again, so that the loser of a race sees the winner's
   * item and fails its condition with a meaningful error instead of a generic conflict.
   */
  const transact = (items: TransactItem[], what: string) =>
    transactWrite(client, items, {
      attempts: 3,
      contended: (_attempts, cause) => new ConcurrentWriteError(what, { cause }),
      backoff: (attempt) => 20 * attempt + Math.random() * 30,
    });

  const consentItems = (id: string, consent: readonly ConsentChange[]): TransactItem[] =>
    consent.map((change) => ({
      Put: {
        TableName: tableName,
        Item: consentChange.toItem({ volunteerId: id, ...change }, consentChange.keys.item(id, change.at, change.channel)),
      },
    }));

  return { transact, consentItems };
};

export const volunteerRegistration = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): Pick<VolunteerRepository, 'create'> => {
  const { transact, consentItems } = volunteerWrites(client, tableName);
  return {
    async create(record, consent, events) {
      const cancelled = await transact(
        [
          {
            Put: {
              TableName: tableName,
              Item: profileItem(record),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: nationalIdClaim.toItem({ volunteerId: record.id, createdAt: record.createdAt }, nationalIdClaim.keys.item(record.nationalIdHash)),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          // An erased user (issue 18) is never recreated under the same sign-in.
          { ConditionCheck: { TableName: tableName, Key: tombstoneKeys.item(record.id), ConditionExpression: 'attribute_not_exists(PK)' } },
          ...consentItems(record.id, consent),
          ...outboxPuts(events ?? [], tableName),
        ],
        'the registration',
      );
      if (!cancelled) return;
      const reasons = cancelled.CancellationReasons;
      if (failed(reasons, 0)) throw new VolunteerAlreadyRegisteredError({ cause: cancelled });
      if (failed(reasons, 1)) throw new NationalIdTakenError({ cause: cancelled });
      if (failed(reasons, 2)) throw new VolunteerErasedError({ cause: cancelled });
      throw cancelled;
    },
  };
};
