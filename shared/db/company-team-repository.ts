/**
 * Team events in the single table (entities/company-team-event.ts). Every invariant is a
 * condition inside the transaction that writes:
 * - never overbooked, never partly reserved: the shift's `seatsTaken` moves by N only if its
 *   capacity is the one read and `seatsTaken <= capacity − N`, with the team event's Put;
 * - never more claims than seats: `claimed < seats AND status = reserved` on the team event,
 *   with the employee's application items (one per volunteer and shift: its marker; the
 *   application names the team event, so the company partition keeps no personal item) and booking
 *   (the overlap guard's bookings version);
 * - released once: `status = reserved AND claimed = <read>` with `seatsTaken − unclaimed`.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyAppliedError, BookingsChangedError } from '../domain/applications/errors.js';
import { TeamSeatsGoneError, TeamSeatsUnavailableError } from '../domain/companies/errors.js';
import type { TeamEventRepository } from '../domain/companies/ports.js';
import { ConflictError } from '../domain/errors.js';
import { env } from '../env.js';
import { bookingWriteItems, newApplicationItems } from './application-items.js';
import { documentClient, queryAll } from './client.js';
import { appliedMarker } from './entities/applied-marker.js';
import { teamEvent } from './entities/company-team-event.js';
import { outboxPuts } from './entities/outbox-event.js';
import { shift } from './entities/shift.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

const DAY_MS = 86_400_000;
const contended = (what: string) => (attempts: number, cause: Error) => new ConflictError(`${what}: still contended after ${attempts} attempts, try again`, { cause });

export const companyTeamRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): TeamEventRepository => {
  const run = async (items: TransactItem[], what: string) => (await transactWrite(client, items, { attempts: 25, contended: contended(what) }))?.CancellationReasons;
  const get = async (companyId: string, teamEventId: string) => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: teamEvent.keys.item(companyId, teamEventId), ConsistentRead: true }));
    return Item ? teamEvent.fromItem(Item) : undefined;
  };

  return {
    async reserve(event, capacity) {
      const TableName = tableName();
      const reasons = await run(
        [
          {
            Update: {
              TableName,
              Key: shift.keys.item(event.opportunityId, event.shiftId),
              UpdateExpression: 'SET seatsTaken = seatsTaken + :n',
              ConditionExpression: 'attribute_exists(PK) AND #capacity = :capacity AND seatsTaken <= :most',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':n': event.seats, ':capacity': capacity, ':most': capacity - event.seats },
            },
          },
          {
            Put: {
              TableName,
              Item: teamEvent.toItem(event, { ...teamEvent.keys.item(event.companyId, event.id), ...teamEvent.keys.releaseIndex(event.releaseAt, event.companyId, event.id) }),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
        `reserving ${event.seats} seats on shift ${event.shiftId}`,
      );
      if (!reasons) return;
      if (failedAt(reasons, 0)) throw new TeamSeatsUnavailableError(event.seats, event.shiftId);
      throw new ConflictError(`team event ${event.id} could not be recorded`);
    },

    get,

    async list(companyId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': teamEvent.keys.partition(companyId), ':prefix': teamEvent.keys.prefix },
        },
        client,
      );
      return items.map((item) => teamEvent.fromItem(item));
    },

    async claim(event, application, first, bookings, events) {
      const TableName = tableName();
      const reasons = await run(
        [
          {
            Update: {
              TableName,
              Key: teamEvent.keys.item(event.companyId, event.id),
              UpdateExpression: 'SET claimed = claimed + :one',
              ConditionExpression: '#status = :reserved AND claimed < seats',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':one': 1, ':reserved': 'reserved' },
            },
          },
          // 1: application, 2: marker (one per volunteer and shift), 3: history, 4: booking, 5: bookings version.
          ...newApplicationItems(TableName, application, first),
          ...bookingWriteItems(TableName, application, bookings, first.at),
          ...outboxPuts(events, TableName),
        ],
        `claiming a seat of team event ${event.id}`,
      );
      if (!reasons) return;
      if (failedAt(reasons, 0)) {
        const now = await get(event.companyId, event.id);
        throw new TeamSeatsGoneError(event.id, now?.status === 'released' ? 'released' : 'claimed');
      }
      if (failedAt(reasons, 2)) {
        const { Item } = await client.send(new GetCommand({ TableName, Key: appliedMarker.keys.item(application.volunteerId, application.shiftId), ConsistentRead: true }));
        throw new AlreadyAppliedError(application.shiftId, Item ? appliedMarker.fromItem(Item).applicationId : undefined);
      }
      if (failedAt(reasons, 4) || failedAt(reasons, 5)) throw new BookingsChangedError(application.volunteerId);
      throw new ConflictError(`the claim of team event ${event.id} could not be recorded`);
    },

    async due(now, lookbackDays) {
      const today = Date.parse(`${now.slice(0, 10)}T00:00:00.000Z`);
      const days = Array.from({ length: lookbackDays + 1 }, (_, i) => new Date(today - (lookbackDays - i) * DAY_MS).toISOString().slice(0, 10));
      const pages = await Promise.all(
        days.map((day) =>
          queryAll(
            {
              TableName: tableName(),
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :until',
              ExpressionAttributeValues: { ':pk': teamEvent.keys.releasePartition(day), ':until': `${now}#~` },
              ProjectionExpression: 'companyId, id',
            },
            client,
          ),
        ),
      );
      return pages.flat().map((item) => ({ companyId: String(item.companyId), id: String(item.id) }));
    },

    async release(event, at) {
      const TableName = tableName();
      const unclaimed = event.seats - event.claimed;
      const reasons = await run(
        [
          {
            Update: {
              TableName,
              Key: teamEvent.keys.item(event.companyId, event.id),
              UpdateExpression: 'SET #status = :released, releasedSeats = :n, releasedAt = :at REMOVE GSI1PK, GSI1SK',
              ConditionExpression: '#status = :reserved AND claimed = :claimed',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':released': 'released', ':reserved': 'reserved', ':claimed': event.claimed, ':n': unclaimed, ':at': at },
            },
          },
          ...(unclaimed > 0
            ? [
                {
                  Update: {
                    TableName,
                    Key: shift.keys.item(event.opportunityId, event.shiftId),
                    UpdateExpression: 'SET seatsTaken = seatsTaken - :n',
                    ConditionExpression: 'seatsTaken >= :n',
                    ExpressionAttributeValues: { ':n': unclaimed },
                  },
                },
              ]
            : []),
        ],
        `releasing the seats of team event ${event.id}`,
      );
      if (!reasons) return 'applied';
      if (failedAt(reasons, 0)) return 'changed';
      throw new ConflictError(`shift ${event.shiftId} holds fewer seats than team event ${event.id} releases`);
    },
  };
};
