/**
 * The audit trail of access to personal data through the gateway: a manager's and the
 * ministry's reads of a volunteer's records leave entries (who, whose, what, when, the route),
 * the volunteer's own reads do not, their export does; ministry-admins query it by subject,
 * actor and time; the entries never hold the data itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');
let admin: string;

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
  admin = await platform.token({ sub: 'ministry-admin-1', groups: ['ministry-admin'] });
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

/** A volunteer with a submitted application, and a manager of that organisation. */
const applicant = async () => {
  const seeded = await support.seedOpportunity();
  const sub = await support.seedVolunteer();
  const application = await support.seedApplication(sub, seeded);
  const managerSub = `manager-${seeded.opportunity.orgId}`;
  return {
    sub,
    application,
    orgId: seeded.opportunity.orgId,
    managerSub,
    manager: await platform.token({ sub: managerSub, groups: ['org-manager'], orgId: seeded.opportunity.orgId }),
    volunteer: await platform.token({ sub, groups: ['volunteer'] }),
  };
};

const trail = async (query: string, token = admin) => platform.request('GET', `/v1/audit?${query}`, { token });

describe('the audit trail', () => {
  it('records a manager reading a volunteer’s application: who, whose, what, when and the route', async () => {
    const a = await applicant();

    expect((await platform.request('GET', `/v1/applications/${a.application.id}`, { token: a.manager })).status).toBe(200);

    const { status, body } = await trail(`subject=${a.sub}`);
    expect(status).toBe(200);
    expect(body.items).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        actor: a.managerSub,
        actorGroups: ['org-manager'],
        actorOrgId: a.orgId,
        subject: a.sub,
        what: 'application',
        route: 'GetApplication GET /v1/applications/{id}',
        recordId: a.application.id,
      },
    ]);
  });

  it('records each applicant of a review queue page the managers read', async () => {
    const a = await applicant();
    await platform.request('GET', `/v1/organizations/${a.orgId}/applications?status=submitted`, { token: a.manager });

    const { body } = await trail(`subject=${a.sub}`);

    expect(body.items.map((e: { what: string; actor: string }) => [e.what, e.actor])).toEqual([['applications', a.managerSub]]);
  });

  it('records a manager reading the contact data of approved volunteers (the approved queue)', async () => {
    const seeded = await support.seedOpportunity({ requiresApproval: false });
    const sub = await support.seedVolunteer();
    const volunteer = await platform.token({ sub, groups: ['volunteer'] });
    const applied = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, { token: volunteer, body: { shiftId: seeded.shifts[0]!.id } });
    for (let i = 0; i < 200 && (await platform.request('GET', `/v1/applications/${applied.body.id}`, { token: volunteer })).body.status !== 'approved'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const managerSub = `manager-${seeded.opportunity.orgId}`;
    const manager = await platform.token({ sub: managerSub, groups: ['org-manager'], orgId: seeded.opportunity.orgId });

    await platform.request('GET', `/v1/organizations/${seeded.opportunity.orgId}/applications?status=approved`, { token: manager });

    const { body } = await trail(`subject=${sub}`);
    expect(body.items.map((e: { what: string; actor: string }) => [e.what, e.actor])).toEqual([['contact', managerSub]]);
  });

  it('records nothing when volunteers read their own records, and their export', async () => {
    const a = await applicant();
    expect((await platform.request('GET', `/v1/applications/${a.application.id}`, { token: a.volunteer })).status).toBe(200);
    expect((await platform.request('GET', '/v1/volunteers/me/export', { token: a.volunteer })).status).toBe(200);

    const { body } = await trail(`subject=${a.sub}`);

    expect(body.items.map((e: { what: string; actor: string }) => [e.what, e.actor])).toEqual([['export', a.sub]]);
  });

  it('finds an actor’s accesses, and never holds the data read', async () => {
    const a = await applicant();
    await platform.request('GET', `/v1/applications/${a.application.id}`, { token: a.manager });

    const { body } = await trail(`actor=${a.managerSub}`);

    expect(body.items.map((e: { subject: string }) => e.subject)).toEqual([a.sub]);
    const text = JSON.stringify(body);
    for (const data of [`${a.sub}@example.sa`, 'Sarah', 'سارة', '+966501234567']) expect(text).not.toContain(data);
  });

  it('lists a time range across subjects, newest first, page by page', async () => {
    const from = new Date().toISOString();
    const first = await applicant();
    const second = await applicant();
    await platform.request('GET', `/v1/applications/${first.application.id}`, { token: first.manager });
    await platform.request('GET', `/v1/applications/${second.application.id}`, { token: second.manager });

    const page1 = await trail(`from=${encodeURIComponent(from)}&limit=1`);
    const page2 = await trail(`from=${encodeURIComponent(from)}&limit=1&cursor=${page1.body.nextCursor}`);

    expect([page1.body.items[0].subject, page2.body.items[0].subject]).toEqual([second.sub, first.sub]);
  });

  it('is for ministry-admins only (403)', async () => {
    const a = await applicant();

    expect((await trail(`subject=${a.sub}`, a.manager)).status).toBe(403);
  });

  it('refuses a range that ends before it starts (400 naming query.from)', async () => {
    const response = await trail('from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z');

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.from']);
  });

  it('refuses an unknown parameter (400 naming it)', async () => {
    const response = await trail('who=me');

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.who']);
  });
});
