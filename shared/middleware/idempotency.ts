/**
 * `Idempotency-Key` for writes: the same key and body give the same answer, and the work is
 * done once — also when duplicates arrive at the same moment.
 *
 * Our own middleware rather than Powertools' (2.35.0): when Powertools refuses a request
 * (still in progress, or another body) it deletes the stored record, so the next retry runs
 * the handler again (aws-powertools/powertools-lambda-typescript#5675; 40 identical POSTs
 * created 7 opportunities). Here a refusal never touches the record.
 *
 * - The record id is a hash of the caller's `sub`, the HTTP method, the real path (`rawPath`,
 *   not the route template: the key sent to /organizations/A/managers must not answer a
 *   request to /organizations/B/managers) and the key. Two users never collide.
 * - `before`: a conditional PutItem claims the key as INPROGRESS (until the function's own
 *   deadline). If the key is taken: another body → 422 `idempotency-key-reused`; still in
 *   progress → 409 `request-in-progress`; completed → the stored response is replayed.
 * - `after`: the response (status, headers, body) is stored as COMPLETED for 24 hours,
 *   encrypted (AES-256-GCM) with a key derived from the caller, the path and the
 *   Idempotency-Key itself (issue 18): the stored record holds no readable contact data (a
 *   registration's answer has the email and phone), only a replay with the same key opens it,
 *   and the TTL drops it after 24 hours. The record id is another hash of the same parts, so
 *   the table never holds what opens the body.
 * - `onError`: the claim is released (only our own claim), so that a request that failed
 *   without effect (errors are never partial writes) can be retried.
 * - Requests without the header skip all of this.
 *
 * Same table as before: `id` hash key, `expiration` TTL (epoch seconds), attribute names as
 * Powertools' documented layout (`status`, `data`, `validation`, `in_progress_expiration`).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import { ConflictError, DomainError } from '../domain/errors.js';
import { documentClient } from '../db/client.js';
import { env } from '../env.js';
import type { HttpEvent } from './http-event.js';
import type { HttpResponse } from './responses.js';

/** How long a completed answer is replayed. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Used when the context cannot tell the function's remaining time (never in Lambda). */
const DEFAULT_IN_PROGRESS_MS = 60_000;

export class IdempotencyKeyReusedError extends DomainError {
  override readonly name: string = 'IdempotencyKeyReusedError';
  readonly status = 422;
  readonly code = 'idempotency-key-reused';
  constructor() {
    super('this idempotency-key was already used with a different request body', {
      errors: [{ path: 'headers.idempotency-key', message: 'reused with a different body' }],
    });
  }
}

export class RequestInProgressError extends ConflictError {
  override readonly name: string = 'RequestInProgressError';
  override readonly code = 'request-in-progress';
  constructor() {
    super('a request with this idempotency-key is still in progress; retry shortly');
  }
}

interface StoredRecord {
  readonly id: string;
  readonly status: 'INPROGRESS' | 'COMPLETED';
  readonly expiration: number;
  readonly in_progress_expiration?: number;
  readonly validation: string;
  readonly lease?: string;
  readonly data?: string;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** The record id: caller, method, real path and key (JSON keeps the parts apart). */
export const idempotencyRecordId = (event: HttpEvent, key: string): string => {
  const sub = event.requestContext.authorizer?.jwt?.claims?.sub ?? '';
  return sha256(JSON.stringify([String(sub), event.requestContext.http.method, event.rawPath, key]));
};

const payloadHash = (event: HttpEvent): string => {
  const body = event.body ?? '';
  return sha256(event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body);
};

/** The body's data key: the caller, method, path and the client's key (never stored). */
const bodyKey = (event: HttpEvent, key: string): Buffer => {
  const sub = event.requestContext.authorizer?.jwt?.claims?.sub ?? '';
  return createHash('sha256').update(JSON.stringify(['tatawwu-idempotency-body-v1', String(sub), event.requestContext.http.method, event.rawPath, key])).digest();
};

const SEALED = 'aes256gcm:';

const seal = (plain: string, dataKey: Buffer): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${SEALED}${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${sealed.toString('base64')}`;
};

const open = (data: string, dataKey: Buffer): string => {
  // Records stored before bodies were sealed (they expire within 24 hours) are plain JSON.
  if (!data.startsWith(SEALED)) return data;
  const [iv, tag, sealed] = data.slice(SEALED.length).split('.') as [string, string, string];
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
};

const replay = (record: StoredRecord, dataKey: Buffer): HttpResponse => JSON.parse(open(record.data ?? '{}', dataKey)) as HttpResponse;

interface Claim {
  readonly id: string;
  readonly lease: string;
  readonly dataKey: Buffer;
}

export const idempotent = (): MiddlewareObj<HttpEvent, HttpResponse> => {
  const claims = new WeakMap<HttpEvent, Claim>();

  const release = async (claim: Claim): Promise<void> => {
    await documentClient()
      .send(
        new DeleteCommand({
          TableName: env.idempotencyTableName,
          Key: { id: claim.id },
          ConditionExpression: '#status = :inProgress AND lease = :lease',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'INPROGRESS', ':lease': claim.lease },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  };

  return {
    before: async (request) => {
      const key = request.event.headers?.['idempotency-key'];
      if (!key) return;
      const id = idempotencyRecordId(request.event, key);
      const validation = payloadHash(request.event);
      const lease = randomUUID();
      const remaining = request.context?.getRemainingTimeInMillis?.() ?? DEFAULT_IN_PROGRESS_MS;
      // Two attempts: a record that vanishes between our failed Put and the Get (its owner
      // failed and released it) is claimed on the second one.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const now = Date.now();
        try {
          await documentClient().send(
            new PutCommand({
              TableName: env.idempotencyTableName,
              Item: {
                id,
                status: 'INPROGRESS',
                expiration: Math.floor(now / 1000) + IDEMPOTENCY_TTL_SECONDS,
                in_progress_expiration: now + Math.max(remaining, 1000),
                validation,
                lease,
              },
              // Free, expired (TTL deletes lazily), or an INPROGRESS claim whose function died.
              ConditionExpression:
                'attribute_not_exists(id) OR expiration < :nowSeconds OR (#status = :inProgress AND in_progress_expiration < :nowMs)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':nowSeconds': Math.floor(now / 1000), ':nowMs': now, ':inProgress': 'INPROGRESS' },
            }),
          );
          claims.set(request.event, { id, lease, dataKey: bodyKey(request.event, key) });
          return;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
        const { Item } = await documentClient().send(
          new GetCommand({ TableName: env.idempotencyTableName, Key: { id }, ConsistentRead: true }),
        );
        if (!Item) continue;
        const existing = Item as StoredRecord;
        if (existing.validation !== validation) throw new IdempotencyKeyReusedError();
        if (existing.status === 'COMPLETED') return replay(existing, bodyKey(request.event, key));
        throw new RequestInProgressError();
      }
      throw new RequestInProgressError();
    },
    after: async (request) => {
      const claim = claims.get(request.event);
      if (!claim || !request.response) return;
      claims.delete(request.event);
      const now = Math.floor(Date.now() / 1000);
      const { statusCode, headers, body, isBase64Encoded } = request.response;
      // The condition fails only if our claim outlived the function's deadline and another
      // request took it over: its answer is the one to keep.
      await documentClient().send(
        new UpdateCommand({
          TableName: env.idempotencyTableName,
          Key: { id: claim.id },
          UpdateExpression: 'SET #status = :completed, #data = :data, expiration = :expiration REMOVE in_progress_expiration, lease',
          ConditionExpression: 'lease = :lease',
          ExpressionAttributeNames: { '#status': 'status', '#data': 'data' },
          ExpressionAttributeValues: {
            ':completed': 'COMPLETED',
            ':data': seal(JSON.stringify({ statusCode, headers, body, ...(isBase64Encoded && { isBase64Encoded }) }), claim.dataKey),
            ':expiration': now + IDEMPOTENCY_TTL_SECONDS,
            ':lease': claim.lease,
          },
        }),
      ).catch((error: unknown) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
    },
    onError: async (request) => {
      const claim = claims.get(request.event);
      if (!claim) return;
      claims.delete(request.event);
      await release(claim);
    },
  };
};
