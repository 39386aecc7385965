import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { hoursFromNow, opportunityBody, seedOrganization as seed } from '../helpers/builders.js';

let platform: TestPlatform;

/** An organisation straight in the table (its onboarding workflow is tested elsewhere). */
const seedOrganization = (status: 'active' | 'pending' | 'rejected' = 'active') => seed({ status });

const body = (overrides: Record<string, unknown> = {}) =>
  opportunityBody(
    [
      { start: hoursFromNow(48), end: hoursFromNow(52), capacity: 20 },
      { start: hoursFromNow(24), end: hoursFromNow(28), capacity: 5 },
    ],
    { skills: ['first-aid'], professions: ['paramedic'], ...overrides },
  );

const managerToken = (orgId: string, sub = `manager-${orgId}`) => platform.token({ sub, groups: ['org-manager'], orgId });

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

const create = async (orgId: string, overrides: Record<string, unknown> = {}) =>
  platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: await managerToken(orgId), body: body(overrides) });

const published = async (orgId: string, overrides: Record<string, unknown> = {}) => {
  const created = await create(orgId, overrides);
  const response = await platform.request('POST', `/v1/opportunities/${created.body.id}/publish`, { token: await managerToken(orgId) });
  expect(response.status).toBe(200);
  return created.body.id as string;
};

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('POST /v1/organizations/{orgId}/opportunities', () => {
  it('creates a draft with its shifts, in start order, every seat left', async () => {
    const orgId = await seedOrganization();
    const response = await create(orgId);
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/v1/opportunities/${response.body.id}`);
    expect(response.body).toMatchObject({ status: 'draft', orgId, category: 'environment', remote: false });
    expect(response.body.shifts).toEqual([
      { id: expect.any(String), start: expect.any(String), end: expect.any(String), capacity: 5, seatsLeft: 5 },
      { id: expect.any(String), start: expect.any(String), end: expect.any(String), capacity: 20, seatsLeft: 20 },
    ]);
  });

  it('answers 401 without a token', async () => {
    const orgId = await seedOrganization();
    expect((await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { body: body() })).status).toBe(401);
  });

  it('answers 403 to a volunteer', async () => {
    const orgId = await seedOrganization();
    const token = await platform.token({ sub: 'v', groups: ['volunteer'] });
    expect((await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token, body: body() })).status).toBe(403);
  });

  it("answers 403 to another organisation's manager and writes nothing", async () => {
    const [orgId, otherId] = [await seedOrganization(), await seedOrganization()];
    const response = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: await managerToken(otherId), body: body() });
    expect(response.status).toBe(403);
    expect(await opportunitiesOf(orgId)).toEqual([]);
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const orgId = ulid();
    expect((await create(orgId)).status).toBe(404);
  });

  it.each(['pending', 'rejected'] as const)('answers 409 for a %s organisation', async (status) => {
    const orgId = await seedOrganization(status);
    const response = await create(orgId);
    expect(response.status).toBe(409);
    expect(response.body.type).toMatch(/organization-not-active$/);
  });

  it.each([
    ['a shift ending before it starts', { shifts: [{ start: hoursFromNow(30), end: hoursFromNow(29), capacity: 5 }] }, 'shifts.0.end'],
    ['a shift in the past', { shifts: [{ start: hoursFromNow(30), end: hoursFromNow(31), capacity: 5 }, { start: hoursFromNow(-2), end: hoursFromNow(-1), capacity: 5 }] }, 'shifts.1.start'],
    ['a capacity of 0', { shifts: [{ start: hoursFromNow(30), end: hoursFromNow(31), capacity: 0 }] }, 'shifts.0.capacity'],
    ['a capacity above 10,000', { shifts: [{ start: hoursFromNow(30), end: hoursFromNow(31), capacity: 10_001 }] }, 'shifts.0.capacity'],
    ['51 shifts', { shifts: Array.from({ length: 51 }, () => ({ start: hoursFromNow(30), end: hoursFromNow(31), capacity: 1 })) }, 'shifts'],
    ['an unknown city', { city: 'atlantis' }, 'city'],
    ['an unknown category', { category: 'gaming' }, 'category'],
    ['a title too long', { titleAr: 'ت'.repeat(121) }, 'titleAr'],
    ['an unknown field', { featured: true }, 'featured'],
  ])('answers 422 naming the field for %s, and writes nothing', async (_what, overrides, path) => {
    const orgId = await seedOrganization();
    const response = await create(orgId, overrides);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await opportunitiesOf(orgId)).toEqual([]);
  });

  it('answers 400 to malformed JSON', async () => {
    const orgId = await seedOrganization();
    const response = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, {
      token: await managerToken(orgId),
      rawBody: '{"titleAr":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
  });

  it('answers 400 to an organisation id that is not one', async () => {
    const response = await platform.request('POST', '/v1/organizations/not-an-id/opportunities', { token: await managerToken('not-an-id'), body: body() });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('path.orgId');
  });

  it('creates once for a replayed Idempotency-Key', async () => {
    const orgId = await seedOrganization();
    const token = await managerToken(orgId);
    const request = { token, body: body(), headers: { 'idempotency-key': ulid() } };
    const first = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, request);
    const second = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, request);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await opportunitiesOf(orgId)).toHaveLength(1);
  });
});

describe('POST /v1/opportunities/{id}/publish and /close', () => {
  it('publishes a draft once', async () => {
    const orgId = await seedOrganization();
    const { body: draft } = await create(orgId);
    const token = await managerToken(orgId);
    expect((await platform.request('POST', `/v1/opportunities/${draft.id}/publish`, { token })).body).toEqual({ id: draft.id, status: 'published' });
    const again = await platform.request('POST', `/v1/opportunities/${draft.id}/publish`, { token });
    expect(again.status).toBe(409);
  });

  it('answers 401 without a token and 403 to a volunteer', async () => {
    const orgId = await seedOrganization();
    const { body: draft } = await create(orgId);
    expect((await platform.request('POST', `/v1/opportunities/${draft.id}/publish`)).status).toBe(401);
    const token = await platform.token({ sub: 'v', groups: ['volunteer'] });
    expect((await platform.request('POST', `/v1/opportunities/${draft.id}/publish`, { token })).status).toBe(403);
  });

  it("answers 404 to another organisation's manager for a draft, and leaves it a draft", async () => {
    const [orgId, otherId] = [await seedOrganization(), await seedOrganization()];
    const { body: draft } = await create(orgId);
    expect((await platform.request('POST', `/v1/opportunities/${draft.id}/publish`, { token: await managerToken(otherId) })).status).toBe(404);
    const view = await platform.request('GET', `/v1/opportunities/${draft.id}`, { token: await managerToken(orgId) });
    expect(view.body.status).toBe('draft');
  });

  it("answers 403 to another organisation's manager closing a published opportunity, and keeps it published", async () => {
    const [orgId, otherId] = [await seedOrganization(), await seedOrganization()];
    const id = await published(orgId);
    expect((await platform.request('POST', `/v1/opportunities/${id}/close`, { token: await managerToken(otherId) })).status).toBe(403);
    expect((await platform.request('GET', `/v1/opportunities/${id}`)).body.status).toBe('published');
  });

  it('answers 404 for an opportunity that does not exist', async () => {
    const orgId = await seedOrganization();
    const token = await managerToken(orgId);
    expect((await platform.request('POST', `/v1/opportunities/${ulid()}/publish`, { token })).status).toBe(404);
    expect((await platform.request('POST', `/v1/opportunities/${ulid()}/close`, { token })).status).toBe(404);
  });

  it('closes a published opportunity once, and it leaves search at once', async () => {
    const orgId = await seedOrganization();
    const id = await published(orgId);
    const token = await managerToken(orgId);
    expect((await platform.request('GET', `/v1/opportunities?orgId=${orgId}`)).body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await platform.request('POST', `/v1/opportunities/${id}/close`, { token })).body).toEqual({ id, status: 'closed' });
    expect((await platform.request('POST', `/v1/opportunities/${id}/close`, { token })).status).toBe(409);
    expect((await platform.request('GET', `/v1/opportunities?orgId=${orgId}`)).body.items).toEqual([]);
  });
});

describe('GET /v1/opportunities/{id}', () => {
  it('shows a published opportunity to anyone, with seats left per shift', async () => {
    const orgId = await seedOrganization();
    const id = await published(orgId);
    const response = await platform.request('GET', `/v1/opportunities/${id}`);
    expect(response.status).toBe(200);
    expect(response.body.shifts.map((s: { seatsLeft: number }) => s.seatsLeft)).toEqual([5, 20]);
  });

  it('hides a draft from everyone but its managers', async () => {
    const orgId = await seedOrganization();
    const { body: draft } = await create(orgId);
    const volunteer = await platform.token({ sub: 'v', groups: ['volunteer'] });
    expect((await platform.request('GET', `/v1/opportunities/${draft.id}`)).status).toBe(404);
    expect((await platform.request('GET', `/v1/opportunities/${draft.id}`, { token: volunteer })).status).toBe(404);
    expect((await platform.request('GET', `/v1/opportunities/${draft.id}`, { token: await managerToken(orgId) })).status).toBe(200);
  });

  it('answers 401 to a bad bearer token even on this public route', async () => {
    const orgId = await seedOrganization();
    const id = await published(orgId);
    expect((await platform.request('GET', `/v1/opportunities/${id}`, { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('answers 400 to an id that is not one and 404 to an unknown one', async () => {
    expect((await platform.request('GET', '/v1/opportunities/nope')).status).toBe(400);
    expect((await platform.request('GET', `/v1/opportunities/${ulid()}`)).status).toBe(404);
  });
});

describe('GET /v1/opportunities', () => {
  it('pages through 3 pages with every published opportunity exactly once', async () => {
    const orgId = await seedOrganization();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await published(orgId, { shifts: [{ start: hoursFromNow(24 + i), end: hoursFromNow(30 + i), capacity: 3 }] }));
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const response = await platform.request('GET', `/v1/opportunities?orgId=${orgId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      sizes.push(response.body.items.length);
      seen.push(...response.body.items.map((i: { id: string }) => i.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(ids);
  });

  it('combines filters', async () => {
    const orgId = await seedOrganization();
    const nurse = await published(orgId, { city: 'riyadh', professions: ['nurse'], category: 'health' });
    await published(orgId, { city: 'riyadh', professions: ['doctor'], category: 'health' });
    await published(orgId, { city: 'jeddah', professions: ['nurse'], category: 'health' });
    const response = await platform.request('GET', `/v1/opportunities?orgId=${orgId}&city=riyadh&profession=nurse&category=health`);
    expect(response.body.items.map((i: { id: string }) => i.id)).toEqual([nurse]);
    expect(response.body.items[0]).not.toHaveProperty('descriptionAr');
  });

  it('filters by time window', async () => {
    const orgId = await seedOrganization();
    const soon = await published(orgId, { shifts: [{ start: hoursFromNow(24), end: hoursFromNow(26), capacity: 3 }] });
    const later = await published(orgId, { shifts: [{ start: hoursFromNow(24 * 10), end: hoursFromNow(24 * 10 + 2), capacity: 3 }] });
    const to = encodeURIComponent(hoursFromNow(48));
    const from = encodeURIComponent(hoursFromNow(24 * 5));
    expect((await platform.request('GET', `/v1/opportunities?orgId=${orgId}&to=${to}`)).body.items.map((i: { id: string }) => i.id)).toEqual([soon]);
    expect((await platform.request('GET', `/v1/opportunities?orgId=${orgId}&from=${from}`)).body.items.map((i: { id: string }) => i.id)).toEqual([later]);
  });

  it('does not list drafts', async () => {
    const orgId = await seedOrganization();
    await create(orgId);
    expect((await platform.request('GET', `/v1/opportunities?orgId=${orgId}`)).body).toEqual({ items: [] });
  });

  it.each([
    ['a tampered cursor', 'cursor=eyJwIjoiUFVCI0FMTCJ9', 'query.cursor'],
    ['a cursor that is not base64url', 'cursor=%25%25%25', 'query.cursor'],
    ['a limit above 100', 'limit=101', 'query.limit'],
    ['an unknown filter', 'colour=blue', 'query.colour'],
    ['an unknown city', 'city=atlantis', 'query.city'],
    ['a time without offset', 'from=2030-01-01T00:00:00', 'query.from'],
  ])('answers 400 naming the parameter for %s', async (_what, query, path) => {
    const response = await platform.request('GET', `/v1/opportunities?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
