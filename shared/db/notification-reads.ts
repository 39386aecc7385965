/**
 * The notifications area's read model over other areas' items: approved and cancelled seats
 * (applications' BOOKING items), shifts and the words of their messages (opportunities,
 * organisations), managers and their languages, and review queues waiting for a decision.
 */
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Params } from '../domain/notifications/schema.js';
import type { DueBooking, PendingQueue, ShiftContext } from '../domain/notifications/reminders.js';
import { cityById } from '../domain/reference/cities.js';
import { env } from '../env.js';
import { shiftUid } from '../messaging/ics.js';
import { documentClient, queryAll } from './client.js';
import { applicationKeys } from './entities/application.js';
import { bookedSeat, bookingKeys as bookingEntityKeys, cancelledSeatKeys } from './entities/booking.js';
import { opportunityKeys as opportunityEntityKeys } from './entities/opportunity.js';
import { organizationKeys } from './entities/organization.js';
import { organizationManagerKeys } from './entities/organization-manager.js';
import { shiftKeys as shiftEntityKeys } from './entities/shift.js';
import { volunteerKeys } from './entities/volunteer.js';
import { volunteerDepartmentKeys } from './entities/volunteer-department.js';

/**
 * What the reminders job and the cancellation consumers read: approved seats by shift start
 * (sparse GSI3 on the applications area's BOOKING item) and the words of a shift's messages
 * (opportunity and organisation, one BatchGetItem per shift).
 */
export const reminderSource = (client: DynamoDBDocumentClient = documentClient(), tableName: string = env.tableName) => {
  const toBooking = (item: Record<string, unknown>): DueBooking => bookedSeat(item);

  async function* query(index: 'GSI1' | 'GSI3', partition: string, condition: string, values: Record<string, string>): AsyncIterable<DueBooking[]> {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index,
          KeyConditionExpression: `${index}PK = :pk AND ${condition}`,
          ExpressionAttributeValues: { ':pk': partition, ...values },
          ProjectionExpression: 'volunteerId, shiftId, opportunityId, orgId, #start, #end',
          ExpressionAttributeNames: { '#start': 'start', '#end': 'end' },
          ...(ExclusiveStartKey && { ExclusiveStartKey }),
        }),
      );
      if (page.Items?.length) yield page.Items.map(toBooking);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }

  return {
    /** Seats whose shift starts in (from, to]. */
    async *bookingsStarting(from: string, to: string): AsyncIterable<DueBooking[]> {
      for (let day = new Date(`${from.slice(0, 10)}T00:00:00.000Z`); day.toISOString() <= to; day = new Date(day.getTime() + 86_400_000)) {
        // `~` sorts after `#`, so `<to>~` includes every seat starting exactly at `to`; `<from>~` excludes those at `from`.
        yield* query('GSI3', bookingEntityKeys.startPartition(day.toISOString().slice(0, 10)), 'GSI3SK BETWEEN :from AND :to', {
          ':from': `${from}~`,
          ':to': `${to}~`,
        });
      }
    },

    /** Seats approved in (from, to] less than a day before their shift (GSI1, one partition per UTC day of approval). */
    async *bookingsApproved(from: string, to: string): AsyncIterable<DueBooking[]> {
      for (let day = new Date(`${from.slice(0, 10)}T00:00:00.000Z`); day.toISOString() <= to; day = new Date(day.getTime() + 86_400_000)) {
        yield* query('GSI1', bookingEntityKeys.latePartition(day.toISOString().slice(0, 10)), 'GSI1SK BETWEEN :from AND :to', {
          ':from': `${from}~`,
          ':to': `${to}~`,
        });
      }
    },

    /** The shifts of an opportunity, id and start only (one Query on its partition). */
    async shiftsOf(opportunityId: string): Promise<{ id: string; start: string }[]> {
      const items = await queryAll(
        {
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': shiftEntityKeys.item(opportunityId, '').PK, ':prefix': shiftEntityKeys.prefix },
          ProjectionExpression: 'id, #start',
          ExpressionAttributeNames: { '#start': 'start' },
        },
        client,
      );
      return items.map((item) => ({ id: String(item.id), start: String(item.start) }));
    },

    /** The approved seats of one shift. */
    async *bookingsOfShift(shiftId: string, start: string): AsyncIterable<DueBooking[]> {
      yield* query('GSI3', bookingEntityKeys.startPartition(start.slice(0, 10)), 'begins_with(GSI3SK, :prefix)', { ':prefix': bookingEntityKeys.shiftPrefix(start, shiftId) });
    },

    async shiftContext(booking: Pick<DueBooking, 'opportunityId' | 'orgId' | 'shiftId' | 'start' | 'end'>): Promise<ShiftContext | undefined> {
      const keys = [opportunityEntityKeys.item(booking.opportunityId), organizationKeys.item(booking.orgId)];
      const { Responses } = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: { Keys: keys, ProjectionExpression: 'PK, SK, titleAr, titleEn, nameAr, nameEn, city, #status', ExpressionAttributeNames: { '#status': 'status' } },
          },
        }),
      );
      const items = Responses?.[tableName] ?? [];
      const opportunityItem = items.find((item) => item.PK === keys[0]!.PK);
      const org = items.find((item) => item.PK === keys[1]!.PK);
      if (!opportunityItem) return undefined;
      const opportunity = opportunityItem;
      const city = typeof opportunity.city === 'string' ? cityById(opportunity.city) : undefined;
      const params: Params = {
        titleAr: String(opportunity.titleAr),
        titleEn: String(opportunity.titleEn),
        orgNameAr: String(org?.nameAr ?? ''),
        orgNameEn: String(org?.nameEn ?? ''),
        start: booking.start,
        end: booking.end,
        ...(city && { placeAr: city.nameAr, placeEn: city.nameEn }),
      };
      return {
        active: opportunity.status !== 'closed',
        params,
        calendar: {
          uid: shiftUid(booking.shiftId),
          start: booking.start,
          end: booking.end,
          summary: `${String(opportunity.titleAr)} | ${String(opportunity.titleEn)}`,
          ...(city && { location: `${city.nameAr} | ${city.nameEn}` }),
          sequence: 0,
          status: 'CONFIRMED',
        },
      };
    },
  };
};

/** The email addresses of an organisation's volunteer managers (organisations area's MANAGER# items). */
export const managerEmails = async (orgId: string, client: DynamoDBDocumentClient = documentClient(), tableName: string = env.tableName): Promise<string[]> => {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': organizationKeys.partition(orgId), ':prefix': organizationManagerKeys.prefix },
      ProjectionExpression: 'email',
    }),
  );
  return Items.flatMap((item) => (typeof item.email === 'string' ? [item.email] : []));
};

/**
 * An organisation's managers with the language to write to them in: the locale of their own
 * volunteer profile when they have one (one BatchGetItem), else Arabic.
 */
export const managerContacts = async (
  orgId: string,
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): Promise<{ email: string; locale: 'ar' | 'en' }[]> => {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': organizationKeys.partition(orgId), ':prefix': organizationManagerKeys.prefix },
      ProjectionExpression: 'email, #sub',
      ExpressionAttributeNames: { '#sub': 'sub' },
    }),
  );
  const managers = Items.flatMap((item) => (typeof item.email === 'string' ? [{ email: item.email, sub: typeof item.sub === 'string' ? item.sub : undefined }] : []));
  const keys = managers.flatMap((m) => (m.sub ? [volunteerKeys.item(m.sub)] : []));
  const locales = new Map<string, 'ar' | 'en'>();
  for (let i = 0; i < keys.length; i += 100) {
    const { Responses } = await client.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys.slice(i, i + 100), ProjectionExpression: 'id, preferences' } } }),
    );
    for (const item of Responses?.[tableName] ?? []) {
      const locale = (item.preferences as { locale?: unknown } | undefined)?.locale;
      if (locale === 'en' || locale === 'ar') locales.set(String(item.id), locale);
    }
  }
  return managers.map((m) => ({ email: m.email, locale: (m.sub && locales.get(m.sub)) || 'ar' }));
};

/** A volunteer's seat items of one kind (bookings, or seats cancelled with their opportunity) for shifts starting after `since`. */
const seatsAfter = async (
  keys: typeof bookingEntityKeys | typeof cancelledSeatKeys,
  volunteerId: string,
  since: string,
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<DueBooking[]> => {
  const items = await queryAll(
    {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.partition(volunteerId), ':from': keys.sort(since), ':to': keys.last },
    },
    client,
  );
  return items.map((item) => bookedSeat({ ...item, volunteerId }));
};

/** A volunteer's approved seats (the applications area's BOOKING items) starting after `since`. */
export const approvedShifts = (volunteerId: string, since: string, client: DynamoDBDocumentClient = documentClient(), tableName: string = env.tableName) =>
  seatsAfter(bookingEntityKeys, volunteerId, since, client, tableName);

/** A volunteer's seats cancelled by a closed opportunity, for shifts starting after `since` (the calendar feed shows them cancelled). */
export const cancelledShifts = (volunteerId: string, since: string, client: DynamoDBDocumentClient = documentClient(), tableName: string = env.tableName) =>
  seatsAfter(cancelledSeatKeys, volunteerId, since, client, tableName);

/**
 * Organisations whose review queue (applications area, GSI2 `ORG#<orgId>#APP#pending`, sorted by
 * the time the application became pending) holds applications pending since before
 * `olderThan`: the organisations with an established volunteer department (GSI1 DEPARTMENTS)
 * are walked, one Query each — bounded by the number of organisations, never a Scan.
 */
export const pendingQueues = async (
  olderThan: string,
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): Promise<PendingQueue[]> => {
  const orgIds: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': volunteerDepartmentKeys.all },
        ProjectionExpression: 'orgId',
        ...(start && { ExclusiveStartKey: start }),
      }),
    );
    for (const item of page.Items ?? []) if (typeof item.orgId === 'string') orgIds.push(item.orgId);
    start = page.LastEvaluatedKey;
  } while (start);

  const queues: PendingQueue[] = [];
  for (const orgId of orgIds) {
    let count = 0;
    let oldest: string | undefined;
    let next: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :older',
          ExpressionAttributeValues: { ':pk': applicationKeys.reviewPartition(orgId, 'pending'), ':older': olderThan },
          ProjectionExpression: 'GSI2SK',
          ...(next && { ExclusiveStartKey: next }),
        }),
      );
      for (const item of page.Items ?? []) {
        count += 1;
        oldest ??= String(item.GSI2SK).split('#')[0];
      }
      next = page.LastEvaluatedKey;
    } while (next);
    if (count === 0 || !oldest) continue;
    const [{ Item: org }, managers] = await Promise.all([
      client.send(new GetCommand({ TableName: tableName, Key: organizationKeys.item(orgId), ProjectionExpression: 'nameAr, nameEn' })),
      managerContacts(orgId, client, tableName),
    ]);
    queues.push({ orgId, count, oldest, managers, orgParams: { orgNameAr: String(org?.nameAr ?? orgId), orgNameEn: String(org?.nameEn ?? orgId) } });
  }
  return queues;
};
