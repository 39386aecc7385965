/**
 * What a volunteer reads about their application after a change (issue 11): an approval no
 * longer says it waits for a decision and keeps the manager's words in the history; withdrawing
 * a pending application does not speak of a seat, withdrawing a seat carries the calendar
 * cancellation; the withdraw answer never names another volunteer's application.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localWorkflowRunner } from '../../infra/local/workflows.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');
let review: typeof import('../../shared/domain/applications/review.js');
let mail: typeof import('../integration/notifications-support.js');

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  process.env.LOCAL_CRON = 'off';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
  review = await import('../../shared/domain/applications/review.js');
  mail = await import('../integration/notifications-support.js');
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

const volunteerToken = (sub: string) => platform.token({ sub, groups: ['volunteer'] });
const managerToken = (orgId: string) => platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId });
const english = { preferences: { email: true, sms: false, locale: 'en' as const } };

/** An active organisation (named in the emails), through the shared builder. */
const seedOrganization = async () => (await import('../helpers/builders.js')).seedOrganization({ names: { ar: 'جمعية إطعام', en: 'Itaam Association' } });

const opportunity = async (capacity = 5) => {
  return support.seedOpportunity({ orgId: await seedOrganization(), shifts: [{ start: support.hoursFromNow(72), end: support.hoursFromNow(76), capacity }] });
};

const withdrawalEmail = async (sub: string) => {
  await platform.flushEvents();
  return (await mail.emailsTo(`${sub}@example.sa`)).find((email) => email.subject.startsWith('Your application is withdrawn'));
};

/** Applies, lets the review wait for the managers, approves with `body` and waits for the seat. */
const approvedByManager = async (body: Record<string, unknown>) => {
  const seeded = await opportunity();
  const sub = await support.seedVolunteer();
  const applied = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, { token: await volunteerToken(sub), body: { shiftId: seeded.shifts[0]!.id } });
  const id = applied.body.id as string;
  const [execution] = localWorkflowRunner().list().filter((e) => e.name === `app-${id}`);
  await localWorkflowRunner().waitingAt(execution!.executionId, 'AwaitDecision');
  await platform.request('POST', `/v1/applications/${id}/decision`, { token: await managerToken(seeded.opportunity.orgId), body });
  await localWorkflowRunner().settled(execution!.executionId);
  return platform.request('GET', `/v1/applications/${id}`, { token: await volunteerToken(sub) });
};

describe('an approved application', () => {
  it('no longer says it waits for a decision', async () => {
    const response = await approvedByManager({ decision: 'approve' });

    expect(response.body.status).toBe('approved');
    expect(response.body.reason).toBeUndefined();
  });

  it('keeps the manager’s reason in its history', async () => {
    const response = await approvedByManager({ decision: 'approve', reason: 'your first-aid course fits' });

    expect(response.body).toMatchObject({ status: 'approved', reason: 'your first-aid course fits' });
    expect(response.body.history.at(-1)).toMatchObject({ status: 'approved', reason: 'your first-aid course fits' });
  });
});

describe('POST /v1/applications/{id}/withdraw', () => {
  it('answers without naming the application promoted to the freed seat', async () => {
    const seeded = await opportunity(1);
    const [holder, waiting] = [await support.seedVolunteer(), await support.seedVolunteer()];
    const held = await support.seedApprovedDecision(holder, seeded);
    await review.reserveSeat(support.reviewDeps(), { applicationId: held.id });
    const queued = await support.seedApprovedDecision(waiting, seeded);
    await review.reserveSeat(support.reviewDeps(), { applicationId: queued.id });

    const response = await platform.request('POST', `/v1/applications/${held.id}/withdraw`, { token: await volunteerToken(holder) });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: held.id, status: 'withdrawn' });
    expect(JSON.stringify(response.body)).not.toContain(queued.id);
    expect((await support.reviewDeps().repo.get(queued.id))?.status).toBe('approved');
  });

  it('tells a volunteer who withdrew a pending application nothing about a seat, and attaches no invite', async () => {
    const seeded = await opportunity();
    const sub = await support.seedVolunteer(undefined, english);
    const pending = await support.seedApplication(sub, seeded);
    await support.reviewDeps().repo.transition(pending, { to: 'pending', at: new Date().toISOString(), by: 'system', reason: 'waiting' });

    await platform.request('POST', `/v1/applications/${pending.id}/withdraw`, { token: await volunteerToken(sub) });
    const email = await withdrawalEmail(sub);

    expect(email?.body.text).toContain('we withdrew your application');
    expect(email?.body.text).not.toMatch(/seat/i);
    expect(email?.attachments).toEqual([]);
  });

  it('sends a volunteer who withdrew an approved seat the calendar cancellation of its shift', async () => {
    const seeded = await opportunity();
    const sub = await support.seedVolunteer(undefined, english);
    const held = await support.seedApprovedDecision(sub, seeded);
    await review.reserveSeat(support.reviewDeps(), { applicationId: held.id });

    await platform.request('POST', `/v1/applications/${held.id}/withdraw`, { token: await volunteerToken(sub) });
    const email = await withdrawalEmail(sub);
    const invite = Buffer.from(email?.attachments[0]?.content ?? '', 'base64').toString('utf8');

    expect(email?.body.text).toMatch(/seat is now free/);
    expect(invite).toContain('METHOD:CANCEL');
    expect(invite).toContain(`UID:shift-${seeded.shifts[0]!.id}@tatawwu.sa`);
  });
});
