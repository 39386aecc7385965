/**
 * The volunteer's approved bookings near a window (entities/booking.ts), read after the
 * bookings version they are valid for: the overlap guard of applying, screening and claiming a
 * team seat. Its own module so that claiming carries none of the seat, waitlist and decision
 * writes (issue 17).
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApplicationRepository } from '../domain/applications/ports.js';
import type { Booking } from '../domain/applications/screening.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { bookingKeys, bookingsVersionKeys } from './entities/booking.js';

export const bookingReads = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Pick<ApplicationRepository, 'bookingsAround'> => ({
  async bookingsAround(volunteerId, window) {
    // The version first: a booking written after this read bumps it, and the seat
    // transaction's condition on it then fails (BookingsChangedError → screen again).
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: bookingsVersionKeys.item(volunteerId), ConsistentRead: true }));
    const version = Number(Item?.version ?? 0);
    const longestMs = Number(Item?.longestMs ?? 0);
    if (version === 0) return { version, longestMs, bookings: [] };
    const from = new Date(Date.parse(window.start) - longestMs).toISOString();
    const items = await queryAll(
      {
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        FilterExpression: '#end > :start',
        ExpressionAttributeNames: { '#end': 'end' },
        ExpressionAttributeValues: {
          ':pk': bookingKeys.partition(volunteerId),
          ':from': bookingKeys.sort(from),
          ':to': bookingKeys.sort(window.end),
          ':start': window.start,
        },
        ConsistentRead: true,
      },
      client,
    );
    const bookings: Booking[] = items.map((item) => ({
      shiftId: String(item.shiftId),
      applicationId: String(item.applicationId),
      start: String(item.start),
      end: String(item.end),
      ...(item.project === true && { project: true }),
    }));
    return { version, longestMs, bookings };
  },
});
