/**
 * Idempotency-Key under the probe's conditions (issue 10 §5): concurrent duplicates, a key
 * reused with another body and then the original again, and one key sent to two real paths
 * of the same route. Powertools 2.35.0 deleted the stored record when it refused a request,
 * so the first two created several opportunities; the route template in the key replayed
 * organisation A's answer for organisation B.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client.js';
import { idempotencyRecordId } from '../../shared/middleware/idempotency.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { opportunityBody as opportunity, seedOrganization as seed } from '../helpers/builders.js';

const seedOrganization = () => seed({ department: true });

let platform: TestPlatform;

/** Test-only inspection (a Scan is fine here, never in request paths). */
const opportunitiesOf = async (orgId: string) =>
  (
    await documentClient().send(
      new ScanCommand({
        TableName: platform.tableName,
        FilterExpression: 'entity = :e AND orgId = :o',
        ExpressionAttributeValues: { ':e': 'Opportunity', ':o': orgId },
      }),
    )
  ).Items ?? [];

const idempotencyRecords = async () =>
  (await documentClient().send(new ScanCommand({ TableName: `${platform.tableName}-idempotency` }))).Items ?? [];

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

describe('Idempotency-Key', () => {
  it('creates one opportunity for 40 identical requests sent 4 ms apart', async () => {
    const orgId = await seedOrganization();
    const token = await platform.token({ sub: `m-${ulid()}`, groups: ['org-manager'], orgId });
    const request = { token, body: opportunity(), headers: { 'idempotency-key': ulid() } };

    const responses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, 4 * i));
        return platform.request('POST', `/v1/organizations/${orgId}/opportunities`, request);
      }),
    );

    expect(await opportunitiesOf(orgId)).toHaveLength(1);
    const createdIds = new Set(responses.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(createdIds.size).toBe(1);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && r.body.type.endsWith('/request-in-progress'))).toBe(true);
  });

  it('answers requests that were refused as in progress with the first answer once it is done', async () => {
    const orgId = await seedOrganization();
    const token = await platform.token({ sub: `m-${ulid()}`, groups: ['org-manager'], orgId });
    const request = { token, body: opportunity(), headers: { 'idempotency-key': ulid() } };
    const first = await Promise.all(Array.from({ length: 10 }, () => platform.request('POST', `/v1/organizations/${orgId}/opportunities`, request)));

    const retries = await Promise.all(Array.from({ length: 10 }, () => platform.request('POST', `/v1/organizations/${orgId}/opportunities`, request)));

    const id = first.find((r) => r.status === 201)!.body.id;
    expect(retries.map((r) => [r.status, r.body.id])).toEqual(Array.from({ length: 10 }, () => [201, id]));
    expect(await opportunitiesOf(orgId)).toHaveLength(1);
  });

  it('keeps the first answer after the key is reused with another body (K+B1, K+B2 → 422, K+B1)', async () => {
    const orgId = await seedOrganization();
    const token = await platform.token({ sub: `m-${ulid()}`, groups: ['org-manager'], orgId });
    const headers = { 'idempotency-key': ulid() };
    const path = `/v1/organizations/${orgId}/opportunities`;
    const original = opportunity();

    const first = await platform.request('POST', path, { token, headers, body: original });
    const mismatch = await platform.request('POST', path, { token, headers, body: { ...original, titleEn: 'Another title' } });
    const again = await platform.request('POST', path, { token, headers, body: original });

    expect(first.status).toBe(201);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.type).toMatch(/\/idempotency-key-reused$/);
    expect(mismatch.body.errors).toEqual([{ path: 'headers.idempotency-key', message: 'reused with a different body' }]);
    expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    expect(await opportunitiesOf(orgId)).toHaveLength(1);
  });

  // A user manages one organisation, so organisation B's answer is a 409: the request was
  // carried out for B, not answered with A's 201.
  it('carries out the same key and body sent to another real path of the same route', async () => {
    const [a, b] = [await seedOrganization(), await seedOrganization()];
    const token = await platform.token({ sub: `admin-${ulid()}`, groups: ['ministry-admin'] });
    const request = { token, headers: { 'idempotency-key': ulid() }, body: { sub: `m-${ulid()}`, email: 'manager@example.sa' } };

    const toA = await platform.request('POST', `/v1/organizations/${a}/managers`, request);
    const toB = await platform.request('POST', `/v1/organizations/${b}/managers`, request);

    expect([toA.status, toA.body.orgId]).toEqual([201, a]);
    expect([toB.status, toB.body.type]).toEqual([409, expect.stringMatching(/\/manager-already-assigned$/)]);
  });

  it('stores the completed answer for 24 hours, sealed (no readable body, issue 18)', async () => {
    const orgId = await seedOrganization();
    const sub = `m-${ulid()}`;
    const token = await platform.token({ sub, groups: ['org-manager'], orgId });
    const key = ulid();
    const before = Math.floor(Date.now() / 1000);

    const response = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token, body: opportunity(), headers: { 'idempotency-key': key } });

    const id = idempotencyRecordId({ requestContext: { authorizer: { jwt: { claims: { sub } } }, http: { method: 'POST' } }, rawPath: `/v1/organizations/${orgId}/opportunities` } as never, key);
    const record = (await idempotencyRecords()).find((r) => r.id === id);
    expect(record).toMatchObject({ status: 'COMPLETED', data: expect.stringMatching(/^aes256gcm:/) });
    expect(record!.data as string).not.toContain(response.body.id);
    expect(record!.expiration).toBeGreaterThanOrEqual(before + 24 * 3600);
    expect(record!.expiration).toBeLessThanOrEqual(before + 24 * 3600 + 60);
  });

  it('runs a request without the header every time', async () => {
    const orgId = await seedOrganization();
    const token = await platform.token({ sub: `m-${ulid()}`, groups: ['org-manager'], orgId });

    await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token, body: opportunity() });
    await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token, body: opportunity() });

    expect(await opportunitiesOf(orgId)).toHaveLength(2);
  });
});
