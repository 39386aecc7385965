/**
 * Employees in the single table (entities/company-employee.ts). Invariants are conditions: a
 * code is consumed once (Delete if it exists), a volunteer holds one membership (Put if
 * absent), a stint opens only on a record that is not current and closes only on a current one.
 */
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../zod.js';
import { AlreadyEmployedError, InvalidJoinCodeError } from '../domain/companies/errors.js';
import type { EmployeeRepository } from '../domain/companies/ports.js';
import type { Employee } from '../domain/companies/schema.js';
import { ConflictError } from '../domain/errors.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { companyEmployee, companyEmployeeCounts, companyMembership, joinAttempts, joinCode, requestedCode } from './entities/company-employee.js';
import { outboxPuts } from './entities/outbox-event.js';
import { companyMemberships } from './company-memberships.js';
import { joinCodes } from './join-codes.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

const Cursor = /* @__PURE__ */ z.object({ sk: /* @__PURE__ */ z.string() });
const contended = (what: string) => (attempts: number, cause: Error) => new ConflictError(`${what}: still contended after ${attempts} attempts, try again`, { cause });

export const companyEmployeeRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): EmployeeRepository => {
  const get = async (Key: Record<string, unknown>) => (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;
  const counts = (companyId: string, add: { current: number; joined?: number }): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: companyEmployeeCounts.keys.item(companyId),
      UpdateExpression: add.joined ? 'ADD #current :c, joined :j SET entity = :e' : 'ADD #current :c SET entity = :e',
      ExpressionAttributeNames: { '#current': 'current' },
      ExpressionAttributeValues: { ':c': add.current, ':e': companyEmployeeCounts.name, ...(add.joined && { ':j': add.joined }) },
    },
  });

  return {
    putCodes: joinCodes(client, tableName).putCodes,

    async failedAttempts(companyId, sub, hour) {
      const item = await get(joinAttempts.keys.item(companyId, sub, hour));
      return item ? joinAttempts.fromItem(item).failures : 0;
    },

    async recordFailedAttempt(companyId, sub, hour) {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: joinAttempts.keys.item(companyId, sub, hour),
          UpdateExpression: 'ADD failures :one SET entity = :entity, expiresAt = :expires',
          ExpressionAttributeValues: { ':one': 1, ':entity': joinAttempts.name, ':expires': (hour + 2) * 3600 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.failures ?? 0);
    },

    async invalidateRequestedCode(companyId, sub) {
      const pointer = await get(requestedCode.keys.item(companyId, sub));
      if (!pointer) return;
      await client.send(new DeleteCommand({ TableName: tableName(), Key: joinCode.keys.item(requestedCode.fromItem(pointer).codeHash) }));
      await client.send(new DeleteCommand({ TableName: tableName(), Key: requestedCode.keys.item(companyId, sub) }));
    },

    async code(codeHash) {
      const item = await get(joinCode.keys.item(codeHash));
      return item ? joinCode.fromItem(item) : undefined;
    },

    async join({ codeHash, membership, now, events }) {
      const TableName = tableName();
      const { companyId, volunteerId: sub } = membership;
      const existing = await get(companyEmployee.keys.item(companyId, sub));
      const index = companyEmployee.keys.volunteerIndex(sub, companyId);
      const stint = { workEmail: membership.workEmail, via: membership.via, joinedAt: membership.joinedAt };
      const record: TransactItem = existing
        ? {
            Update: {
              TableName,
              Key: companyEmployee.keys.item(companyId, sub),
              UpdateExpression: 'SET #status = :current, workEmail = :email, joinedAt = :at, stints = list_append(stints, :stint), GSI2PK = :gpk, GSI2SK = :gsk REMOVE leftAt',
              ConditionExpression: '#status = :left',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':current': 'current',
                ':left': 'left',
                ':email': membership.workEmail,
                ':at': membership.joinedAt,
                ':stint': [stint],
                ':gpk': index.GSI2PK,
                ':gsk': index.GSI2SK,
              },
            },
          }
        : {
            Put: {
              TableName,
              Item: companyEmployee.toItem(
                { companyId, volunteerId: sub, workEmail: membership.workEmail, status: 'current', joinedAt: membership.joinedAt, stints: [stint] },
                { ...companyEmployee.keys.item(companyId, sub), ...index },
              ),
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          };
      const cancelled = await transactWrite(
        client,
        [
          {
            Delete: {
              TableName,
              Key: joinCode.keys.item(codeHash),
              ConditionExpression: 'attribute_exists(PK) AND companyId = :company AND validUntil > :now',
              ExpressionAttributeValues: { ':company': companyId, ':now': now },
            },
          },
          { Put: { TableName, Item: companyMembership.toItem(membership, companyMembership.keys.item(sub)), ConditionExpression: 'attribute_not_exists(PK)' } },
          record,
          counts(companyId, { current: 1, ...(!existing && { joined: 1 }) }),
          ...outboxPuts(events, TableName),
        ],
        { attempts: 4, contended: contended(`joining company ${companyId}`) },
      );
      if (!cancelled) return;
      const reasons = cancelled.CancellationReasons;
      if (failedAt(reasons, 0)) throw new InvalidJoinCodeError({ cause: cancelled });
      if (failedAt(reasons, 1)) {
        const current = await get(companyMembership.keys.item(sub));
        throw new AlreadyEmployedError(current ? companyMembership.fromItem(current).companyId : companyId, { cause: cancelled });
      }
      throw new ConflictError(`the employee record of ${sub} changed meanwhile; try again`, { cause: cancelled });
    },

    async leave({ membership, leftAt, events }) {
      const TableName = tableName();
      const { companyId, volunteerId: sub } = membership;
      const item = await get(companyEmployee.keys.item(companyId, sub));
      if (!item) throw new Error(`employee record of ${sub} in company ${companyId} is missing`);
      const last = companyEmployee.fromItem(item).stints.length - 1;
      const cancelled = await transactWrite(
        client,
        [
          {
            Delete: {
              TableName,
              Key: companyMembership.keys.item(sub),
              ConditionExpression: 'companyId = :company AND joinedAt = :joined',
              ExpressionAttributeValues: { ':company': companyId, ':joined': membership.joinedAt },
            },
          },
          {
            Update: {
              TableName,
              Key: companyEmployee.keys.item(companyId, sub),
              UpdateExpression: `SET #status = :left, leftAt = :at, stints[${last}].leftAt = :at`,
              ConditionExpression: '#status = :current',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':left': 'left', ':current': 'current', ':at': leftAt },
            },
          },
          counts(companyId, { current: -1 }),
          ...outboxPuts(events, TableName),
        ],
        { attempts: 4, contended: contended(`leaving company ${companyId}`) },
      );
      if (cancelled) throw new ConflictError(`the membership of ${sub} in company ${companyId} changed meanwhile`, { cause: cancelled });
    },

    membership: companyMemberships(client, tableName).membership,

    async employees(companyId, limit, cursor) {
      const after = cursor === undefined ? undefined : decodeCursor(cursor, Cursor);
      const { PK } = companyEmployee.keys.item(companyId, '');
      const out = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': PK, ':prefix': companyEmployee.keys.prefix },
          Limit: limit,
          ...(after && { ExclusiveStartKey: { PK, SK: after.sk } }),
        }),
      );
      const items: Employee[] = (out.Items ?? []).map((i) => companyEmployee.fromItem(i));
      const lastKey = out.LastEvaluatedKey;
      return { items, ...(lastKey && { nextCursor: encodeCursor({ sk: String(lastKey.SK) }) }) };
    },

    async counts(companyId) {
      const item = await get(companyEmployeeCounts.keys.item(companyId));
      return item ? companyEmployeeCounts.fromItem(item) : { current: 0, joined: 0 };
    },
  };
};
