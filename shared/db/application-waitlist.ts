/** The waitlist of a full shift: sequence numbers, joining, its head, a position, and leaving. */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ApplicationChangedError, SeatAvailableError } from '../domain/applications/errors.js';
import type { ApplicationRepository } from '../domain/applications/ports.js';
import { failedAt, type TransactItem } from './transactions.js';
import { waitlistEntry, waitlistSequence } from './entities/waitlist.js';
import { type Item } from './application-items.js';
import type { ApplicationWrites } from './application-writes.js';

export const applicationWaitlist = (w: ApplicationWrites): Pick<ApplicationRepository, 'nextWaitSeq' | 'joinWaitlist' | 'waitlistHead' | 'waitlistPosition' | 'leaveWaitlist'> => {
  const { client, tableName, transact, applicationUpdate, closingHistory, releaseMarker, shiftKey, eventItems } = w;
  return {
    async nextWaitSeq(shiftId) {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: waitlistSequence.keys.item(shiftId),
          UpdateExpression: 'ADD seq :one SET entity = :entity',
          ExpressionAttributeValues: { ':one': 1, ':entity': waitlistSequence.name },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.seq);
    },

    async joinWaitlist(application, change, seq, events) {
      const { update, next, history } = applicationUpdate(application, change, { set: { waitlistSeq: seq } });
      const reasons = await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: shiftKey(application),
              UpdateExpression: 'SET waiting = if_not_exists(waiting, :zero) + :one',
              ConditionExpression: 'attribute_exists(PK) AND seatsTaken >= #capacity',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
            },
          },
          update,
          {
            Put: {
              TableName: tableName(),
              Item: waitlistEntry.toItem(
                { seq, applicationId: application.id, volunteerId: application.volunteerId, at: change.at },
                waitlistEntry.keys.item(application.shiftId, seq),
              ),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          history as TransactItem,
          ...eventItems(events, next),
        ],
        `waitlisting of application ${application.id}`,
      );
      if (!reasons) return next;
      if (failedAt(reasons, 1)) throw new ApplicationChangedError(application.id);
      if (failedAt(reasons, 0)) throw new SeatAvailableError(application.shiftId);
      throw new ApplicationChangedError(application.id);
    },

    async waitlistHead(shiftId, limit) {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :w)',
          ExpressionAttributeValues: { ':pk': waitlistEntry.keys.partition(shiftId), ':w': waitlistEntry.keys.prefix },
          ConsistentRead: true,
          Limit: limit,
        }),
      );
      return (page.Items ?? []).map((item) => ({ seq: Number(item.seq), applicationId: String(item.applicationId), volunteerId: String(item.volunteerId) }));
    },

    async waitlistPosition(shiftId, seq) {
      let count = 0;
      let ExclusiveStartKey: Item | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :mine',
            ExpressionAttributeValues: {
              ':pk': waitlistEntry.keys.item(shiftId, seq).PK,
              ':first': waitlistEntry.keys.item(shiftId, 0).SK,
              ':mine': waitlistEntry.keys.item(shiftId, seq).SK,
            },
            Select: 'COUNT',
            ExclusiveStartKey,
          }),
        );
        count += page.Count ?? 0;
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return count;
    },

    async leaveWaitlist(application, change, options = {}) {
      if (application.waitlistSeq === undefined) throw new ApplicationChangedError(application.id);
      const { update, next, history } = applicationUpdate(application, change);
      const reasons = await transact(
        [
          update,
          {
            Delete: {
              TableName: tableName(),
              Key: waitlistEntry.keys.item(application.shiftId, application.waitlistSeq),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: shiftKey(application),
              UpdateExpression: 'SET waiting = waiting - :one',
              ConditionExpression: 'waiting > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          history as TransactItem,
          ...(options.releaseMarker ? [releaseMarker(application)] : []),
          ...eventItems(options.events, next),
          ...(await closingHistory(application, change)),
        ],
        `application ${application.id} leaving the waitlist`,
      );
      if (reasons) throw new ApplicationChangedError(application.id);
      return next;
    },
  };
};
