/**
 * Every application route through the local gateway (JWT, handler stack, DynamoDB Local, the
 * local workflow runner): authorisation (401/403/404), bad input naming the field with nothing
 * written, the rules refused at once, idempotent applying, one decision, withdrawal.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localWorkflowRunner } from '../../infra/local/workflows.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');

beforeAll(async () => {
  // 72 h → 4.3 min: these tests never reach the decision timeout.
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

const volunteerToken = (sub: string) => platform.token({ sub, groups: ['volunteer'] });
const managerToken = (orgId: string, sub = `manager-${orgId}`) => platform.token({ sub, groups: ['org-manager'], orgId });

const applicationsOf = async (sub: string) => (await support.allItems()).filter((i) => i.entity === 'Application' && i.volunteerId === sub);

/** Every item about one application: its partition, its marker, WAIT and booking items. */
const itemsAbout = async (id: string) => (await support.allItems()).filter((i) => i.PK === `APP#${id}` || i.applicationId === id);

const executionsOf = (applicationId: string) => localWorkflowRunner().list().filter((e) => e.name === `app-${applicationId}`);

const apply = async (sub: string, opportunityId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  platform.request('POST', `/v1/opportunities/${opportunityId}/applications`, { token: await volunteerToken(sub), body, headers });

/** A volunteer with an application waiting for the managers' decision. */
const pendingApplication = async (options: Parameters<typeof support.seedOpportunity>[0] = {}) => {
  const seeded = await support.seedOpportunity(options);
  const sub = await support.seedVolunteer();
  const response = await apply(sub, seeded.opportunity.id, { shiftId: seeded.shifts[0]!.id });
  expect(response.status).toBe(202);
  const id = response.body.id as string;
  const [execution] = executionsOf(id);
  await localWorkflowRunner().waitingAt(execution!.executionId, 'AwaitDecision');
  return { seeded, sub, id, executionId: execution!.executionId };
};

describe('POST /v1/opportunities/{id}/applications', () => {
  it('answers 202 submitted and starts one review execution named after the application', async () => {
    const seeded = await support.seedOpportunity();
    const sub = await support.seedVolunteer();

    const response = await apply(sub, seeded.opportunity.id, { shiftId: seeded.shifts[0]!.id, motivation: 'I am a nurse' });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'submitted' });
    expect(executionsOf(response.body.id)).toHaveLength(1);
  });

  it('replays the same Idempotency-Key as the same application with one workflow execution', async () => {
    const seeded = await support.seedOpportunity();
    const sub = await support.seedVolunteer();
    const headers = { 'idempotency-key': ulid() };
    const body = { shiftId: seeded.shifts[0]!.id };

    const first = await apply(sub, seeded.opportunity.id, body, headers);
    const second = await apply(sub, seeded.opportunity.id, body, headers);

    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(await applicationsOf(sub)).toHaveLength(1);
    expect(executionsOf(first.body.id)).toHaveLength(1);
  });

  it('answers 409 naming shiftId to a second application for the same shift, and writes nothing', async () => {
    const seeded = await support.seedOpportunity();
    const sub = await support.seedVolunteer();
    await apply(sub, seeded.opportunity.id, { shiftId: seeded.shifts[0]!.id });

    const second = await apply(sub, seeded.opportunity.id, { shiftId: seeded.shifts[0]!.id, motivation: 'again' });

    expect(second.status).toBe(409);
    expect(second.body.errors).toEqual([{ path: 'shiftId', message: 'already applied to this shift' }]);
    expect(await applicationsOf(sub)).toHaveLength(1);
  });

  it('answers 401 without a token', async () => {
    const seeded = await support.seedOpportunity();
    const response = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, { body: { shiftId: seeded.shifts[0]!.id } });
    expect(response.status).toBe(401);
  });

  it('answers 403 to a caller who is not a volunteer', async () => {
    const seeded = await support.seedOpportunity();
    const response = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, {
      token: await managerToken(seeded.opportunity.orgId),
      body: { shiftId: seeded.shifts[0]!.id },
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ['an opportunity that does not exist', async () => ({ opportunityId: ulid(), shiftId: ulid() })],
    [
      'a draft',
      async () => {
        const seeded = await support.seedOpportunity({ status: 'draft' });
        return { opportunityId: seeded.opportunity.id, shiftId: seeded.shifts[0]!.id };
      },
    ],
  ])('answers 404 for %s and writes nothing', async (_, target) => {
    const sub = await support.seedVolunteer();
    const { opportunityId, shiftId } = await target();
    expect((await apply(sub, opportunityId, { shiftId })).status).toBe(404);
    expect(await applicationsOf(sub)).toEqual([]);
  });

  it('answers 400 naming path.id for a malformed opportunity id', async () => {
    const sub = await support.seedVolunteer();
    const response = await apply(sub, 'not-an-id', { shiftId: ulid() });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['path.id']);
  });

  it.each([
    ['shiftId', {}],
    ['shiftId', { shiftId: 'nope' }],
    ['motivation', { shiftId: ulid(), motivation: 'x'.repeat(2001) }],
    ['color', { shiftId: ulid(), color: 'red' }],
  ])('answers 422 naming %s for a bad body, and writes nothing', async (field, body) => {
    const seeded = await support.seedOpportunity();
    const sub = await support.seedVolunteer();
    const response = await apply(sub, seeded.opportunity.id, body);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
    expect(await applicationsOf(sub)).toEqual([]);
  });

  it.each([
    ['charter', { volunteer: { acceptedCharterVersion: '2020-1' } }],
    ['opportunity.status', { opportunity: { status: 'closed' as const } }],
    ['shift.start', { opportunity: { shifts: [{ start: support_hoursAgo(2), end: support_hoursAgo(-2), capacity: 5 }] } }],
  ] as const)('answers 422 naming the rule %s, and writes nothing', async (rule, setup) => {
    const seeded = await support.seedOpportunity('opportunity' in setup ? setup.opportunity : {});
    const sub = await support.seedVolunteer(undefined, 'volunteer' in setup ? setup.volunteer : {});
    const response = await apply(sub, seeded.opportunity.id, { shiftId: seeded.shifts[0]!.id });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([rule]);
    expect(await applicationsOf(sub)).toEqual([]);
  });

  it('answers 422 naming profile to a user without a volunteer profile', async () => {
    const seeded = await support.seedOpportunity();
    const sub = `nobody-${ulid()}`;
    const response = await apply(sub, seeded.opportunity.id, { shiftId: seeded.shifts[0]!.id });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: 'profile', message: expect.stringContaining('no volunteer profile') }]);
    expect(await applicationsOf(sub)).toEqual([]);
  });

  it('answers 422 naming shiftId for a shift of another opportunity', async () => {
    const [seeded, other] = await Promise.all([support.seedOpportunity(), support.seedOpportunity()]);
    const sub = await support.seedVolunteer();
    const response = await apply(sub, seeded.opportunity.id, { shiftId: other.shifts[0]!.id });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['shiftId']);
    expect(await applicationsOf(sub)).toEqual([]);
  });
});

/** `support` is loaded in beforeAll; it.each tables are built before, so compute times here. */
function support_hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

describe('GET /v1/applications/{id}', () => {
  it('shows its volunteer the status and every transition with time, actor and reason', async () => {
    const { id, sub } = await pendingApplication();
    const response = await platform.request('GET', `/v1/applications/${id}`, { token: await volunteerToken(sub) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, volunteerId: sub, status: 'pending' });
    expect(response.body.history).toEqual([
      { version: 1, status: 'submitted', at: expect.any(String), by: sub, reason: 'applied' },
      { version: 2, status: 'pending', from: 'submitted', at: expect.any(String), by: 'system', reason: expect.any(String) },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/taskToken|token/i);
  });

  it("shows it to the organisation's managers", async () => {
    const { id, seeded } = await pendingApplication();
    const response = await platform.request('GET', `/v1/applications/${id}`, { token: await managerToken(seeded.opportunity.orgId) });
    expect(response.status).toBe(200);
  });

  it.each([
    ['another volunteer', () => volunteerToken(`other-${ulid()}`)],
    ["another organisation's manager", () => managerToken(ulid())],
  ])('answers 404 to %s', async (_, token) => {
    const { id } = await pendingApplication();
    expect((await platform.request('GET', `/v1/applications/${id}`, { token: await token() })).status).toBe(404);
  });

  it('answers 401 without a token and 400 for a malformed id', async () => {
    expect((await platform.request('GET', `/v1/applications/${ulid()}`)).status).toBe(401);
    const bad = await platform.request('GET', '/v1/applications/x', { token: await volunteerToken('v') });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['path.id']);
  });
});

describe('GET /v1/volunteers/me/applications', () => {
  it("pages through the caller's own applications, newest first", async () => {
    const sub = await support.seedVolunteer();
    const seeded = await support.seedOpportunity({
      shifts: [1, 2, 3].map((d) => ({ start: support.hoursFromNow(24 * d), end: support.hoursFromNow(24 * d + 2), capacity: 5 })),
    });
    const ids: string[] = [];
    for (const shift of seeded.shifts) ids.push((await apply(sub, seeded.opportunity.id, { shiftId: shift.id })).body.id);
    const token = await volunteerToken(sub);

    const first = await platform.request('GET', '/v1/volunteers/me/applications?limit=2', { token });
    const second = await platform.request('GET', `/v1/volunteers/me/applications?limit=2&cursor=${first.body.nextCursor}`, { token });

    expect(first.status).toBe(200);
    expect([...first.body.items, ...second.body.items].map((a: { id: string }) => a.id)).toEqual([...ids].reverse());
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('answers 403 to a manager and 400 naming the field for a bad limit or a foreign cursor', async () => {
    expect((await platform.request('GET', '/v1/volunteers/me/applications', { token: await managerToken(ulid()) })).status).toBe(403);
    const token = await volunteerToken(`v-${ulid()}`);
    const limit = await platform.request('GET', '/v1/volunteers/me/applications?limit=500', { token });
    expect(limit.status).toBe(400);
    expect(limit.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.limit']);
    const foreign = Buffer.from(JSON.stringify({ p: 'VOL#someone-else#APPS', s: `2026-01-01T00:00:00.000Z#${ulid()}` })).toString('base64url');
    const cursor = await platform.request('GET', `/v1/volunteers/me/applications?cursor=${foreign}`, { token });
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.cursor']);
  });
});

describe('GET /v1/organizations/{orgId}/applications', () => {
  it("lists the organisation's pending applications for its managers", async () => {
    const { id, seeded } = await pendingApplication();
    const response = await platform.request('GET', `/v1/organizations/${seeded.opportunity.orgId}/applications?status=pending`, {
      token: await managerToken(seeded.opportunity.orgId),
    });
    expect(response.status).toBe(200);
    expect(response.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it("answers 403 to another organisation's manager and to a volunteer, 400 naming query.status for an unknown status", async () => {
    const orgId = ulid();
    expect((await platform.request('GET', `/v1/organizations/${orgId}/applications`, { token: await managerToken(ulid()) })).status).toBe(403);
    expect((await platform.request('GET', `/v1/organizations/${orgId}/applications`, { token: await volunteerToken('v') })).status).toBe(403);
    const bad = await platform.request('GET', `/v1/organizations/${orgId}/applications?status=lost`, { token: await managerToken(orgId) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.status']);
  });
});

describe('POST /v1/applications/{id}/decision', () => {
  it('answers 409 to a decision on an already decided application and leaves it unchanged', async () => {
    const { id, seeded, executionId } = await pendingApplication();
    const token = await managerToken(seeded.opportunity.orgId);
    const first = await platform.request('POST', `/v1/applications/${id}/decision`, { token, body: { decision: 'approve' } });
    expect(first.status).toBe(200);
    await localWorkflowRunner().settled(executionId);
    const before = await itemsAbout(id);

    const second = await platform.request('POST', `/v1/applications/${id}/decision`, { token, body: { decision: 'reject', reason: 'changed my mind' } });

    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/application-already-decided$/);
    expect(await itemsAbout(id)).toEqual(before);
  });

  it('answers 422 naming reason for a rejection without one, and changes nothing', async () => {
    const { id, seeded } = await pendingApplication();
    const before = await itemsAbout(id);
    const response = await platform.request('POST', `/v1/applications/${id}/decision`, {
      token: await managerToken(seeded.opportunity.orgId),
      body: { decision: 'reject' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    expect(await itemsAbout(id)).toEqual(before);
  });

  it('answers 403 self-decision to a manager of the organisation deciding their own application, and changes nothing', async () => {
    const { id, sub, seeded } = await pendingApplication();
    const before = await itemsAbout(id);
    const ownToken = await platform.token({ sub, groups: ['volunteer', 'org-manager'], orgId: seeded.opportunity.orgId });

    const response = await platform.request('POST', `/v1/applications/${id}/decision`, { token: ownToken, body: { decision: 'approve' } });

    expect(response.status).toBe(403);
    expect(response.body.type).toMatch(/\/self-decision$/);
    expect(await itemsAbout(id)).toEqual(before);
  });

  it("answers 404 to another organisation's manager, 403 to a volunteer, 401 without a token", async () => {
    const { id, sub } = await pendingApplication();
    const body = { decision: 'approve' };
    expect((await platform.request('POST', `/v1/applications/${id}/decision`, { token: await managerToken(ulid()), body })).status).toBe(404);
    expect((await platform.request('POST', `/v1/applications/${id}/decision`, { token: await volunteerToken(sub), body })).status).toBe(403);
    expect((await platform.request('POST', `/v1/applications/${id}/decision`, { body })).status).toBe(401);
  });
});

describe('POST /v1/applications/{id}/withdraw', () => {
  it('withdraws a pending application, ends its review and lets the volunteer apply again', async () => {
    const { id, sub, seeded, executionId } = await pendingApplication();

    const response = await platform.request('POST', `/v1/applications/${id}/withdraw`, { token: await volunteerToken(sub) });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id, status: 'withdrawn' });
    const done = await localWorkflowRunner().settled(executionId);
    expect(done.status).toBe('SUCCEEDED');
    expect((await apply(sub, seeded.opportunity.id, { shiftId: seeded.shifts[0]!.id })).status).toBe(202);
  });

  it('answers 404 to another volunteer, 403 to a manager, 401 without a token', async () => {
    const { id, seeded } = await pendingApplication();
    expect((await platform.request('POST', `/v1/applications/${id}/withdraw`, { token: await volunteerToken(`x-${ulid()}`) })).status).toBe(404);
    expect((await platform.request('POST', `/v1/applications/${id}/withdraw`, { token: await managerToken(seeded.opportunity.orgId) })).status).toBe(403);
    expect((await platform.request('POST', `/v1/applications/${id}/withdraw`)).status).toBe(401);
  });
});
