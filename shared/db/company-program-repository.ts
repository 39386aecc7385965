/**
 * Programmes and volunteer time off in the single table (entities/company-program.ts). The
 * quota is never exceeded: reserving sets `available = if_not_exists(available, quota) − m`
 * only if `available >= m` (or the counter is new and m ≤ quota), in the same transaction as
 * the participation; consuming gives back what was reserved and not used.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.js';
import { VtoQuotaExceededError } from '../domain/companies/errors.js';
import type { ProgramRepository } from '../domain/companies/ports.js';
import type { Participation } from '../domain/companies/schema.js';
import type { CompanyTag } from '../domain/applications/schema.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { application } from './entities/application.js';
import { companyProgram, vtoHoursPointer, vtoParticipation, vtoQuota, vtoQuotaKeys } from './entities/company-program.js';
import { outboxPuts } from './entities/outbox-event.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

const contended = (what: string) => (attempts: number, cause: Error) => new ConflictError(`${what}: still contended after ${attempts} attempts, try again`, { cause });

const participationKey = (p: Participation) => vtoParticipation.keys.item(p.companyId, p.programId, p.id);
const runner = (client: DynamoDBDocumentClient) => async (items: TransactItem[], what: string) =>
  (await transactWrite(client, items, { attempts: 6, contended: contended(what) }))?.CancellationReasons;

/**
 * What approving hours does to the time off they were taken on (consumers/company-hours): the
 * participation behind the hours, and consuming its reservation. Its own factory so that the
 * consumer carries neither the programmes, the quotas' reads nor the application tag (issue 17).
 */
export const vtoHours = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): Pick<ProgramRepository, 'forHours' | 'consume'> => {
  const get = async (Key: Record<string, unknown>) => (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;
  const run = runner(client);
  return {
    async forHours(volunteerId, opportunityId) {
      const pointer = await get(vtoHoursPointer.keys.item(volunteerId, opportunityId));
      if (!pointer) return undefined;
      const { companyId, programId, participationId } = vtoHoursPointer.fromItem(pointer);
      const item = await get(vtoParticipation.keys.item(companyId, programId, participationId));
      return item ? vtoParticipation.fromItem(item) : undefined;
    },

    async consume(p, usedMinutes) {
      const TableName = tableName();
      const reasons = await run(
        [
          {
            Update: {
              TableName,
              Key: participationKey(p),
              UpdateExpression: 'SET #status = :consumed, usedMinutes = :used',
              ConditionExpression: '#status = :reserved',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':consumed': 'consumed', ':reserved': 'reserved', ':used': usedMinutes },
            },
          },
          {
            Update: {
              TableName,
              Key: vtoQuotaKeys.item(p.companyId, p.programId, p.volunteerId),
              UpdateExpression: 'SET reserved = reserved - :r, used = used + :u, available = available + :back',
              ConditionExpression: 'reserved >= :r',
              ExpressionAttributeValues: { ':r': p.minutes, ':u': usedMinutes, ':back': p.minutes - usedMinutes },
            },
          },
        ],
        `consuming participation ${p.id}`,
      );
      if (!reasons) return 'applied';
      if (failedAt(reasons, 0)) return 'already';
      throw new ConflictError(`the time off of participation ${p.id} does not match its reservation`);
    },
  };
};

export const companyProgramRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): ProgramRepository => {
  const get = async (Key: Record<string, unknown>) => (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;
  const reserve = (p: Participation, quota: number): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: vtoQuota.keys.item(p.companyId, p.programId, p.volunteerId),
      UpdateExpression: 'SET available = if_not_exists(available, :quota) - :m, quota = :quota, reserved = if_not_exists(reserved, :zero) + :m, used = if_not_exists(used, :zero), entity = :e',
      ConditionExpression: '(attribute_not_exists(available) AND :m <= :quota) OR available >= :m',
      ExpressionAttributeValues: { ':quota': quota, ':m': p.minutes, ':zero': 0, ':e': vtoQuota.name },
    },
  });
  /** Shows the organisation which programme its volunteer came through (the volunteer's own application), or stops showing it. */
  const tagApplication = (p: Participation, tag: CompanyTag | undefined): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: application.keys.item(p.applicationId),
      UpdateExpression: tag ? 'SET company = :tag' : 'REMOVE company',
      ConditionExpression: 'volunteerId = :volunteer',
      ExpressionAttributeValues: { ':volunteer': p.volunteerId, ...(tag && { ':tag': tag }) },
    },
  });
  const run = runner(client);

  return {
    ...vtoHours(client, tableName),
    async create(program) {
      await client.send(
        new PutCommand({ TableName: tableName(), Item: companyProgram.toItem(program, companyProgram.keys.item(program.companyId, program.id)), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
    },

    async get(companyId, programId) {
      const item = await get(companyProgram.keys.item(companyId, programId));
      return item ? companyProgram.fromItem(item) : undefined;
    },

    async list(companyId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': companyProgram.keys.partition(companyId), ':prefix': companyProgram.keys.prefix },
        },
        client,
      );
      return items.map((item) => companyProgram.fromItem(item));
    },

    async participation(companyId, programId, participationId) {
      const item = await get(vtoParticipation.keys.item(companyId, programId, participationId));
      return item ? vtoParticipation.fromItem(item) : undefined;
    },

    async participate(p, quota, events, tag) {
      const TableName = tableName();
      const reasons = await run(
        [
          {
            Put: {
              TableName,
              Item: vtoHoursPointer.toItem({ companyId: p.companyId, programId: p.programId, participationId: p.id }, vtoHoursPointer.keys.item(p.volunteerId, p.opportunityId)),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName, Item: vtoParticipation.toItem(p, participationKey(p)), ConditionExpression: 'attribute_not_exists(PK)' } },
          tagApplication(p, tag),
          ...(p.status === 'reserved' ? [reserve(p, quota)] : []),
          ...outboxPuts(events, TableName),
        ],
        `participating in programme ${p.programId}`,
      );
      if (!reasons) return;
      if (failedAt(reasons, 0)) throw new ConflictError(`this opportunity's hours already count for a programme (application ${p.applicationId})`);
      if (failedAt(reasons, 3)) throw new VtoQuotaExceededError(p.minutes);
      throw new ConflictError(`participation ${p.id} could not be recorded`);
    },

    async decide(p, quota, events) {
      const TableName = tableName();
      const reasons = await run(
        [
          {
            Update: {
              TableName,
              Key: participationKey(p),
              UpdateExpression: `SET #status = :status, decidedBy = :by${p.reason ? ', reason = :reason' : ''}`,
              ConditionExpression: '#status = :requested',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':status': p.status, ':by': p.decidedBy, ':requested': 'requested', ...(p.reason && { ':reason': p.reason }) },
            },
          },
          p.status === 'reserved' ? reserve(p, quota) : tagApplication(p, undefined),
          ...outboxPuts(events, TableName),
        ],
        `deciding participation ${p.id}`,
      );
      if (!reasons) return;
      if (p.status === 'reserved' && failedAt(reasons, 1)) throw new VtoQuotaExceededError(p.minutes);
      throw new ConflictError(`participation ${p.id} was decided meanwhile`);
    },

    async balance(companyId, programId, volunteerId, quotaMinutes) {
      const item = await get(vtoQuota.keys.item(companyId, programId, volunteerId));
      if (!item) return { quotaMinutes, reservedMinutes: 0, usedMinutes: 0, availableMinutes: quotaMinutes };
      const q = vtoQuota.fromItem(item);
      return { quotaMinutes: q.quota, reservedMinutes: q.reserved, usedMinutes: q.used, availableMinutes: q.available };
    },

  };
};
