/**
 * Certificates, status lists and the public lookup's rate counters in the single table
 * (entities certificate, status-list, rate-counter). Every change that has an event writes it
 * to the outbox in the same transaction.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { STATUS_LIST_SIZE } from '../domain/certificates/credential.js';
import type { CertificateRepository, RateLimiter, StatusLists } from '../domain/certificates/ports.js';
import { env } from '../env.js';
import { documentClient, queryAll } from './client.js';
import { certificate, certificateByCode, certificateById, certificateScope } from './entities/certificate.js';
import { outboxPut } from './entities/outbox-event.js';
import { rateCounter } from './entities/rate-counter.js';
import { registerPartition } from './entities/register-entry.js';
import { STATUS_LIST_SHARDS, statusAllocator, statusList } from './entities/status-list.js';
import { failedAt, transactWrite, type TransactItem } from './transactions.js';

class CertificateContendedError extends Error {
  override readonly name = 'CertificateContendedError';
}

const contended = (what: string) => ({
  attempts: 6,
  contended: (attempts: number, cause: unknown) => new CertificateContendedError(`${what} stayed contended after ${attempts} attempts`, { cause }),
});

export const certificateRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
): CertificateRepository => {
  const get = async (key: Record<string, string>) => (await client.send(new GetCommand({ TableName: tableName(), Key: key }))).Item;
  const load = async (volunteerId: string, id: string) => {
    const item = await get(certificate.keys.item(volunteerId, id));
    return item ? certificate.fromItem(item) : undefined;
  };
  return {
    async forScope(volunteerId, scopeKey) {
      const pointer = await get(certificateScope.keys.item(volunteerId, scopeKey));
      return pointer ? load(volunteerId, certificateScope.fromItem(pointer).certificateId) : undefined;
    },

    async create(record, replaces, event) {
      const TableName = tableName();
      const pointer = { volunteerId: record.volunteerId, certificateId: record.id };
      const cancelled = await transactWrite(
        client,
        [
          { Put: { TableName, Item: certificate.toItem(record, certificate.keys.item(record.volunteerId, record.id)), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName, Item: certificateById.toItem(pointer, certificateById.keys.item(record.id)), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: { TableName, Item: certificateByCode.toItem(pointer, certificateByCode.keys.item(record.code)), ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Put: {
              TableName,
              Item: certificateScope.toItem({ certificateId: record.id, scopeKey: record.scopeKey }, certificateScope.keys.item(record.volunteerId, record.scopeKey)),
              ...(replaces
                ? { ConditionExpression: 'certificateId = :replaces', ExpressionAttributeValues: { ':replaces': replaces } }
                : { ConditionExpression: 'attribute_not_exists(PK)' }),
            },
          },
          outboxPut(event, TableName),
        ],
        contended('issuing a certificate'),
      );
      if (!cancelled) return true;
      if (failedAt(cancelled.CancellationReasons, 3)) return false;
      throw cancelled;
    },

    async byId(id) {
      const pointer = await get(certificateById.keys.item(id));
      return pointer ? load(certificateById.fromItem(pointer).volunteerId, id) : undefined;
    },

    async byCode(code) {
      const pointer = await get(certificateByCode.keys.item(code));
      if (!pointer) return undefined;
      const { volunteerId, certificateId } = certificateByCode.fromItem(pointer);
      return load(volunteerId, certificateId);
    },

    async ofVolunteer(volunteerId) {
      const items = await queryAll(
        {
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': registerPartition(volunteerId), ':prefix': certificate.keys.prefix },
          ScanIndexForward: false,
          ConsistentRead: true,
        },
        client,
      );
      return items.map(certificate.fromItem);
    },

    async revoke(record, change, event) {
      const TableName = tableName();
      const cancelled = await transactWrite(
        client,
        [
          {
            Update: {
              TableName,
              Key: certificate.keys.item(record.volunteerId, record.id),
              UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revokedBy = :by, revocationReason = :reason',
              ConditionExpression: '#status = :valid',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':revoked': 'revoked', ':valid': 'valid', ':at': change.revokedAt, ':by': change.revokedBy, ':reason': change.reason },
            },
          },
          statusListRevocation(TableName, record.statusList),
          outboxPut(event, TableName),
        ],
        contended('revoking a certificate'),
      );
      if (!cancelled) return true;
      if (failedAt(cancelled.CancellationReasons, 0)) return false;
      throw cancelled;
    },

    async anonymise(record, holder) {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: certificate.keys.item(record.volunteerId, record.id),
          UpdateExpression: 'SET holder = :holder, credential = :none',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':holder': holder, ':none': '' },
        }),
      );
    },
  };
};

/**
 * Sets the revocation bit of a status list entry (an atomic ADD, no read) and bumps the list's
 * version, as one item of the revoking transaction: certificates and badge credentials alike.
 */
export const statusListRevocation = (TableName: string, entry: { listId: string; index: number }): TransactItem => ({
  Update: {
    TableName,
    Key: statusList.keys.item(entry.listId),
    UpdateExpression: 'SET #entity = :entity, listId = :listId, #size = if_not_exists(#size, :size) ADD revoked :index, version :one',
    ExpressionAttributeNames: { '#entity': 'entity', '#size': 'size' },
    ExpressionAttributeValues: { ':entity': statusList.name, ':listId': entry.listId, ':size': STATUS_LIST_SIZE, ':index': new Set([entry.index]), ':one': 1 },
  },
});

export const statusListRepository = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
  size: number = STATUS_LIST_SIZE,
): StatusLists => {
  const createList = async (listId: string) => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName(),
          Item: statusList.toItem({ listId, size, version: 0 }, statusList.keys.item(listId)),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // A revocation in the list came first and created the item: nothing to do.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };
  return {
    async allocate() {
      const shard = Math.floor(Math.random() * STATUS_LIST_SHARDS);
      const Key = statusAllocator.keys.item(shard);
      for (;;) {
        try {
          const { Attributes } = await client.send(
            new UpdateCommand({
              TableName: tableName(),
              Key,
              UpdateExpression: 'SET #entity = :entity, listSeq = if_not_exists(listSeq, :first) ADD #next :one',
              ConditionExpression: 'attribute_not_exists(#next) OR #next < :size',
              ExpressionAttributeNames: { '#entity': 'entity', '#next': 'next' },
              ExpressionAttributeValues: { ':entity': statusAllocator.name, ':first': 1, ':one': 1, ':size': size },
              ReturnValues: 'ALL_NEW',
            }),
          );
          const { listSeq, next } = statusAllocator.fromItem(Attributes!);
          const listId = `${shard}-${listSeq}`;
          const index = next - 1;
          if (index === 0) await createList(listId);
          return { listId, index };
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          // The shard's list is full: move it to its next list (whoever gets there first), then allocate again.
          const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key, ConsistentRead: true }));
          const seen = statusAllocator.fromItem(Item!).listSeq;
          await client
            .send(
              new UpdateCommand({
                TableName: tableName(),
                Key,
                UpdateExpression: 'SET listSeq = :nextSeq, #next = :zero',
                ConditionExpression: 'listSeq = :seen',
                ExpressionAttributeNames: { '#next': 'next' },
                ExpressionAttributeValues: { ':nextSeq': seen + 1, ':zero': 0, ':seen': seen },
              }),
            )
            .catch((rollError: unknown) => {
              if (!(rollError instanceof ConditionalCheckFailedException)) throw rollError;
            });
        }
      }
    },

    async get(listId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: statusList.keys.item(listId) }));
      if (!Item) return undefined;
      const record = statusList.fromItem(Item);
      return { ...record, revoked: [...(record.revoked ?? [])].sort((a, b) => a - b) };
    },

    async keepCredential(listId, version, base, credential) {
      await client
        .send(
          new UpdateCommand({
            TableName: tableName(),
            Key: statusList.keys.item(listId),
            UpdateExpression: 'SET credential = :credential, credentialVersion = :version, credentialBase = :base',
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':credential': credential, ':version': version, ':base': base },
          }),
        )
        .catch((error: unknown) => {
          // Revoked again meanwhile: the next reader signs the newer list.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    },
  };
};

/**
 * Fixed one-minute windows per client address (hashed: the table keeps no IP addresses).
 * `limit` per window, from `VERIFY_RATE_LIMIT_PER_MINUTE` (default 60).
 */
export const rateLimiter = (
  client: DynamoDBDocumentClient = documentClient(),
  tableName: () => string = () => env.tableName,
  limit: () => number = () => Number(process.env.VERIFY_RATE_LIMIT_PER_MINUTE ?? 60),
  now: () => Date = () => new Date(),
): RateLimiter => ({
  async hit(key, clientAddress) {
    const window = Math.floor(now().getTime() / 60_000);
    const hashed = createHash('sha256').update(clientAddress).digest('base64url').slice(0, 22);
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: rateCounter.keys.item(key, hashed, window),
        UpdateExpression: 'SET #entity = :entity, expiresAt = :expires ADD #count :one',
        ExpressionAttributeNames: { '#entity': 'entity', '#count': 'count' },
        ExpressionAttributeValues: { ':entity': rateCounter.name, ':expires': (window + 2) * 60, ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.count ?? 0) <= limit();
  },
});
