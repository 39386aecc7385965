/** Seats: the shift's counter, the volunteer's bookings (the overlap guard), reserving, freeing (with the waitlist's promotion) and cancelling approved seats. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ApplicationChangedError, BookingsChangedError, SeatsExhaustedError, WaitlistChangedError } from '../domain/applications/errors.js';
import type { ApplicationRepository } from '../domain/applications/ports.js';
import { expiresAt } from '../domain/personal-data/retention.js';
import { queryAll } from './client.js';
import { failedAt, type TransactItem } from './transactions.js';
import { bookingKeys, cancelledSeat } from './entities/booking.js';
import { shiftKeys } from './entities/shift.js';
import { waitlistEntryKeys } from './entities/waitlist.js';
import type { ApplicationWrites } from './application-writes.js';
import { bookingReads } from './booking-reads.js';

export const applicationSeats = (w: ApplicationWrites): Pick<ApplicationRepository, 'seats' | 'bookingsAround' | 'reserveSeat' | 'withdrawApproved' | 'approvedOfShift' | 'cancelApproved'> => {
  const { client, tableName, transact, applicationUpdate, closingHistory, releaseMarker, shiftKey, bookingWrites, eventItems } = w;
  return {
    async seats(opportunityId, shiftId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName(), Key: shiftKeys.item(opportunityId, shiftId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      return { capacity: Number(Item.capacity), seatsTaken: Number(Item.seatsTaken ?? 0), waiting: Number(Item.waiting ?? 0) };
    },

    bookingsAround: bookingReads(client, tableName).bookingsAround,

    async reserveSeat(application, change, bookings, events) {
      const { update, next, history } = applicationUpdate(application, change);
      const reasons = await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: shiftKey(application),
              UpdateExpression: 'SET seatsTaken = seatsTaken + :one',
              ConditionExpression: 'attribute_exists(PK) AND seatsTaken < #capacity',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          update,
          ...bookingWrites(application, bookings, change.at),
          history as TransactItem,
          ...eventItems(events, next),
        ],
        `seat reservation of application ${application.id}`,
      );
      if (!reasons) return next;
      if (failedAt(reasons, 1)) throw new ApplicationChangedError(application.id);
      if (failedAt(reasons, 0)) throw new SeatsExhaustedError(application.shiftId);
      if (failedAt(reasons, 2) || failedAt(reasons, 3)) throw new BookingsChangedError(application.volunteerId);
      throw new ApplicationChangedError(application.id);
    },

    async withdrawApproved(application, change, promotion, events) {
      const TableName = tableName();
      const { update, history, next } = applicationUpdate(application, change);
      const own: TransactItem[] = [
        update,
        history as TransactItem,
        {
          Delete: {
            TableName,
            Key: bookingKeys.item(application.volunteerId, application.shiftStart, application.shiftId),
            ConditionExpression: 'applicationId = :id',
            ExpressionAttributeValues: { ':id': application.id },
          },
        },
        releaseMarker(application),
      ];
      let items: TransactItem[];
      if (promotion) {
        const { candidate } = promotion;
        const promoted = applicationUpdate(candidate, promotion.change);
        items = [
          ...own,
          {
            Update: {
              TableName,
              Key: shiftKey(application),
              UpdateExpression: 'SET waiting = waiting - :one',
              ConditionExpression: 'waiting > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          {
            Delete: {
              TableName,
              Key: waitlistEntryKeys.item(candidate.shiftId, candidate.waitlistSeq ?? 0),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          promoted.update,
          ...bookingWrites(candidate, promotion.bookings, promotion.change.at),
          promoted.history as TransactItem,
        ];
      } else {
        items = [
          ...own,
          {
            Update: {
              TableName,
              Key: shiftKey(application),
              UpdateExpression: 'SET seatsTaken = seatsTaken - :one',
              ConditionExpression: 'seatsTaken > :zero AND (attribute_not_exists(waiting) OR waiting = :zero)',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
        ];
      }
      const reasons = await transact([...items, ...eventItems(events, next), ...(await closingHistory(application, change))], `withdrawal of application ${application.id}`);
      if (!reasons) return;
      // 0-3: the withdrawing application; 4: the shift; 5-6: the candidate's WAIT item and
      // status; 7-8: the candidate's booking and bookings version.
      if ([0, 1, 2, 3].some((i) => failedAt(reasons, i))) throw new ApplicationChangedError(application.id);
      if (promotion && (failedAt(reasons, 7) || failedAt(reasons, 8))) throw new BookingsChangedError(promotion.candidate.volunteerId);
      throw new WaitlistChangedError(application.shiftId);
    },

    async approvedOfShift(shiftStart, shiftId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          IndexName: 'GSI3',
          KeyConditionExpression: 'GSI3PK = :pk AND begins_with(GSI3SK, :prefix)',
          ExpressionAttributeValues: { ':pk': bookingKeys.startPartition(shiftStart.slice(0, 10)), ':prefix': bookingKeys.shiftPrefix(shiftStart, shiftId) },
          ProjectionExpression: 'applicationId',
        },
        client,
      );
      return items.map((item) => String(item.applicationId));
    },

    async cancelApproved(application, change, events) {
      const TableName = tableName();
      const { update, history, next } = applicationUpdate(application, change);
      const reasons = await transact(
        [
          update,
          history as TransactItem,
          {
            Delete: {
              TableName,
              Key: bookingKeys.item(application.volunteerId, application.shiftStart, application.shiftId),
              ConditionExpression: 'applicationId = :id',
              ExpressionAttributeValues: { ':id': application.id },
            },
          },
          releaseMarker(application),
          {
            Update: {
              TableName,
              Key: shiftKey(application),
              UpdateExpression: 'SET seatsTaken = seatsTaken - :one',
              ConditionExpression: 'seatsTaken > :zero',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          },
          {
            Put: {
              TableName,
              Item: cancelledSeat.toItem(
                {
                  volunteerId: application.volunteerId,
                  applicationId: application.id,
                  opportunityId: application.opportunityId,
                  orgId: application.orgId,
                  shiftId: application.shiftId,
                  start: application.shiftStart,
                  end: application.shiftEnd,
                  cancelledAt: change.at,
                },
                cancelledSeat.keys.item(application.volunteerId, application.shiftStart, application.shiftId),
                // Kept for the calendar feed as long as the cancelled application itself.
                { expiresAt: expiresAt('closedApplications', change.at) },
              ),
            },
          },
          ...eventItems(events, next),
          ...(await closingHistory(application, change)),
        ],
        `cancellation of application ${application.id}`,
      );
      if (reasons) throw new ApplicationChangedError(application.id);
    },
  };
};
