/**
 * Issue 11, "the ministry can find its work": organisations listed by status and city (the
 * pending review queue oldest first for the ministry, active ones for everyone), and read-only
 * oversight of any application and opportunity by ministry reviewers and admins.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationRepository } from '../../shared/db/application-repository.js';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import type { ApplicationRecord } from '../../shared/domain/applications/schema.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import { hoursFromNow, opportunityBody, seedOrganization as seedOrganizationWith } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let clock = Date.parse('2026-03-01T08:00:00.000Z');

/** An organisation straight in the table, registered one minute after the previous one. */
const seedOrganization = (status: 'pending' | 'active' | 'rejected', city: OrganizationRecord['city'] = 'tabuk'): Promise<string> =>
  seedOrganizationWith({ status, city, causes: ['education'], department: status === 'active', names: { ar: 'جمعية', en: `Society ${ulid()}` }, at: new Date((clock += 60_000)).toISOString() });

const list = async (query: string, token?: string) => platform.request('GET', `/v1/organizations${query}`, token ? { token } : {});
const ids = (body: { items: { id: string }[] }) => body.items.map((o) => o.id);

let reviewer: string;
let admin: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  reviewer = await platform.token({ sub: 'reviewer-1', groups: ['ministry-reviewer'] });
  admin = await platform.token({ sub: 'admin-1', groups: ['ministry-admin'] });
});
afterAll(async () => platform?.stop());

describe('GET /v1/organizations', () => {
  it('gives ministry reviewers the pending queue, oldest first, with the licence number', async () => {
    const first = await seedOrganization('pending');
    await seedOrganization('active');
    const second = await seedOrganization('pending');
    const response = await list('?status=pending', reviewer);
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual([first, second]);
    expect(response.body.items[0]).toMatchObject({ status: 'pending', licenseNumber: expect.any(String), createdAt: expect.any(String) });
  });

  it('moves an organisation from the pending list to the active list when it is approved', async () => {
    const orgId = await seedOrganization('pending', 'hail');
    const at = new Date().toISOString();
    await organizationRepository().transition(orgId, 'pending', { status: 'active', from: 'pending', at, by: 'reviewer' });
    expect(ids((await list('?status=pending&city=hail', admin)).body)).toEqual([]);
    expect(ids((await list('?city=hail')).body)).toEqual([orgId]);
  });

  it('lists active organisations for anyone, public fields only, filtered by city', async () => {
    const jazan = await seedOrganization('active', 'jazan');
    await seedOrganization('pending', 'jazan');
    await seedOrganization('active', 'najran');
    const response = await list('?city=jazan');
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual([jazan]);
    expect(Object.keys(response.body.items[0]).sort()).toEqual(['causes', 'city', 'createdAt', 'hasCertifiedManager', 'id', 'nameAr', 'nameEn', 'status']);
  });

  it('lists rejected organisations for ministry admins', async () => {
    const rejected = await seedOrganization('rejected', 'abha');
    expect(ids((await list('?status=rejected&city=abha', admin)).body)).toEqual([rejected]);
  });

  it('pages with a cursor', async () => {
    const seeded = [await seedOrganization('active', 'arar'), await seedOrganization('active', 'arar'), await seedOrganization('active', 'arar')];
    const first = await list('?city=arar&limit=2');
    expect(ids(first.body)).toEqual(seeded.slice(0, 2));
    const second = await list(`?city=arar&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual(seeded.slice(2));
  });

  it('answers 403 to anyone else asking for another status', async () => {
    for (const token of [undefined, await platform.token({ sub: 'v', groups: ['volunteer'] }), await platform.token({ sub: 'm', groups: ['org-manager'], orgId: ulid() })]) {
      expect((await list('?status=pending', token)).status).toBe(403);
    }
  });

  it.each([
    ['an unknown status', '?status=open', 'query.status'],
    ['an unknown city', '?city=gotham', 'query.city'],
    ['a limit above 100', '?limit=101', 'query.limit'],
    ['a foreign cursor', '?cursor=eyJwIjoiWCIsInMiOiIxIn0', 'query.cursor'],
  ])('answers 400 naming the parameter for %s', async (_what, query, path) => {
    const response = await list(query, reviewer);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });
});

describe('ministry oversight (read-only)', () => {
  const draft = async (orgId: string) => {
    const manager = await platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId });
    const created = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, {
      token: manager,
      body: opportunityBody([{ start: hoursFromNow(30), end: hoursFromNow(32), capacity: 4 }], { category: 'education', city: 'tabuk' }),
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; shifts: { id: string; start: string; end: string }[] };
  };

  it('lets ministry reviewers and admins read a draft opportunity, but not publish it', async () => {
    const orgId = await seedOrganization('active');
    const opportunity = await draft(orgId);
    for (const token of [reviewer, admin]) {
      expect((await platform.request('GET', `/v1/opportunities/${opportunity.id}`, { token })).status).toBe(200);
      expect((await platform.request('POST', `/v1/opportunities/${opportunity.id}/publish`, { token })).status).toBe(403);
    }
  });

  it("lets ministry reviewers and admins read any application and an organisation's queue, but not decide", async () => {
    const orgId = await seedOrganization('active');
    const opportunity = await draft(orgId);
    const shift = opportunity.shifts[0]!;
    const at = new Date().toISOString();
    const application: ApplicationRecord = {
      id: ulid(),
      volunteerId: `volunteer-${ulid()}`,
      opportunityId: opportunity.id,
      orgId,
      shiftId: shift.id,
      shiftStart: shift.start,
      shiftEnd: shift.end,
      requiresApproval: true,
      status: 'submitted',
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await applicationRepository().create(application, { version: 1, status: 'submitted', at, by: application.volunteerId });
    for (const token of [reviewer, admin]) {
      const read = await platform.request('GET', `/v1/applications/${application.id}`, { token });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: application.id, orgId });
      expect((await platform.request('GET', `/v1/organizations/${orgId}/applications?status=submitted`, { token })).body.items).toHaveLength(1);
      expect((await platform.request('POST', `/v1/applications/${application.id}/decision`, { token, body: { decision: 'approve' } })).status).toBe(403);
    }
  });
});
