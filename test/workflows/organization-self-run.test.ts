/**
 * Issue 11, "organisations can run themselves": the user who registers an organisation becomes
 * its first volunteer manager when the ministry approves it, with no ministry-admin involved.
 * The deployed OrganizationOnboarding definition runs on the local runner; the
 * AssignFirstManager consumer runs on the local bus; the identity provider is the local issuer
 * (Cognito's part: a fresh token carries the grant, as a refreshed Cognito token would).
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localWorkflowRunner } from '../../infra/local/workflows.js';
import { localUserDirectory } from '../../shared/identity/user-directory.js';
import { hoursFromNow, opportunityBody } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

/** 7 days → 60 s: the decision is taken long before the wait times out. */
const DECISION_SCALE = 1e-4;
const REVIEWERS = `reviewers-${ulid().toLowerCase()}@moh.example`;
let platform: TestPlatform;
let licence = 6_000_000_000 + Math.floor(Math.random() * 900_000_000);

const registration = () => ({
  nameAr: 'جمعية رعاية الأيتام',
  nameEn: `Orphan Care ${ulid()}`,
  licenseNumber: String(licence++),
  city: 'riyadh',
  contactEmail: `contact-${ulid().toLowerCase()}@example.sa`,
  phone: '+966112345678',
  causes: ['social-welfare'],
});

const opportunity = opportunityBody([{ start: hoursFromNow(48), end: hoursFromNow(52), capacity: 10 }], {
  titleAr: 'توزيع السلال الغذائية',
  titleEn: 'Food basket distribution',
  descriptionAr: 'نوزع السلال الغذائية على الأسر في حي النسيم.',
  descriptionEn: 'We hand out food baskets to families in Al Naseem.',
  category: 'social-welfare',
  city: 'riyadh',
});

/** Registers as `founder`, lets a reviewer approve and waits for the workflow and its events. */
const registeredAndApproved = async (founder: string) => {
  const registrant = await platform.token({ sub: founder, groups: [], email: `${founder}@example.sa` });
  const registered = await platform.request('POST', '/v1/organizations', { token: registrant, body: registration() });
  expect(registered.status).toBe(202);
  const orgId = registered.body.id as string;
  const runner = localWorkflowRunner();
  const executionId = runner.list().find((e) => e.name === `org-${orgId}`)!.executionId;
  await runner.waitingAt(executionId, 'AwaitDecision');
  const reviewer = await platform.token({ sub: 'reviewer-3', groups: ['ministry-reviewer'] });
  expect((await platform.request('POST', `/v1/organizations/${orgId}/decision`, { token: reviewer, body: { decision: 'approve' } })).status).toBe(202);
  expect((await runner.settled(executionId)).status).toBe('SUCCEEDED');
  await platform.flushEvents();
  return { orgId, registrant };
};

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = String(DECISION_SCALE);
  process.env.MINISTRY_REVIEWERS_EMAIL = REVIEWERS;
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

describe('the registrant of an approved organisation', () => {
  it('is its first manager: recorded, granted, and a fresh token posts its first opportunity', async () => {
    const founder = `founder-${ulid()}`;
    const { orgId, registrant } = await registeredAndApproved(founder);

    // The token from before the approval has no group: like a Cognito token before its refresh.
    const stale = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: registrant, body: opportunity });
    expect(stale.status).toBe(403);

    const fresh = await platform.token({ sub: founder, groups: [] });
    const created = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: fresh, body: opportunity });
    expect(created.status).toBe(201);
    const managers = await platform.request('GET', `/v1/organizations/${orgId}/managers`, { token: fresh });
    expect(managers.body.items).toEqual([expect.objectContaining({ orgId, sub: founder, email: `${founder}@example.sa`, addedBy: 'system' })]);
    expect(localUserDirectory.grants).toContainEqual({ sub: founder, orgId });
  });

  it('adds a second manager with their certification, without a ministry-admin', async () => {
    const founder = `founder-${ulid()}`;
    const { orgId } = await registeredAndApproved(founder);
    const fresh = await platform.token({ sub: founder, groups: [] });
    const colleague = { sub: `colleague-${ulid()}`, email: 'colleague@example.sa', certificationNumber: 'VM-2026-0101', certificationExpiresAt: '2030-01-31' };
    const added = await platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: fresh, body: colleague });
    expect(added.status).toBe(201);
    const colleagueToken = await platform.token({ sub: colleague.sub, groups: [] });
    expect((await platform.request('GET', `/v1/organizations/${orgId}/managers`, { token: colleagueToken })).status).toBe(200);
  });

  it('links the reviewers to the organisation in the review request', async () => {
    const registrant = await platform.token({ sub: `founder-${ulid()}`, groups: [] });
    const registered = await platform.request('POST', '/v1/organizations', { token: registrant, body: registration() });
    const orgId = registered.body.id as string;
    const runner = localWorkflowRunner();
    await runner.waitingAt(runner.list().find((e) => e.name === `org-${orgId}`)!.executionId, 'AwaitDecision');
    // Messages are queued, then sent by the DeliverNotifications consumer: deliver what was queued first.
    await platform.flushEvents();
    const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: { destination: { to: string[] }; body: { text?: string; html?: string } }[] };
    const request = store.emails.find((e) => e.destination.to.includes(REVIEWERS) && `${e.body.text}${e.body.html}`.includes(orgId));
    expect(request?.body.text).toContain(`${platform.apiUrl}/v1/organizations/${orgId}`);
  });
});
