/**
 * Powertools idempotency for writes that carry an `Idempotency-Key` header. The key is scoped
 * to the caller and the route, so two users can never collide; the body is validated, so the
 * same key with another body is refused (422) instead of replaying a different answer.
 * Requests without the header skip idempotency entirely (the JMESPath yields null).
 */
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import { dynamoClient } from '../db/client.js';
import { env } from '../env.js';
import type { HttpEvent } from './http.js';
import type { HttpResponse } from './responses.js';

let persistenceStore: DynamoDBPersistenceLayer | undefined;

export const idempotent = (): MiddlewareObj<HttpEvent, HttpResponse> => {
  persistenceStore ??= new DynamoDBPersistenceLayer({
    tableName: env.idempotencyTableName,
    awsSdkV3Client: dynamoClient(),
  });
  return makeHandlerIdempotent({
    persistenceStore,
    config: new IdempotencyConfig({
      eventKeyJmesPath:
        'headers."idempotency-key" && [requestContext.authorizer.jwt.claims.sub, routeKey, headers."idempotency-key"]',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: 24 * 60 * 60,
      throwOnNoIdempotencyKey: false,
    }),
  }) as MiddlewareObj<HttpEvent, HttpResponse>;
};
