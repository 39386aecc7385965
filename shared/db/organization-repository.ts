/**
 * Organisations in the single table (entities/organization.ts, volunteer-department.ts, organization-manager.ts). Invariants are conditions:
 * one organisation per licence number (marker item), one decision per organisation, status
 * changes only from the expected status, one organisation per manager.
 */
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as z from '../zod.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../domain/cursor.js';
import { ConflictError } from '../domain/errors.js';
import { CertificationChangedError, ManagerAlreadyAssignedError } from '../domain/organizations/errors.js';
import type { Department } from '../domain/organizations/schema.js';
import type { OrganizationRepository, TransitionOptions } from '../domain/organizations/service.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { outboxPuts } from './entities/outbox-event.js';
import { licenseMarker, organization, organizationStatusChange } from './entities/organization.js';
import { managerAssignment, organizationManager } from './entities/organization-manager.js';
import { volunteerDepartment } from './entities/volunteer-department.js';
import { historyItem, organizationRegistration } from './organization-registration.js';
import { vettingWrites } from './vetting.js';

/** A list page's cursor: the partition listed and the sort key of the last organisation returned. */
const ListCursor = /* @__PURE__ */ z.strictObject({ p: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)), s: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9A-HJKMNP-TV-Z]{26}$/)) });


/** Which items of a cancelled transaction failed their condition (by position). */
const failedConditions = (error: unknown): boolean[] | undefined =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed')
    : undefined;

/**
 * The organisation a user manages, from their assignment marker. Only the local token issuer
 * reads it (standing in for the groups and `custom:orgId` that Cognito keeps in the cloud).
 */
export const managedOrganization = async (
  sub: string,
  client: DynamoDBDocumentClient = documentClient(),
  tableName: string = env.tableName,
): Promise<string | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: managerAssignment.keys.item(sub), ConsistentRead: true }));
  return Item ? managerAssignment.fromItem(Item).orgId : undefined;
};

/**
 * The Update of an organisation's set of certified managers (on its profile): ADD or DELETE one
 * member if the set still holds `expected` members (it does not exist when empty).
 */
const certifiedSetUpdate = (TableName: string, orgId: string, sub: string, change: 'add' | 'remove', expected: number, mustHold = false) => ({
  TableName,
  Key: organization.keys.item(orgId),
  UpdateExpression: `${change === 'add' ? 'ADD' : 'DELETE'} certifiedManagers :member`,
  ConditionExpression: `attribute_exists(PK) AND ${expected === 0 ? 'attribute_not_exists(certifiedManagers)' : 'size(certifiedManagers) = :expected'}${mustHold ? ' AND contains(certifiedManagers, :sub)' : ''}`,
  ExpressionAttributeValues: { ':member': new Set([sub]), ...(expected > 0 && { ':expected': expected }), ...(mustHold && { ':sub': sub }) },
});

export const organizationRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): OrganizationRepository => {
  const registration = organizationRegistration(client, tableName);
  const get = registration.item;
  const licenseHolder = registration.holder;

  const vetting = vettingWrites(client, tableName);
  const vetted = (orgId: string) => ({ key: organization.keys.item(orgId), noun: `organisation ${orgId}` });

  return {
    create: registration.create,
    get: registration.get,
    licenseHolder: registration.licenseHolder,

    async history(orgId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': organization.keys.partition(orgId), ':prefix': organizationStatusChange.keys.prefix },
          ConsistentRead: true,
        },
        client,
      );
      return items.map((item) => {
        const { orgId: _orgId, ...change } = organizationStatusChange.fromItem(item);
        return change;
      });
    },

    async department(orgId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: volunteerDepartment.keys.item(orgId), ConsistentRead: true }));
      return Item ? volunteerDepartment.fromItem(Item) : undefined;
    },

    recordDecision: (orgId, decision) => vetting.recordDecision(vetted(orgId), decision),
    withdrawDecision: (orgId, decision) => vetting.withdrawDecision(vetted(orgId), decision),
    storeTaskToken: (orgId, taskToken) => vetting.storeTaskToken(vetted(orgId), taskToken),
    clearTaskToken: (orgId) => vetting.clearTaskToken(vetted(orgId)),

    async transition(orgId, from, change, options: TransitionOptions = {}) {
      const TableName = tableName();
      const current = await get(orgId);
      // The organisation moves to the list of its new status (GSI2 / GSI3).
      const listed = current
        ? organization.keys.listed(change.status, String(current.city), String(current.createdAt), orgId)
        : undefined;
      const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
        {
          Update: {
            TableName,
            Key: organization.keys.item(orgId),
            UpdateExpression: `SET #status = :to, updatedAt = :at${listed ? ', GSI2PK = :g2pk, GSI2SK = :g2sk, GSI3PK = :g3pk, GSI3SK = :g3sk' : ''} REMOVE taskToken`,
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':to': change.status,
              ':from': from,
              ':at': change.at,
              ...(listed && { ':g2pk': listed.GSI2PK, ':g2sk': listed.GSI2SK, ':g3pk': listed.GSI3PK, ':g3sk': listed.GSI3SK }),
            },
          },
        },
        { Put: { TableName, Item: historyItem(orgId, change) } },
      ];
      if (options.department) {
        const department: Department = options.department;
        items.push({
          Put: {
            TableName,
            Item: volunteerDepartment.toItem(department, { ...volunteerDepartment.keys.item(orgId), ...volunteerDepartment.keys.index(department.establishedAt, orgId) }),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        });
      }
      if (options.keepLicense) {
        items.push({
          Update: {
            TableName,
            Key: licenseMarker.keys.item(options.keepLicense),
            UpdateExpression: 'REMOVE heldUntil, expiresAt',
            ConditionExpression: 'orgId = :orgId',
            ExpressionAttributeValues: { ':orgId': orgId },
          },
        });
      }
      // Only our own marker is released: an organisation rejected because its licence is held by
      // another one must leave that other's marker alone (the condition guards the race).
      if (options.releaseLicense && (await licenseHolder(options.releaseLicense, '')) === orgId) {
        items.push({
          Delete: {
            TableName,
            Key: licenseMarker.keys.item(options.releaseLicense),
            ConditionExpression: 'orgId = :orgId',
            ExpressionAttributeValues: { ':orgId': orgId },
          },
        });
      }
      // The events last: the failure indexes of the items above keep their meaning.
      items.push(...outboxPuts(options.events ?? [], TableName));
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        return 'applied';
      } catch (error) {
        if (!failedConditions(error)?.some(Boolean)) throw error;
        const current = await get(orgId);
        if (current?.status === change.status) return 'already';
        throw new ConflictError(`organisation ${orgId} is ${String(current?.status ?? 'missing')}, not ${from}; it cannot become ${change.status}`, {
          cause: error,
        });
      }
    },

    async putManager(manager, certification) {
      const TableName = tableName();
      const keys = {
        ...organizationManager.keys.item(manager.orgId, manager.sub),
        ...(manager.certificationExpiresAt && organizationManager.keys.expiry(manager.certificationExpiresAt, manager.orgId, manager.sub)),
      };
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName, Item: organizationManager.toItem(manager, keys) } },
              {
                Put: {
                  TableName,
                  Item: managerAssignment.toItem({ orgId: manager.orgId, sub: manager.sub }, managerAssignment.keys.item(manager.sub)),
                  // Re-adding a manager to the same organisation updates their certification.
                  ConditionExpression: 'attribute_not_exists(PK) OR orgId = :orgId',
                  ExpressionAttributeValues: { ':orgId': manager.orgId },
                },
              },
              ...(certification ? [{ Update: certifiedSetUpdate(TableName, manager.orgId, manager.sub, certification.change, certification.expected) }] : []),
              ...outboxPuts(certification?.events ?? [], TableName),
            ],
          }),
        );
      } catch (error) {
        const failed = failedConditions(error);
        if (failed?.[1]) throw new ManagerAlreadyAssignedError(manager.sub, { cause: error });
        if (failed?.[2]) throw new CertificationChangedError(`the certified managers of organisation ${manager.orgId} changed meanwhile`, { cause: error });
        throw error;
      }
    },

    async lapseCertification(orgId, sub, expected, events) {
      const TableName = tableName();
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [{ Update: certifiedSetUpdate(TableName, orgId, sub, 'remove', expected, true) }, ...outboxPuts(events, TableName)],
          }),
        );
        return 'applied';
      } catch (error) {
        if (!failedConditions(error)?.[0]) throw error;
        const current = await get(orgId);
        const members = current?.certifiedManagers as ReadonlySet<string> | undefined;
        if (!members?.has(sub)) return 'already';
        throw new CertificationChangedError(`the certified managers of organisation ${orgId} changed meanwhile`, { cause: error });
      }
    },

    async certificationsExpiringOn(day) {
      const items = await queryAll(
        {
          TableName: tableName(),
          IndexName: 'GSI2',
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': organizationManager.keys.expiringOn(day) },
        },
        client,
      );
      return items.map((item) => organizationManager.fromItem(item));
    },

    async list(status, city, limit, cursor) {
      const partition = city ? organization.keys.byStatusAndCity(status, city) : organization.keys.byStatus(status);
      const [index, pk, sk] = city ? (['GSI3', 'GSI3PK', 'GSI3SK'] as const) : (['GSI2', 'GSI2PK', 'GSI2SK'] as const);
      const after = cursor === undefined ? undefined : decodeCursor(cursor, ListCursor);
      if (after && after.p !== partition) throw invalidCursor('belongs to a list with other filters');
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': pk },
          ExpressionAttributeValues: { ':p': partition },
          Limit: limit,
          ...(after && { ExclusiveStartKey: { ...organization.keys.item(after.s.slice(-26)), [pk]: partition, [sk]: after.s } }),
        }),
      );
      const items = page.Items ?? [];
      const last = items.at(-1);
      return {
        items: items.map((item) => organization.fromItem(item)),
        ...(page.LastEvaluatedKey && last && { nextCursor: encodeCursor({ p: partition, s: String(last[sk]) }) }),
      };
    },

    async listManagers(orgId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': organization.keys.partition(orgId), ':prefix': organizationManager.keys.prefix },
        },
        client,
      );
      return items.map((item) => organizationManager.fromItem(item));
    },
  };
};
