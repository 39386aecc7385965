/**
 * Companies in the single table (entities/company.ts). Invariants are conditions: one company
 * per commercial registration number (marker item, released on rejection and expiry), one
 * decision per company (shared/db/vetting.ts), status changes only from the expected status,
 * one company per admin.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { CompanyAdminAssignedError, CrNumberTakenError } from '../domain/companies/errors.js';
import type { CompanyRepository } from '../domain/companies/ports.js';
import type { CompanyAdmin, CompanyStatusChange } from '../domain/companies/schema.js';
import type { DomainEvent } from '../domain/events.js';
import { LICENSE_HOLD_SECONDS } from '../domain/organizations/schema.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { company, companyAdmin, companyAdminAssignment, companyStatusChange, crMarker } from './entities/company.js';
import { outboxPuts } from './entities/outbox-event.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';
import { vettingWrites } from './vetting.js';
import { companyReads } from './company-reads.js';

const contended = (what: string) => (attempts: number, cause: Error) => new Error(`${what}: still contended after ${attempts} attempts`, { cause });

export const companyRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): CompanyRepository => {
  const vetting = vettingWrites(client, tableName);
  const vetted = (companyId: string) => ({ key: company.keys.item(companyId), noun: `company ${companyId}` });
  const getItem = async (Key: Record<string, unknown>) => (await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }))).Item;
  const historyPut = (companyId: string, change: CompanyStatusChange): TransactItem => ({
    Put: { TableName: tableName(), Item: companyStatusChange.toItem({ companyId, ...change }, companyStatusChange.keys.item(companyId, change.at, ulid())) },
  });
  /** The company holding a number; a lapsed pending hold holds nothing (`now` = '' sees every hold). */
  const crHolder = async (crNumber: string, now = new Date().toISOString()) => {
    const item = await getItem(crMarker.keys.item(crNumber));
    if (!item) return undefined;
    const marker = crMarker.fromItem(item);
    return marker.heldUntil !== undefined && marker.heldUntil < now ? undefined : marker.companyId;
  };
  const adminPuts = (admin: CompanyAdmin): TransactItem[] => [
    { Put: { TableName: tableName(), Item: companyAdmin.toItem(admin, { ...companyAdmin.keys.item(admin.companyId, admin.sub), ...companyAdmin.keys.everyAdmin(admin.companyId, admin.sub) }) } },
    {
      Put: {
        TableName: tableName(),
        Item: companyAdminAssignment.toItem({ companyId: admin.companyId, sub: admin.sub }, companyAdminAssignment.keys.item(admin.sub)),
        ConditionExpression: 'attribute_not_exists(PK) OR companyId = :companyId',
        ExpressionAttributeValues: { ':companyId': admin.companyId },
      },
    },
  ];

  return {
    async create(record, change, events: readonly DomainEvent[]) {
      const TableName = tableName();
      const heldUntil = new Date(Date.parse(record.createdAt) + LICENSE_HOLD_SECONDS * 1000).toISOString();
      const cancelled = await transactWrite(
        client,
        [
          { Put: { TableName, Item: company.toItem(record, company.keys.item(record.id)), ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Put: {
              TableName,
              Item: crMarker.toItem({ companyId: record.id, createdAt: record.createdAt, heldUntil }, crMarker.keys.item(record.crNumber), {
                expiresAt: Math.floor(Date.parse(heldUntil) / 1000),
              }),
              ConditionExpression: 'attribute_not_exists(PK) OR heldUntil < :now',
              ExpressionAttributeValues: { ':now': record.createdAt },
            },
          },
          historyPut(record.id, change),
          ...outboxPuts(events, TableName),
        ],
        { attempts: 3, contended: contended(`registering company ${record.id}`) },
      );
      if (cancelled && failedAt(cancelled.CancellationReasons, 1)) throw new CrNumberTakenError(record.crNumber, { cause: cancelled });
      if (cancelled) throw cancelled;
    },

    get: companyReads(client, tableName).get,

    crHolder: (crNumber) => crHolder(crNumber),

    async history(companyId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': company.keys.partition(companyId), ':prefix': companyStatusChange.keys.prefix },
          ConsistentRead: true,
        },
        client,
      );
      return items.map((item) => {
        const { companyId: _companyId, ...change } = companyStatusChange.fromItem(item);
        return change;
      });
    },

    recordDecision: (companyId, decision) => vetting.recordDecision(vetted(companyId), decision),
    withdrawDecision: (companyId, decision) => vetting.withdrawDecision(vetted(companyId), decision),
    storeTaskToken: (companyId, taskToken) => vetting.storeTaskToken(vetted(companyId), taskToken),
    clearTaskToken: (companyId) => vetting.clearTaskToken(vetted(companyId)),

    async transition(companyId, from, change, options = {}) {
      const TableName = tableName();
      const items: TransactItem[] = [historyPut(companyId, change), ...(options.firstAdmin ? adminPuts(options.firstAdmin) : [])];
      // Only our own marker is released (a company refused because another holds its number leaves that one alone).
      if (options.keepCr) {
        items.push({
          Update: {
            TableName,
            Key: crMarker.keys.item(options.keepCr),
            UpdateExpression: 'REMOVE heldUntil, expiresAt',
            ConditionExpression: 'companyId = :id',
            ExpressionAttributeValues: { ':id': companyId },
          },
        });
      }
      if (options.releaseCr && (await crHolder(options.releaseCr, '')) === companyId) {
        items.push({
          Delete: { TableName, Key: crMarker.keys.item(options.releaseCr), ConditionExpression: 'companyId = :id', ExpressionAttributeValues: { ':id': companyId } },
        });
      }
      items.push(...outboxPuts(options.events ?? [], TableName));
      return vetting.transition(vetted(companyId), from, change.status, change.at, items);
    },

    async putAdmin(admin, events) {
      const cancelled = await transactWrite(client, [...adminPuts(admin), ...outboxPuts(events, tableName())], {
        attempts: 3,
        contended: contended(`adding admin ${admin.sub}`),
      });
      if (cancelled && failedAt(cancelled.CancellationReasons, 1)) throw new CompanyAdminAssignedError(admin.sub, { cause: cancelled });
      if (cancelled) throw cancelled;
    },

    async listAdmins(companyId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': company.keys.partition(companyId), ':prefix': companyAdmin.keys.prefix },
        },
        client,
      );
      return items.map((item) => companyAdmin.fromItem(item));
    },

    async adminOf(sub) {
      const item = await getItem(companyAdminAssignment.keys.item(sub));
      return item ? companyAdminAssignment.fromItem(item).companyId : undefined;
    },
  };
};
