/**
 * Attendance and hours on the single table (entities: hours-record, attendance, hours-ledger,
 * valuation-rate). Every change of the service is one TransactWriteItems: the hours record, the
 * attendance item, the day ledgers, the counters, the reversal entry and the outbox events, so
 * a failed condition leaves nothing half-written; the failed item's kind names the error.
 *
 * The store is composed of parts (shifts, attendance, ledgers, records, writes, lists, pending
 * counts, sweeps, rates, deliverables), each a factory of its own: esbuild cannot drop an unused method of an
 * object, but it drops a factory nobody calls, so a handler that takes only the parts it calls
 * carries only their entities and schemas (issue 17). `hoursRepository()` is all of them.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import type { DayLedger } from '../domain/hours/credit.js';
import { AttendanceAlreadyRecordedError, DeliverableAlreadyConfirmedError, HoursAlreadyDecidedError, HoursDecidedError, LedgerChangedError } from '../domain/hours/errors.js';
import type { HoursRepository, HoursWrite, Page, Seat } from '../domain/hours/ports.js';
import type { HoursRecord } from '../domain/hours/schema.js';
import { env } from '../env.js';
import { attendanceSummaryReader } from './attendance-summary.js';
import { documentClient, queryAll } from './client.js';
import { attendance, attendanceItem } from './entities/attendance.js';
import { bookedSeat } from './entities/booking.js';
import type { Item } from './entities/entity.js';
import { ATTENDANCE_STATS, attendanceStatsKeys, hoursLedger, hoursLedgerItem } from './entities/hours-ledger.js';
import { hoursRecord, hoursRecordItem, hoursRecordKeys } from './entities/hours-record.js';
import { outboxPut } from './entities/outbox-event.js';
import { projectDeliverable } from './entities/project-deliverable.js';
import { jobCursor, valuationRate } from './entities/valuation-rate.js';
import { bookingKeys } from './entities/booking.js';
import { shiftByIdQuery } from './entities/shift.js';
import { opportunityReads } from './opportunity-reads.js';
import { transactWrite, type TransactItem } from './transactions.js';

type Kind = 'hours' | 'attendance' | 'ledger' | 'other';

const PageCursor = /* @__PURE__ */ z.object({ p: /* @__PURE__ */ z.string(), s: /* @__PURE__ */ z.string() });

/** A booked seat is what the hours area calls a Seat. */
const toSeat = (item: Item): Seat => bookedSeat(item);

/** A shift with its opportunity, an opportunity with its shifts (opportunityReads: not the opportunity repository) and the volunteer's seats on them. */
export const hoursShifts = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'shift' | 'opportunity' | 'seat' | 'seatsOn'> => {
  const opportunities = opportunityReads(client, tableName);
  return {
    async shift(shiftId) {
      const { Items } = await client.send(new QueryCommand(shiftByIdQuery(tableName(), shiftId)));
      const shiftItem = Items?.[0];
      if (!shiftItem) return undefined;
      const found = await opportunities.get(String(shiftItem.opportunityId));
      const shift = found?.shifts.find((s) => s.id === shiftId);
      return found && shift ? { shift, opportunity: found.opportunity } : undefined;
    },

    opportunity: (id) => opportunities.get(id),

    async seat(volunteerId, shift) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: bookingKeys.item(volunteerId, shift.start, shift.id) }));
      return Item ? toSeat(Item) : undefined;
    },

    async seatsOn(volunteerId, opportunity) {
      const found = await Promise.all(
        opportunity.shifts.map((s) => client.send(new GetCommand({ TableName: tableName(), Key: bookingKeys.item(volunteerId, s.start, s.id) }))),
      );
      return found.flatMap((r) => (r.Item ? [toSeat(r.Item)] : []));
    },

  };
};

/** Attendance items (the record schema): one volunteer's on a shift, and the open check-ins of ended shifts. */
export const hoursAttendance = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'attendance' | 'openCheckIns'> => {
  return {
    async attendance(shiftId, volunteerId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: attendance.keys.item(shiftId, volunteerId), ConsistentRead: true }));
      return Item ? attendance.fromItem(Item) : undefined;
    },

    async openCheckIns(endedBy, limit) {
      const { Items } = await client.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :p AND GSI2SK < :by',
          ExpressionAttributeValues: { ':p': attendance.keys.openPartition, ':by': `${endedBy}#` },
          Limit: limit,
        }),
      );
      return (Items ?? []).map((i) => attendance.fromItem(i));
    },

  };
};

/** The volunteer's day ledgers, strongly consistent (missing days come back empty, version 0). */
export const hoursLedgers = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'ledgers'> => {
  const ledgerOf = async (sub: string, date: string): Promise<DayLedger> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: hoursLedger.keys.item(sub, date), ConsistentRead: true }));
    return Item ? hoursLedger.fromItem(Item) : { date, minutes: 0, intervals: [], version: 0 };
  };

  return {
    ledgers: (volunteerId, dates) => Promise.all([...new Set(dates)].map((d) => ledgerOf(volunteerId, d))),

  };
};

/** One hours record, strongly consistent, validated whole (what a decision reads). */
export const hoursRecords = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'get'> => {
  return {
    async get(hoursId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: hoursRecord.keys.item(hoursId), ConsistentRead: true }));
      return Item ? hoursRecord.fromItem(Item) : undefined;
    },

  };
};

/** The writes: each change as one TransactWriteItems, and the task token; items built from the keys without the record schemas (issue 17). */
export const hoursWrites = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'write' | 'storeTaskToken'> => {
  return {
    async write(change: HoursWrite) {
      const TableName = tableName();
      const items: TransactItem[] = [];
      const kinds: Kind[] = [];
      const add = (kind: Kind, item: TransactItem) => {
        items.push(item);
        kinds.push(kind);
      };
      if (change.hours) {
        const { record, expect } = change.hours;
        add('hours', {
          Put: {
            TableName,
            Item: hoursRecordItem(record),
            ...(expect
              ? { ConditionExpression: '#status = :status AND version = :version', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':status': expect.status, ':version': expect.version } }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          },
        });
      }
      if (change.attendance) {
        const { record, expect, disputed } = change.attendance;
        const disputeCondition =
          disputed === 'none' ? ' AND attribute_not_exists(dispute)' : disputed === 'open' ? ' AND dispute.#status = :open' : '';
        add('attendance', {
          Put: {
            TableName,
            Item: attendanceItem(record),
            ...(expect
              ? {
                  ConditionExpression: `#status = :att${disputeCondition}`,
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':att': expect, ...(disputed === 'open' && { ':open': 'open' }) },
                }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          },
        });
      }
      for (const { volunteerId, seen, next } of change.ledgers ?? []) {
        add('ledger', {
          Put: {
            TableName,
            Item: hoursLedgerItem(volunteerId, { ...next, intervals: [...next.intervals], version: seen.version + 1 }),
            ...(seen.version === 0
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': seen.version } }),
          },
        });
      }
      // One Update per counters item (a transaction may touch an item once): attended +1 and noShows -1 together.
      const counterItems = new Map<string, { volunteerId: string; month: string; deltas: Map<string, number> }>();
      for (const { volunteerId, month, counter, by = 1 } of change.counters ?? []) {
        const key = `${volunteerId}#${month}`;
        const entry = counterItems.get(key) ?? { volunteerId, month, deltas: new Map<string, number>() };
        entry.deltas.set(counter, (entry.deltas.get(counter) ?? 0) + by);
        counterItems.set(key, entry);
      }
      for (const { volunteerId, month, deltas } of counterItems.values()) {
        const counters = [...deltas.entries()];
        add('other', {
          Update: {
            TableName,
            Key: attendanceStatsKeys.item(volunteerId, month),
            UpdateExpression: `SET entity = :entity, #month = :month ADD ${counters.map((_, i) => `#c${i} :d${i}`).join(', ')}`,
            ExpressionAttributeNames: { '#month': 'month', ...Object.fromEntries(counters.map(([c], i) => [`#c${i}`, c])) },
            ExpressionAttributeValues: { ':entity': ATTENDANCE_STATS, ':month': month, ...Object.fromEntries(counters.map(([, d], i) => [`:d${i}`, d])) },
          },
        });
      }
      if (change.reversal) {
        const { hoursId, reversalId, ...rest } = change.reversal;
        add('hours', {
          Put: {
            TableName,
            Item: { ...hoursRecordKeys.reversal(hoursId, reversalId), entity: 'HoursReversal', hoursId, reversalId, ...rest },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        });
      }
      if (change.once) {
        add('attendance', {
          Put: { TableName, Item: { ...attendanceStatsKeys.once(change.once.kind, change.once.id), entity: 'AttendanceMarker' }, ConditionExpression: 'attribute_not_exists(PK)' },
        });
      }
      for (const e of change.events) add('other', outboxPut(e, TableName));
      if (items.length === 0) return;
      const cancelled = await transactWrite(client, items, {
        attempts: 6,
        contended: (attempts, cause) => new LedgerChangedError(`the records stayed contended after ${attempts} attempts`, { cause }),
      });
      if (!cancelled) return;
      const failed = (cancelled.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
      const kind = kinds[failed];
      if (kind === 'hours') throw new HoursAlreadyDecidedError('the hours record changed meanwhile (already decided)', { cause: cancelled });
      if (kind === 'attendance') throw new AttendanceAlreadyRecordedError('attendance on this shift is already recorded', { cause: cancelled });
      if (kind === 'ledger') throw new LedgerChangedError("the volunteer's credited time changed meanwhile", { cause: cancelled });
      throw cancelled;
    },

    async storeTaskToken(hoursId, round, taskToken) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: hoursRecordKeys.item(hoursId),
            UpdateExpression: 'SET taskToken = :t',
            ConditionExpression: '#status = :pending AND round = :round',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':t': taskToken, ':pending': 'pending', ':round': round },
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') throw new HoursDecidedError(`hours ${hoursId} are no longer pending in round ${round}`);
        throw error;
      }
    },

  };
};

/** The lists of hours records (a page of an index partition, each record validated whole). */
export const hoursLists = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'listByOrganization' | 'listByVolunteer' | 'listEscalated'> => {
  const page = async (input: { index: 'GSI1' | 'GSI2' | 'GSI3'; partition: string; limit: number; cursor: string | undefined; newestFirst: boolean }): Promise<Page<HoursRecord>> => {
    const pk = `${input.index}PK`;
    const sk = `${input.index}SK`;
    const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, PageCursor);
    const result = await client.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: input.index,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': pk },
        ExpressionAttributeValues: { ':p': input.partition },
        ScanIndexForward: !input.newestFirst,
        Limit: input.limit,
        ...(after && after.p === input.partition && {
          ExclusiveStartKey: { ...hoursRecord.keys.item(after.s.split('#').at(-1)!), [pk]: input.partition, [sk]: after.s },
        }),
      }),
    );
    const items = result.Items ?? [];
    const last = items.at(-1);
    return {
      items: items.map((i) => hoursRecord.fromItem(i)),
      ...(result.LastEvaluatedKey && last && { nextCursor: encodeCursor({ p: input.partition, s: String(last[sk]) }) }),
    };
  };

  return {
    listByOrganization: (orgId, status, limit, cursor) =>
      page({ index: 'GSI2', partition: hoursRecord.keys.organizationPartition(orgId, status), limit, cursor, newestFirst: false }),
    listByVolunteer: (volunteerId, limit, cursor) => page({ index: 'GSI1', partition: hoursRecord.keys.volunteerPartition(volunteerId), limit, cursor, newestFirst: true }),
    listEscalated: (limit, cursor) => page({ index: 'GSI3', partition: hoursRecord.keys.escalatedPartition, limit, cursor, newestFirst: false }),
  };
};

/** How many records of an organisation wait (a COUNT of its pending partition, at most `cap`): no record is read. */
export const hoursPendingCounts = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'pendingCount'> => ({
  async pendingCount(orgId, cap) {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :p',
        ExpressionAttributeValues: { ':p': hoursRecordKeys.organizationPartition(orgId, 'pending') },
        Select: 'COUNT',
        Limit: cap,
      }),
    );
    return result.Count ?? 0;
  },
});

/** What the attendance sweep reads besides the attendance: seats starting in a window and its cursor. */
export const hoursSweeps = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'seatsStarting' | 'jobCursor' | 'setJobCursor'> => {
  return {
    async seatsStarting(from, to) {
      const days: string[] = [];
      for (let d = Date.parse(from.slice(0, 10)); d <= Date.parse(to.slice(0, 10)); d += 86_400_000) days.push(new Date(d).toISOString().slice(0, 10));
      const found = await Promise.all(
        days.map((day) =>
          queryAll(
            {
              TableName: tableName(),
              IndexName: 'GSI3',
              KeyConditionExpression: 'GSI3PK = :p AND GSI3SK BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':p': bookingKeys.startPartition(day), ':from': from, ':to': `${to}` },
            },
            client,
          ),
        ),
      );
      return found.flat().filter((i) => String(i.start) >= from && String(i.start) < to).map(toSeat);
    },

    async jobCursor(name) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: jobCursor.keys.item(name) }));
      return Item ? jobCursor.fromItem(Item).value : undefined;
    },

    async setJobCursor(name, value) {
      await client.send(new PutCommand({ TableName: tableName(), Item: jobCursor.toItem({ value }, jobCursor.keys.item(name)) }));
    },

  };
};

/** Valuation rates: the rate in force on a day, the history, and setting rates with their event. */
export const hoursRates = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'rateOn' | 'putRates' | 'rates'> => {
  return {
    async rateOn(of, date) {
      const key = valuationRate.keys.rateKey(of);
      const { Items } = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :p AND SK <= :d',
          ExpressionAttributeValues: { ':p': valuationRate.keys.partition(key), ':d': valuationRate.keys.onOrBefore(date) },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      return Items?.[0] ? valuationRate.fromItem(Items[0]) : undefined;
    },

    async putRates(rates, event) {
      const TableName = tableName();
      const keyOf = (r: (typeof rates)[number]) => valuationRate.keys.rateKey(r.profession ? { profession: r.profession } : { track: `${r.track}` });
      const puts: TransactItem[] = rates.map((r) => ({
        Put: {
          TableName,
          Item: valuationRate.toItem(r, { ...valuationRate.keys.item(keyOf(r), r.effectiveFrom, r.setAt), ...valuationRate.keys.history(keyOf(r), r.effectiveFrom, r.setAt) }),
        },
      }));
      // 100 items per transaction; the event goes with the first chunk.
      for (let i = 0; i < puts.length; i += 99) {
        const chunk = [...puts.slice(i, i + 99), ...(i === 0 ? [outboxPut(event, TableName)] : [])];
        const cancelled = await transactWrite(client, chunk, { attempts: 4, contended: (_a, cause) => cause });
        if (cancelled) throw cancelled;
      }
    },

    async rates() {
      const items = await queryAll(
        { TableName: tableName(), IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': valuationRate.keys.historyPartition } },
        client,
      );
      return items.map((i) => valuationRate.fromItem(i));
    },
  };
};

/** A project's confirmed deliverables, and confirming one once with its event. */
export const hoursDeliverables = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'deliverables' | 'confirmDeliverable'> => {
  return {
    async deliverables(opportunityId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': projectDeliverable.keys.partition(opportunityId), ':prefix': projectDeliverable.keys.prefix },
          ConsistentRead: true,
        },
        client,
      );
      return items.map((i) => projectDeliverable.fromItem(i));
    },

    async confirmDeliverable(record, event) {
      const TableName = tableName();
      const cancelled = await transactWrite(
        client,
        [
          {
            Put: {
              TableName,
              Item: projectDeliverable.toItem(record, projectDeliverable.keys.item(record.opportunityId, record.deliverableId)),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          outboxPut(event, TableName),
        ],
        { attempts: 4, contended: (_a, cause) => cause },
      );
      if (!cancelled) return;
      if (cancelled.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new DeliverableAlreadyConfirmedError(`deliverable ${record.deliverableId} is already confirmed`, { cause: cancelled });
      }
      throw cancelled;
    },

  };
};

/** A volunteer's attendance counters over 12 months (attendance-summary.ts). */
export const hoursAttendanceSummary = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): Pick<HoursRepository, 'attendanceSummary'> => ({
  attendanceSummary: attendanceSummaryReader(client, tableName),
});

/**
 * The whole hours store: its parts together. A handler that calls a few of them takes those parts
 * only (functions/http/hours/reads.ts), so its bundle builds only the schemas of what it reads (issue 17).
 */
export const hoursRepository = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName): HoursRepository => ({
  ...hoursShifts(client, tableName),
  ...hoursAttendance(client, tableName),
  ...hoursLedgers(client, tableName),
  ...hoursRecords(client, tableName),
  ...hoursWrites(client, tableName),
  ...hoursLists(client, tableName),
  ...hoursPendingCounts(client, tableName),
  ...hoursSweeps(client, tableName),
  ...hoursRates(client, tableName),
  ...hoursDeliverables(client, tableName),
  ...hoursAttendanceSummary(client, tableName),
});
