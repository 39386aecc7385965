/**
 * Handlers invoked directly with the sample API Gateway events of events/http/, as Lambda
 * would: no gateway in front. Only paths that stop before DynamoDB are exercised here; the
 * full round trips are in test/e2e/volunteers*.test.ts.
 */
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import getCharterEvent from '../../events/http/get-charter.json' with { type: 'json' };
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import updateEvent from '../../events/http/update-my-volunteer-profile.json' with { type: 'json' };
import type { HttpEvent } from '../../shared/middleware/http.js';

type Handler = (event: HttpEvent, context: Context) => Promise<{ statusCode: number; headers?: Record<string, string>; body: string }>;

const context = {
  functionName: 'test',
  awsRequestId: 'test-request',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

/**
 * A fresh copy of a sample event, so that no test sees another's changes. Without its
 * Idempotency-Key: the idempotency store is DynamoDB, which these tests do not start.
 */
const sample = (event: object): HttpEvent => {
  const copy = structuredClone(event) as HttpEvent;
  delete copy.headers['idempotency-key'];
  return copy;
};

let register: Handler;
let updateMe: Handler;
let getCharter: Handler;

beforeAll(async () => {
  // The idempotency layer is configured when the module loads; it is not reached by these tests.
  process.env.TABLE_NAME ??= 'not-used-by-these-tests';
  ({ handler: register } = (await import('../../functions/http/volunteers/register.js')) as unknown as { handler: Handler });
  ({ handler: updateMe } = (await import('../../functions/http/volunteers/update-me.js')) as unknown as { handler: Handler });
  ({ handler: getCharter } = (await import('../../functions/http/volunteers/get-charter.js')) as unknown as { handler: Handler });
});

describe('sample events invoked directly', () => {
  it('serves the charter for events/http/get-charter.json', async () => {
    const response = await getCharter(sample(getCharterEvent), context);
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ version: '2026-1', titleEn: 'Volunteer Code of Ethics' });
    expect(response.headers?.['cache-control']).toBe('public, max-age=300');
  });

  it('refuses events/http/register-volunteer.json without the authorizer claims (401)', async () => {
    const event = sample(registerEvent);
    delete event.requestContext.authorizer;
    const response = await register(event, context);
    expect(response.statusCode).toBe(401);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });

  it('refuses events/http/register-volunteer.json with a bad national ID (422 on nationalId), never echoing it', async () => {
    const event = sample(registerEvent);
    event.body = JSON.stringify({ ...(JSON.parse(registerEvent.body) as object), nationalId: '1098765430' });
    const response = await register(event, context);
    expect(response.statusCode).toBe(422);
    expect(JSON.parse(response.body).errors).toEqual([{ path: 'nationalId', message: 'check digit does not match' }]);
    expect(response.body).not.toContain('1098765430');
  });

  it('refuses events/http/update-my-volunteer-profile.json from a caller outside the volunteer group (403)', async () => {
    const event = sample(updateEvent);
    event.requestContext.authorizer!.jwt.claims['cognito:groups'] = '[org-manager]';
    const response = await updateMe(event, context);
    expect(response.statusCode).toBe(403);
  });

  it('refuses events/http/update-my-volunteer-profile.json carrying a national ID (422 naming it)', async () => {
    const event = sample(updateEvent);
    event.body = JSON.stringify({ nationalId: '1234567897' });
    const response = await updateMe(event, context);
    expect(response.statusCode).toBe(422);
    expect(JSON.parse(response.body).errors).toEqual([{ path: 'nationalId', message: 'unknown field' }]);
  });
});
