/**
 * Registering an organisation: the organisation, its licence marker (one organisation per licence
 * number; a pending registration holds it for LICENSE_HOLD_SECONDS) and its first history entry,
 * one transaction; and the reads a retried registration makes (who holds the number, that
 * organisation). Its own module so that the registration's bundle has none of the vetting,
 * managers, departments and list reads of organization-repository.ts, which delegates here (issue 17).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { LicenseNumberTakenError } from '../domain/organizations/errors.js';
import { LICENSE_HOLD_SECONDS, type StatusChange } from '../domain/organizations/schema.js';
import type { OrganizationRepository } from '../domain/organizations/service.js';
import { env } from '../env.js';
import { documentClient } from './client.js';
import { outboxPuts } from './entities/outbox-event.js';
import { licenseMarker, organization, organizationStatusChange } from './entities/organization.js';
import { failedAt } from './transactions.js';

type Item = Record<string, unknown>;

/** The end of a pending registration's hold on its licence number. */
const holdEnd = (createdAt: string): string => new Date(Date.parse(createdAt) + LICENSE_HOLD_SECONDS * 1000).toISOString();

/** An entry of the organisation's status history. */
export const historyItem = (orgId: string, change: StatusChange): Item =>
  organizationStatusChange.toItem({ orgId, ...change }, organizationStatusChange.keys.item(orgId, change.at, ulid()));

export type OrganizationRegistration = Pick<OrganizationRepository, 'create' | 'get' | 'licenseHolder'>;

export const organizationRegistration = (client: DynamoDBDocumentClient = documentClient(), tableName: () => string = () => env.tableName) => {
  /** The organisation's item as stored (strongly consistent). */
  const item = async (orgId: string): Promise<Item | undefined> =>
    (await client.send(new GetCommand({ TableName: tableName(), Key: organization.keys.item(orgId), ConsistentRead: true }))).Item;

  /** The organisation holding a licence number; a lapsed pending hold holds nothing. */
  const holder = async (licenseNumber: string, now = new Date().toISOString()): Promise<string | undefined> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: licenseMarker.keys.item(licenseNumber), ConsistentRead: true }));
    if (!Item) return undefined;
    const marker = licenseMarker.fromItem(Item);
    return marker.heldUntil !== undefined && marker.heldUntil < now ? undefined : marker.orgId;
  };

  const registration: OrganizationRegistration = {
    async create(org, change, events = []) {
      const TableName = tableName();
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName,
                  Item: organization.toItem(org, { ...organization.keys.item(org.id), ...organization.keys.listed(org.status, org.city, org.createdAt, org.id) }),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Put: {
                  TableName,
                  Item: licenseMarker.toItem(
                    { orgId: org.id, createdAt: org.createdAt, heldUntil: holdEnd(org.createdAt) },
                    licenseMarker.keys.item(org.licenseNumber),
                    // DynamoDB's TTL removes a lapsed hold (within days); the condition does not wait for it.
                    { expiresAt: Math.floor(Date.parse(holdEnd(org.createdAt)) / 1000) },
                  ),
                  ConditionExpression: 'attribute_not_exists(PK) OR heldUntil < :now',
                  ExpressionAttributeValues: { ':now': org.createdAt },
                },
              },
              { Put: { TableName, Item: historyItem(org.id, change) } },
              ...outboxPuts(events, TableName),
            ],
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException && failedAt(error.CancellationReasons, 1)) {
          throw new LicenseNumberTakenError(org.licenseNumber, { cause: error });
        }
        throw error;
      }
    },

    async get(orgId) {
      const stored = await item(orgId);
      return stored ? organization.fromItem(stored) : undefined;
    },

    licenseHolder: (licenseNumber) => holder(licenseNumber),
  };
  return { ...registration, item, holder };
};
