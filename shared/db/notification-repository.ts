/**
 * Notifications in the single table (entities/notification.ts, suppression.ts, local-sms.ts, job-cursor.ts): the outbox, the
 * suppression list, the local SMS box and the reminder cursors; plus the one read of a
 * volunteer profile the notifier needs (contact, consent, preferences).
 *
 * The outbox invariant "written once, sent once" is a condition expression: the item is put
 * with `attribute_not_exists(PK)` before sending, and every later state change is conditioned
 * on the state the caller saw.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Contact } from '../domain/notifications/policy.js';
import type { Channel, OutboxRecord, OutboxStatus, Params } from '../domain/notifications/schema.js';
import { Locale } from '../domain/reference/professions.js';
import { expiresAt } from '../domain/personal-data/retention.js';
import { env } from '../env.js';
import { batchGetAll, documentClient, queryAll } from './client.js';
import { application } from './entities/application.js';
import { bookedSeat, booking as bookingEntity, cancelledSeat } from './entities/booking.js';
import { jobCursor } from './entities/job-cursor.js';
import { localSms } from './entities/local-sms.js';
import { notification } from './entities/notification.js';
import { opportunity as opportunityEntity } from './entities/opportunity.js';
import { organization } from './entities/organization.js';
import { organizationManager } from './entities/organization-manager.js';
import { shift as shiftEntity } from './entities/shift.js';
import { suppression } from './entities/suppression.js';
import { volunteer } from './entities/volunteer.js';
import { volunteerDepartment } from './entities/volunteer-department.js';
import type { DueBooking, PendingQueue, ShiftContext } from '../domain/notifications/reminders.js';
import { shiftUid } from '../messaging/ics.js';
import { cityById } from '../domain/reference/cities.js';
import type { DomainEvent } from '../domain/events.js';
import { outboxPut } from './entities/outbox-event.js';
import { failedAt, transactWrite } from './transactions.js';

export interface SendResult {
  readonly status: Extract<OutboxStatus, 'sent' | 'failed' | 'dead' | 'suppressed'>;
  readonly attempts: number;
  readonly at: string;
  readonly reason?: string;
  readonly providerMessageId?: string;
}

export interface Suppression {
  readonly channel: Channel;
  readonly address: string;
  readonly reason: string;
  readonly source: string;
  readonly at: string;
}

export interface LocalSms {
  readonly id: string;
  readonly to: string;
  readonly body: string;
  readonly at: string;
}

export interface LocalSmsBox {
  recordLocalSms(sms: LocalSms): Promise<void>;
  listLocalSms(limit?: number): Promise<LocalSms[]>;
}

export interface OutboxStore {
  /** Writes a new record; false when one with the same id (dedupe key) already exists. */
  create(record: OutboxRecord): Promise<boolean>;
  /**
   * Writes new records in transactions of up to 100 (each still conditioned on its dedupe key
   * being new); for each, true when written, false when it already existed.
   */
  createMany(records: readonly OutboxRecord[]): Promise<boolean[]>;
  get(id: string): Promise<OutboxRecord | undefined>;
  /** Takes over a `sending` record whose lease (`seenLease`) ran out; false if someone else did. */
  takeOver(id: string, seenLease: string, leaseUntil: string): Promise<boolean>;
  /** Moves a due `deferred` record to `sending`; false if another run claimed it. */
  claimDeferred(id: string, leaseUntil: string): Promise<boolean>;
  /** Records the outcome of a `sending` record. */
  complete(id: string, result: SendResult): Promise<void>;
  /** `complete` of many records, in transactions of up to 100. */
  completeMany(outcomes: readonly { id: string; result: SendResult }[]): Promise<void>;
  /**
   * Records that a `sending` record failed every try (`dead`) and writes `event` (its
   * NotificationDeadLettered) in the same transaction: the dead letter is never without its event.
   */
  deadLetter(id: string, result: Omit<SendResult, 'status'>, event: DomainEvent): Promise<void>;
  /** Moves a `dead` record back to `sending` (a re-drive); false if it is not dead any more. */
  reviveDead(id: string, leaseUntil: string): Promise<boolean>;
  /** Deferred records due at `now` (sendAfter ≤ now), oldest first. */
  dueDeferred(now: Date, limit?: number): Promise<OutboxRecord[]>;
  listDead(limit?: number): Promise<OutboxRecord[]>;
  listDeferred(from: Date, days?: number, limit?: number): Promise<OutboxRecord[]>;
}

export interface ContactStore {
  volunteerContact(volunteerId: string): Promise<Contact | undefined>;
  /** The contacts of the volunteers that have a profile, by volunteer id (BatchGetItem calls of 100). */
  volunteerContacts(volunteerIds: readonly string[]): Promise<Map<string, Contact>>;
  /** Reasons by `<channel>:<address>` for the suppressed ones among `entries` (BatchGetItem calls of 100). */
  suppressions(entries: readonly { channel: Channel; address: string }[]): Promise<Map<string, string>>;
  suppress(suppression: Suppression): Promise<void>;
  unsuppress(channel: Channel, address: string): Promise<boolean>;
  getSuppression(channel: Channel, address: string): Promise<Suppression | undefined>;
}

export interface ReminderCursors {
  getCursor(window: string): Promise<string | undefined>;
  setCursor(window: string, coveredUntil: string, previous: string | undefined): Promise<boolean>;
}

export type NotificationRepository = OutboxStore & ContactStore & LocalSmsBox & ReminderCursors;

export const suppressionKey = (channel: Channel, address: string) => `${channel}:${address.toLowerCase()}`;

/** The part of a volunteer profile the notifier reads (see shared/domain/volunteers/schema.ts). */
const ContactProfile = z.object({
  id: z.string(),
  nameAr: z.string().optional(),
  nameEn: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  preferences: z.object({
    email: z.boolean(),
    sms: z.boolean(),
    locale: Locale.catch('ar').default('ar'),
    quietHours: z.object({ from: z.string(), to: z.string() }).optional(),
  }),
  consent: z
    .object({ email: z.object({ granted: z.boolean() }).optional(), sms: z.object({ granted: z.boolean() }).optional() })
    .optional(),
});

const toRecord = (item: Record<string, unknown>): OutboxRecord => notification.fromItem(item);

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** The update that records the outcome of a `sending` record (conditioned on it still being `sending`). */
const completionOf = (tableName: string) => (id: string, result: SendResult) => {
  const values: Record<string, unknown> = {
    ':status': result.status,
    ':attempts': result.attempts,
    ':now': result.at,
    ':sending': 'sending',
  };
  const sets = ['#status = :status', 'attempts = :attempts', 'updatedAt = :now'];
  if (result.reason) {
    sets.push('reason = :reason');
    values[':reason'] = result.reason;
  }
  if (result.status === 'sent') sets.push('sentAt = :now');
  if (result.providerMessageId) {
    sets.push('providerMessageId = :pid');
    values[':pid'] = result.providerMessageId;
  }
  if (result.status === 'dead') {
    const index = notification.keys.deadIndex(result.at, id);
    sets.push('GSI1PK = :gpk', 'GSI1SK = :gsk');
    values[':gpk'] = index.GSI1PK;
    values[':gsk'] = index.GSI1SK;
  }
  return {
    TableName: tableName,
    Key: notification.keys.item(id),
    UpdateExpression: `SET ${sets.join(', ')} REMOVE leaseUntil`,
    ConditionExpression: '#status = :sending',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: values,
  };
};

const CONTACT_PROJECTION = 'id, nameAr, nameEn, email, phone, preferences, consent';

/** What the notifier needs of a volunteer profile item (projected with CONTACT_PROJECTION). */
const contactOf = (item: Record<string, unknown>): Contact => {
  const profile = ContactProfile.parse(item);
  const granted = (channel: Channel) => profile.preferences[channel] && (profile.consent?.[channel]?.granted ?? true);
  return {
    recipientId: `volunteer:${profile.id}`,
    locale: profile.preferences.locale,
    name: { ...(profile.nameAr && { ar: profile.nameAr }), ...(profile.nameEn && { en: profile.nameEn }) },
    ...(profile.email && { email: profile.email }),
    ...(profile.phone && { phone: profile.phone }),
    consent: { email: granted('email'), sms: granted('sms') },
    ...(profile.preferences.quietHours && { quietHours: profile.preferences.quietHours }),
  };
};

/** The most items one TransactWriteItems takes. */
const TRANSACTION_ITEMS = 100;

export const notificationRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): NotificationRepository => {
  const completion = completionOf(tableName);
  /** The new record, put only if its dedupe key is new (`attribute_not_exists`). */
  const creation = (record: OutboxRecord) => ({
    TableName: tableName,
    Item: notification.toItem(record, {
      ...notification.keys.item(record.id),
      ...(record.status === 'deferred' && record.sendAfter && notification.keys.deferredIndex(record.sendAfter, record.id)),
      ...notification.keys.recipientIndex(record.recipientId, record.createdAt, record.id),
      expiresAt: expiresAt('messages', record.createdAt),
    }),
    ConditionExpression: 'attribute_not_exists(PK)',
  });
  const complete = async (id: string, result: SendResult): Promise<void> => {
    await client.send(new UpdateCommand(completion(id, result)));
  };
  const conditional = async (run: () => Promise<unknown>): Promise<boolean> => {
    try {
      await run();
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  };

  const queryOutbox = async (input: {
    partition: string;
    upTo?: string;
    newestFirst?: boolean;
    limit: number;
  }): Promise<OutboxRecord[]> => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: input.upTo ? 'GSI1PK = :pk AND GSI1SK <= :upTo' : 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': input.partition, ...(input.upTo && { ':upTo': input.upTo }) },
        ScanIndexForward: !input.newestFirst,
        Limit: input.limit,
      }),
    );
    return Items.map(toRecord);
  };

  return {
    async create(record) {
      return conditional(() => client.send(new PutCommand(creation(record))));
    },

    async createMany(records) {
      const created = records.map(() => true);
      for (let i = 0; i < records.length; i += TRANSACTION_ITEMS) {
        // The records whose dedupe key already exists drop out; the rest are tried again.
        let pending = records.slice(i, i + TRANSACTION_ITEMS).map((record, j) => ({ record, index: i + j }));
        while (pending.length > 0) {
          const cancelled = await transactWrite(client, pending.map(({ record }) => ({ Put: creation(record) })), {
            attempts: 5,
            contended: (attempts, cause) => new Error(`writing ${pending.length} outbox records met concurrent writes ${attempts} times`, { cause }),
          });
          if (!cancelled) break;
          const existing = pending.filter((_, j) => failedAt(cancelled.CancellationReasons, j));
          if (existing.length === 0) throw cancelled;
          for (const { index } of existing) created[index] = false;
          pending = pending.filter((_, j) => !failedAt(cancelled.CancellationReasons, j));
        }
      }
      return created;
    },

    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: notification.keys.item(id), ConsistentRead: true }));
      return Item ? toRecord(Item) : undefined;
    },

    async takeOver(id, seenLease, leaseUntil) {
      return conditional(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: notification.keys.item(id),
            // `takeovers` counts the sends abandoned mid-way: the one case where a message may have gone out twice.
            UpdateExpression: 'SET leaseUntil = :lease, updatedAt = :now ADD takeovers :one',
            ConditionExpression: '#status = :sending AND leaseUntil = :seen',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':lease': leaseUntil, ':now': new Date().toISOString(), ':sending': 'sending', ':seen': seenLease, ':one': 1 },
          }),
        ),
      );
    },

    async claimDeferred(id, leaseUntil) {
      return conditional(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: notification.keys.item(id),
            UpdateExpression: 'SET #status = :sending, leaseUntil = :lease, updatedAt = :now REMOVE GSI1PK, GSI1SK',
            ConditionExpression: '#status = :deferred',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':sending': 'sending', ':deferred': 'deferred', ':lease': leaseUntil, ':now': new Date().toISOString() },
          }),
        ),
      );
    },

    complete,

    async completeMany(outcomes) {
      for (let i = 0; i < outcomes.length; i += TRANSACTION_ITEMS) {
        const chunk = outcomes.slice(i, i + TRANSACTION_ITEMS);
        const cancelled = await transactWrite(client, chunk.map(({ id, result }) => ({ Update: completion(id, result) })), {
          attempts: 5,
          contended: (attempts, cause) => new Error(`completing ${chunk.length} outbox records met concurrent writes ${attempts} times`, { cause }),
        });
        if (!cancelled) continue;
        // A record is no longer `sending` (taken over): record the others one by one, then fail as complete() does.
        const failed = chunk.filter((_, j) => failedAt(cancelled.CancellationReasons, j));
        for (const { id, result } of chunk.filter((_, j) => !failedAt(cancelled.CancellationReasons, j))) await complete(id, result);
        throw new ConditionalCheckFailedException({ message: `outbox records ${failed.map((f) => f.id).join(', ')} are no longer being sent`, $metadata: {} });
      }
    },

    async deadLetter(id, result, event) {
      const update = completion(id, { ...result, status: 'dead' });
      const cancelled = await transactWrite(client, [{ Update: update }, outboxPut(event, tableName)], {
        attempts: 5,
        contended: (attempts, cause) => new Error(`dead-lettering notification ${id} met concurrent writes ${attempts} times`, { cause }),
      });
      if (cancelled) throw new Error(`notification ${id} is no longer being sent: not dead-lettered`, { cause: cancelled });
    },

    async reviveDead(id, leaseUntil) {
      return conditional(() =>
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: notification.keys.item(id),
            UpdateExpression: 'SET #status = :sending, leaseUntil = :lease, updatedAt = :now REMOVE GSI1PK, GSI1SK',
            ConditionExpression: '#status = :dead',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':sending': 'sending', ':dead': 'dead', ':lease': leaseUntil, ':now': new Date().toISOString() },
          }),
        ),
      );
    },

    async dueDeferred(now, limit = 500) {
      const today = now.toISOString().slice(0, 10);
      const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
      const upTo = `${now.toISOString()}#\uffff`;
      const results: OutboxRecord[] = [];
      for (const day of [yesterday, today]) {
        results.push(...(await queryOutbox({ partition: notification.keys.deferredPartition(day), upTo, limit: limit - results.length })));
        if (results.length >= limit) break;
      }
      return results;
    },

    async listDead(limit = 100) {
      return queryOutbox({ partition: notification.keys.deadPartition, newestFirst: true, limit });
    },

    async listDeferred(from, days = 2, limit = 100) {
      const results: OutboxRecord[] = [];
      for (let d = 0; d < days && results.length < limit; d++) {
        const day = new Date(from.getTime() + d * 86_400_000).toISOString().slice(0, 10);
        results.push(...(await queryOutbox({ partition: notification.keys.deferredPartition(day), limit: limit - results.length })));
      }
      return results;
    },

    async volunteerContact(volunteerId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: volunteer.keys.item(volunteerId), ProjectionExpression: CONTACT_PROJECTION }),
      );
      return Item ? contactOf(Item) : undefined;
    },

    async volunteerContacts(volunteerIds) {
      const ids = [...new Set(volunteerIds)];
      const items = await batchGetAll(client, tableName, ids.map((id) => volunteer.keys.item(id)), { ProjectionExpression: CONTACT_PROJECTION });
      return new Map(items.map((item) => [String(item.id), contactOf(item)]));
    },

    async suppressions(entries) {
      const found = new Map<string, string>();
      const keys = [...new Map(entries.map((e) => [suppressionKey(e.channel, e.address), suppression.keys.item(e.channel, e.address)])).values()];
      for (const item of await batchGetAll(client, tableName, keys)) {
        const { channel, address, reason } = suppression.fromItem(item);
        found.set(suppressionKey(channel, address), reason);
      }
      return found;
    },

    async suppress(s) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: suppression.toItem({ ...s, address: s.address.toLowerCase() }, suppression.keys.item(s.channel, s.address)),
        }),
      );
    },

    async unsuppress(channel, address) {
      const { Attributes } = await client.send(
        new DeleteCommand({ TableName: tableName, Key: suppression.keys.item(channel, address), ReturnValues: 'ALL_OLD' }),
      );
      return Attributes !== undefined;
    },

    async getSuppression(channel, address) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: suppression.keys.item(channel, address) }));
      return Item ? suppression.fromItem(Item) : undefined;
    },

    async recordLocalSms(sms) {
      await client.send(new PutCommand({ TableName: tableName, Item: localSms.toItem(sms, localSms.keys.item(sms.at, sms.id)) }));
    },

    async listLocalSms(limit = 100) {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': localSms.keys.partition },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map((item) => localSms.fromItem(item));
    },

    async getCursor(window) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: jobCursor.keys.item('reminders', window), ConsistentRead: true }));
      return Item ? jobCursor.fromItem(Item).coveredUntil : undefined;
    },

    async setCursor(window, coveredUntil, previous) {
      return conditional(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: jobCursor.toItem({ coveredUntil }, jobCursor.keys.item('reminders', window)),
            ConditionExpression: previous === undefined ? 'attribute_not_exists(PK)' : 'coveredUntil = :previous',
            ...(previous !== undefined && { ExpressionAttributeValues: { ':previous': previous } }),
          }),
        ),
      );
    },
  };
};

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
        yield* query('GSI3', bookingEntity.keys.startPartition(day.toISOString().slice(0, 10)), 'GSI3SK BETWEEN :from AND :to', {
          ':from': `${from}~`,
          ':to': `${to}~`,
        });
      }
    },

    /** Seats approved in (from, to] less than a day before their shift (GSI1, one partition per UTC day of approval). */
    async *bookingsApproved(from: string, to: string): AsyncIterable<DueBooking[]> {
      for (let day = new Date(`${from.slice(0, 10)}T00:00:00.000Z`); day.toISOString() <= to; day = new Date(day.getTime() + 86_400_000)) {
        yield* query('GSI1', bookingEntity.keys.latePartition(day.toISOString().slice(0, 10)), 'GSI1SK BETWEEN :from AND :to', {
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
          ExpressionAttributeValues: { ':pk': shiftEntity.keys.item(opportunityId, '').PK, ':prefix': shiftEntity.keys.prefix },
          ProjectionExpression: 'id, #start',
          ExpressionAttributeNames: { '#start': 'start' },
        },
        client,
      );
      return items.map((item) => ({ id: String(item.id), start: String(item.start) }));
    },

    /** The approved seats of one shift. */
    async *bookingsOfShift(shiftId: string, start: string): AsyncIterable<DueBooking[]> {
      yield* query('GSI3', bookingEntity.keys.startPartition(start.slice(0, 10)), 'begins_with(GSI3SK, :prefix)', { ':prefix': bookingEntity.keys.shiftPrefix(start, shiftId) });
    },

    async shiftContext(booking: Pick<DueBooking, 'opportunityId' | 'orgId' | 'shiftId' | 'start' | 'end'>): Promise<ShiftContext | undefined> {
      const keys = [opportunityEntity.keys.item(booking.opportunityId), organization.keys.item(booking.orgId)];
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
      ExpressionAttributeValues: { ':pk': organization.keys.partition(orgId), ':prefix': organizationManager.keys.prefix },
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
      ExpressionAttributeValues: { ':pk': organization.keys.partition(orgId), ':prefix': organizationManager.keys.prefix },
      ProjectionExpression: 'email, #sub',
      ExpressionAttributeNames: { '#sub': 'sub' },
    }),
  );
  const managers = Items.flatMap((item) => (typeof item.email === 'string' ? [{ email: item.email, sub: typeof item.sub === 'string' ? item.sub : undefined }] : []));
  const keys = managers.flatMap((m) => (m.sub ? [volunteer.keys.item(m.sub)] : []));
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

/** A volunteer's approved seats (the applications area's BOOKING items) starting after `since`. */
export const approvedShifts = async (
  volunteerId: string,
  since: string,
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): Promise<DueBooking[]> => {
  const items = await queryAll(
    {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': bookingEntity.keys.partition(volunteerId), ':from': bookingEntity.keys.sort(since), ':to': bookingEntity.keys.last },
    },
    client,
  );
  const bookings: DueBooking[] = items.map((item) => ({
    volunteerId,
    shiftId: String(item.shiftId),
    opportunityId: String(item.opportunityId),
    orgId: String(item.orgId),
    start: String(item.start),
    end: String(item.end),
  }));
  return bookings;
};

/** A volunteer's seats cancelled by a closed opportunity, for shifts starting after `since` (the calendar feed shows them cancelled). */
export const cancelledShifts = async (
  volunteerId: string,
  since: string,
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): Promise<DueBooking[]> => {
  const items = await queryAll(
    {
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': cancelledSeat.keys.partition(volunteerId), ':from': cancelledSeat.keys.sort(since), ':to': cancelledSeat.keys.last },
    },
    client,
  );
  return items.map((item) => bookedSeat(item));
};

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
        ExpressionAttributeValues: { ':pk': volunteerDepartment.keys.all },
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
          ExpressionAttributeValues: { ':pk': application.keys.reviewPartition(orgId, 'pending'), ':older': olderThan },
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
      client.send(new GetCommand({ TableName: tableName, Key: organization.keys.item(orgId), ProjectionExpression: 'nameAr, nameEn' })),
      managerContacts(orgId, client, tableName),
    ]);
    queues.push({ orgId, count, oldest, managers, orgParams: { orgNameAr: String(org?.nameAr ?? orgId), orgNameEn: String(org?.nameEn ?? orgId) } });
  }
  return queues;
};
