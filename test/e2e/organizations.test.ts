import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client.js';
import { organization } from '../../shared/db/entities/organization.js';
import { organizationManager } from '../../shared/db/entities/organization-manager.js';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import { localUserDirectory } from '../../shared/identity/user-directory.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let licence = 5_000_000_000 + Math.floor(Math.random() * 900_000_000);

const registration = (overrides: Record<string, unknown> = {}) => ({
  nameAr: 'جمعية الخير',
  nameEn: 'Al Khair Society',
  licenseNumber: String(licence++),
  city: 'dammam',
  contactEmail: 'contact@alkhair.org.sa',
  phone: '+966138123456',
  causes: ['education'],
  ...overrides,
});

/** An organisation straight in the table, in the status a test needs. */
const seedOrganization = async (status: 'active' | 'pending' = 'active', registrant = 'founder'): Promise<string> => {
  const repo = organizationRepository();
  const at = new Date().toISOString();
  const org: OrganizationRecord = {
    ...(registration() as Omit<OrganizationRecord, 'id' | 'status' | 'registeredBy' | 'createdAt' | 'updatedAt'>),
    id: ulid(),
    status: 'pending',
    registeredBy: { sub: registrant },
    createdAt: at,
    updatedAt: at,
  };
  await repo.create(org, { status: 'pending', at, by: registrant, reason: 'registered' });
  if (status === 'active') {
    await repo.transition(org.id, 'pending', { status: 'active', from: 'pending', at, by: 'reviewer' }, { department: { orgId: org.id, establishedAt: at, approvedBy: 'reviewer' } });
  }
  return org.id;
};

/** Test-only inspection of what is stored under an organisation's partition. */
const itemsOf = async (orgId: string, prefix: string) =>
  (
    await documentClient().send(
      new QueryCommand({
        TableName: platform.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': organization.keys.partition(orgId), ':prefix': prefix },
      }),
    )
  ).Items ?? [];

const token = (groups: Parameters<TestPlatform['token']>[0]['groups'], extra: { orgId?: string; sub?: string } = {}) =>
  platform.token({ sub: extra.sub ?? `user-${ulid()}`, groups, ...(extra.orgId && { orgId: extra.orgId }) });

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('POST /v1/organizations', () => {
  it('answers 202 pending to any signed-in user', async () => {
    const response = await platform.request('POST', '/v1/organizations', { token: await token([]), body: registration() });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.stringMatching(/^[0-9A-Z]{26}$/), status: 'pending' });
  });

  it('answers 401 without a token', async () => {
    expect((await platform.request('POST', '/v1/organizations', { body: registration() })).status).toBe(401);
  });

  it('answers 409 naming licenseNumber when another organisation holds it', async () => {
    const body = registration();
    await platform.request('POST', '/v1/organizations', { token: await token([]), body });
    const response = await platform.request('POST', '/v1/organizations', { token: await token([]), body });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ path: 'licenseNumber', message: 'already registered' }]);
  });

  it.each([
    ['a 9-digit licence number', { licenseNumber: '101012345' }, 'licenseNumber'],
    ['a licence number starting with 0', { licenseNumber: '0101234567' }, 'licenseNumber'],
    ['a phone number that is not E.164', { phone: '0138123456' }, 'phone'],
    ['an email that is not one', { contactEmail: 'contact@' }, 'contactEmail'],
    ['an unknown cause', { causes: ['astrology'] }, 'causes.0'],
    ['an unknown city', { city: 'gotham' }, 'city'],
  ])('answers 422 naming the field for %s, and registers nothing', async (_what, overrides, path) => {
    const body = registration(overrides);
    const response = await platform.request('POST', '/v1/organizations', { token: await token([]), body });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    expect(await organizationRepository().licenseHolder(String(body.licenseNumber))).toBeUndefined();
  });

  it('answers 400 to malformed JSON', async () => {
    const response = await platform.request('POST', '/v1/organizations', { token: await token([]), rawBody: '{', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
  });
});

describe('GET /v1/organizations/{orgId}', () => {
  it('shows the public fields of an active organisation to anyone', async () => {
    const orgId = await seedOrganization();
    const response = await platform.request('GET', `/v1/organizations/${orgId}`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(['causes', 'city', 'hasCertifiedManager', 'id', 'nameAr', 'nameEn', 'status']);
  });

  it('shows everything with the status history to its managers and the ministry', async () => {
    const orgId = await seedOrganization();
    for (const groups of [['ministry-reviewer'], ['ministry-admin']] as const) {
      const response = await platform.request('GET', `/v1/organizations/${orgId}`, { token: await token([...groups]) });
      expect(response.body).toMatchObject({ licenseNumber: expect.any(String), contactEmail: 'contact@alkhair.org.sa', history: [{ status: 'pending' }, { status: 'active' }] });
    }
    const manager = await platform.request('GET', `/v1/organizations/${orgId}`, { token: await token(['org-manager'], { orgId }) });
    expect(manager.body.department).toMatchObject({ orgId, approvedBy: 'reviewer' });
  });

  it('hides a pending organisation from others (404) but shows it to its registrant', async () => {
    const orgId = await seedOrganization('pending', 'founder-9');
    expect((await platform.request('GET', `/v1/organizations/${orgId}`)).status).toBe(404);
    expect((await platform.request('GET', `/v1/organizations/${orgId}`, { token: await token(['volunteer']) })).status).toBe(404);
    expect((await platform.request('GET', `/v1/organizations/${orgId}`, { token: await token([], { sub: 'founder-9' }) })).status).toBe(200);
  });

  it('answers 404 for an unknown organisation, 400 for an id that is not one and 401 for a bad token', async () => {
    expect((await platform.request('GET', `/v1/organizations/${ulid()}`)).status).toBe(404);
    expect((await platform.request('GET', '/v1/organizations/abc')).status).toBe(400);
    expect((await platform.request('GET', `/v1/organizations/${ulid()}`, { token: 'garbage' })).status).toBe(401);
  });
});

describe('POST /v1/organizations/{orgId}/decision', () => {
  it('answers 401 without a token', async () => {
    const orgId = await seedOrganization('pending');
    expect((await platform.request('POST', `/v1/organizations/${orgId}/decision`, { body: { decision: 'approve' } })).status).toBe(401);
  });

  it.each([['volunteer'], ['org-manager'], ['ministry-admin']] as const)('answers 403 to %s and records nothing', async (group) => {
    const orgId = await seedOrganization('pending');
    const response = await platform.request('POST', `/v1/organizations/${orgId}/decision`, { token: await token([group], { orgId }), body: { decision: 'approve' } });
    expect(response.status).toBe(403);
    expect((await organizationRepository().get(orgId))?.decision).toBeUndefined();
  });

  it('answers 404 for an unknown organisation', async () => {
    const response = await platform.request('POST', `/v1/organizations/${ulid()}/decision`, { token: await token(['ministry-reviewer']), body: { decision: 'approve' } });
    expect(response.status).toBe(404);
  });

  it('answers 422 naming reason when rejecting without one', async () => {
    const orgId = await seedOrganization('pending');
    const response = await platform.request('POST', `/v1/organizations/${orgId}/decision`, { token: await token(['ministry-reviewer']), body: { decision: 'reject' } });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
  });

  it('answers 409 when the workflow does not wait for a decision', async () => {
    const orgId = await seedOrganization('pending');
    const response = await platform.request('POST', `/v1/organizations/${orgId}/decision`, { token: await token(['ministry-reviewer']), body: { decision: 'approve' } });
    expect(response.status).toBe(409);
    expect(response.body.type).toMatch(/decision-not-open$/);
  });

  it('answers 409 for an organisation already decided', async () => {
    const orgId = await seedOrganization('active');
    const response = await platform.request('POST', `/v1/organizations/${orgId}/decision`, { token: await token(['ministry-reviewer']), body: { decision: 'approve' } });
    expect(response.status).toBe(409);
    expect(response.body.type).toMatch(/decision-already-made$/);
  });
});

describe('/v1/organizations/{orgId}/managers', () => {
  const manager = (overrides: Record<string, unknown> = {}) => ({
    sub: `m-${ulid()}`,
    email: 'manager@alkhair.org.sa',
    certificationNumber: 'VM-2026-0042',
    certificationExpiresAt: '2028-06-30',
    ...overrides,
  });

  it('lets ministry-admin add a manager, recorded and granted in the (local) directory', async () => {
    const orgId = await seedOrganization();
    const body = manager();
    const response = await platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: await token(['ministry-admin']), body });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...body, orgId });
    expect(localUserDirectory.grants).toContainEqual({ sub: body.sub, orgId });
  });

  it("lets the organisation's managers add and list managers", async () => {
    const orgId = await seedOrganization();
    const own = await token(['org-manager'], { orgId });
    const body = manager({ certificationNumber: undefined, certificationExpiresAt: undefined });
    expect((await platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: own, body })).status).toBe(201);
    const list = await platform.request('GET', `/v1/organizations/${orgId}/managers`, { token: own });
    expect(list.body.items.map((m: { sub: string }) => m.sub)).toEqual([body.sub]);
  });

  it('answers 401 without a token', async () => {
    const orgId = await seedOrganization();
    expect((await platform.request('POST', `/v1/organizations/${orgId}/managers`, { body: manager() })).status).toBe(401);
    expect((await platform.request('GET', `/v1/organizations/${orgId}/managers`)).status).toBe(401);
  });

  it("answers 403 to another organisation's manager and to a volunteer, and adds nothing", async () => {
    const [orgId, otherId] = [await seedOrganization(), await seedOrganization()];
    for (const caller of [await token(['org-manager'], { orgId: otherId }), await token(['volunteer']), await token(['ministry-reviewer'])]) {
      expect((await platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: caller, body: manager() })).status).toBe(403);
    }
    expect((await platform.request('GET', `/v1/organizations/${orgId}/managers`, { token: await token(['volunteer']) })).status).toBe(403);
    expect(await itemsOf(orgId, organizationManager.keys.prefix)).toEqual([]);
  });

  it('answers 404 for an unknown organisation', async () => {
    const response = await platform.request('POST', `/v1/organizations/${ulid()}/managers`, { token: await token(['ministry-admin']), body: manager() });
    expect(response.status).toBe(404);
  });

  it('answers 409 for a pending organisation', async () => {
    const orgId = await seedOrganization('pending');
    const response = await platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: await token(['ministry-admin']), body: manager() });
    expect(response.status).toBe(409);
  });

  it('answers 409 naming sub for a user who manages another organisation', async () => {
    const [orgId, otherId] = [await seedOrganization(), await seedOrganization()];
    const admin = await token(['ministry-admin']);
    const body = manager();
    await platform.request('POST', `/v1/organizations/${otherId}/managers`, { token: admin, body });
    const response = await platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: admin, body });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ path: 'sub', message: 'already a manager' }]);
  });

  it.each([
    ['an email that is not one', { email: 'nope' }, 'email'],
    ['an expiry without a certification number', { certificationNumber: undefined }, 'certificationExpiresAt'],
    ['an impossible expiry date', { certificationExpiresAt: '2028-02-30' }, 'certificationExpiresAt'],
  ])('answers 422 naming the field for %s, and adds nothing', async (_what, overrides, path) => {
    const orgId = await seedOrganization();
    const response = await platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: await token(['ministry-admin']), body: manager(overrides) });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    expect(await itemsOf(orgId, organizationManager.keys.prefix)).toEqual([]);
  });
});
