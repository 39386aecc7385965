/**
 * The deployed OrganizationOnboarding definition (functions/workflows/index.ts), run by the
 * local runner behind the real gateway and handlers: registration starts it, the decision
 * route resumes it, its tasks write DynamoDB Local and send through the SES emulator.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalWorkflowRunner, localWorkflowRunner, type LocalExecution, type LocalWorkflowRunner } from '../../infra/local/workflows.js';
import { documentClient } from '../../shared/db/client.js';
import { organization } from '../../shared/db/entities/organization.js';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import { OrganizationApprovedDetail, OrganizationRejectedDetail, type OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { workflowClient } from '../../shared/workflows/client.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

/** 7 days → 60 s: the decision tests never reach a timeout. */
const DECISION_SCALE = 1e-4;
/** 7 days → 0.3 s: the timeout path (two waits) runs in under a second. */
const TIMEOUT_SCALE = 5e-7;

const REVIEWERS = `reviewers-${ulid().toLowerCase()}@moh.example`;
let platform: TestPlatform;
let licence = 3_000_000_000 + Math.floor(Math.random() * 900_000_000);

interface StoredEmail {
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

/**
 * What the SES emulator received for `address` (and mentioning `about`, when given). The
 * wording belongs to the notification templates, so these tests look at recipients, counts
 * and the facts a message must carry (licence number, reason), not at sentences.
 */
const emailsTo = async (address: string, about?: string): Promise<StoredEmail[]> => {
  // Messages are queued, then sent by the DeliverNotifications consumer: deliver what was queued first.
  await platform.flushEvents();
  const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: StoredEmail[] };
  return store.emails.filter(
    (e) => e.destination.to.includes(address) && (about === undefined || `${e.subject}\n${e.body.text ?? ''}\n${e.body.html ?? ''}`.includes(about)),
  );
};

const registration = () => {
  const name = `Society ${ulid()}`;
  return {
    nameAr: 'جمعية البر الخيرية',
    nameEn: name,
    licenseNumber: String(licence++),
    city: 'riyadh' as const,
    contactEmail: `contact-${ulid().toLowerCase()}@example.sa`,
    phone: '+966112345678',
    causes: ['social-welfare' as const],
  };
};

const tokens = async () => ({
  registrant: await platform.token({ sub: `founder-${ulid()}`, groups: [], email: 'founder@example.sa' }),
  reviewer: await platform.token({ sub: 'reviewer-7', groups: ['ministry-reviewer'] }),
});

const executionOf = (runner: LocalWorkflowRunner, orgId: string) => {
  const found = runner.list().filter((e) => e.name === `org-${orgId}`);
  expect(found).toHaveLength(1);
  return found[0]!.executionId;
};

const statesEntered = (execution: LocalExecution) => execution.history.filter((h) => h.type === 'StateEntered').map((h) => h.state);

const register = async (registrant: string, body = registration(), headers: Record<string, string> = {}) => {
  const response = await platform.request('POST', '/v1/organizations', { token: registrant, body, headers });
  expect(response.status).toBe(202);
  return { id: response.body.id as string, body };
};

/** Registers and waits until the workflow waits for the decision. */
const pendingDecision = async (runner = localWorkflowRunner()) => {
  const { registrant, reviewer } = await tokens();
  const { id, body } = await register(registrant);
  const executionId = executionOf(runner, id);
  await runner.waitingAt(executionId, 'AwaitDecision');
  return { id, body, executionId, reviewer, registrant };
};

const decide = (orgId: string, token: string, decision: Record<string, unknown>) =>
  platform.request('POST', `/v1/organizations/${orgId}/decision`, { token, body: decision });

const view = async (orgId: string, token: string) => (await platform.request('GET', `/v1/organizations/${orgId}`, { token })).body;

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = String(DECISION_SCALE);
  process.env.MINISTRY_REVIEWERS_EMAIL = REVIEWERS;
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

describe('OrganizationOnboarding: decisions', () => {
  it('registers pending, emails the reviewers and keeps the task token server-side only', async () => {
    const { id, body, reviewer } = await pendingDecision();
    const stored = await documentClient().send(new GetCommand({ TableName: platform.tableName, Key: organization.keys.item(id) }));
    const token = String(stored.Item?.taskToken);
    expect(token.length).toBeGreaterThan(20);
    const sent = await emailsTo(REVIEWERS, body.licenseNumber);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent)).not.toContain(token);
    expect(JSON.stringify(await view(id, reviewer))).not.toContain(token);
  });

  it('approves: active, department established, history kept, contact emailed, event published', async () => {
    const { id, body, executionId, reviewer } = await pendingDecision();
    const response = await decide(id, reviewer, { decision: 'approve' });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id, decision: 'approve', status: 'pending' });

    const done = await localWorkflowRunner().settled(executionId);
    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done)).toEqual(['Validate', 'NotifyReviewers', 'AwaitDecision', 'Approve']);
    const org = await view(id, reviewer);
    expect(org).toMatchObject({
      status: 'active',
      decision: { decision: 'approve', by: 'reviewer-7' },
      department: { orgId: id, approvedBy: 'reviewer-7' },
      history: [
        { status: 'pending', reason: 'registered' },
        { status: 'active', from: 'pending', by: 'reviewer-7' },
      ],
    });
    expect(await emailsTo(body.contactEmail)).toHaveLength(1);
    await platform.flushEvents();
    const approved = localBus.published.filter((e) => e.type === 'OrganizationApproved' && e.detail.orgId === id);
    expect(approved).toHaveLength(1);
    expect(OrganizationApprovedDetail.safeParse(approved[0]?.detail).success).toBe(true);
  });

  it('refuses a second decision with 409 and changes nothing', async () => {
    const { id, executionId, reviewer } = await pendingDecision();
    expect((await decide(id, reviewer, { decision: 'approve' })).status).toBe(202);
    await localWorkflowRunner().settled(executionId);
    const before = await view(id, reviewer);

    const second = await decide(id, reviewer, { decision: 'reject', reason: 'second thoughts' });

    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/decision-already-made$/);
    expect(await view(id, reviewer)).toEqual(before);
  });

  it('rejects with the reason, tells the contact and frees the licence number', async () => {
    const { id, body, executionId, reviewer, registrant } = await pendingDecision();
    expect((await decide(id, reviewer, { decision: 'reject', reason: 'the licence has lapsed' })).status).toBe(202);

    const done = await localWorkflowRunner().settled(executionId);
    expect(statesEntered(done)).toEqual(['Validate', 'NotifyReviewers', 'AwaitDecision', 'Reject']);
    const org = await view(id, reviewer);
    expect(org.status).toBe('rejected');
    expect(org.history.at(-1)).toMatchObject({ status: 'rejected', from: 'pending', by: 'reviewer-7', reason: 'the licence has lapsed' });
    expect(await emailsTo(body.contactEmail, 'the licence has lapsed')).toHaveLength(1);
    await platform.flushEvents();
    const rejected = localBus.published.filter((e) => e.type === 'OrganizationRejected' && e.detail.orgId === id);
    expect(rejected.map((e) => OrganizationRejectedDetail.parse(e.detail).reason)).toEqual(['the licence has lapsed']);
    // The public never sees a rejected organisation.
    expect((await platform.request('GET', `/v1/organizations/${id}`)).status).toBe(404);
    // The licence is free again: a corrected application may be filed.
    expect((await platform.request('POST', '/v1/organizations', { token: registrant, body: { ...body, nameEn: `${body.nameEn} (2)` } })).status).toBe(202);
  });

  it('rejects through the Catch when validation fails, with the system as the actor', async () => {
    const repo = organizationRepository();
    const at = new Date().toISOString();
    const holder = registration();
    await repo.create({ ...holder, id: ulid(), status: 'pending', registeredBy: { sub: 'x' }, createdAt: at, updatedAt: at }, { status: 'pending', at, by: 'x' });
    // An organisation item whose licence marker names another organisation (as if written around
    // the registration transaction): the workflow's own re-check must refuse it.
    const org: OrganizationRecord = { ...registration(), licenseNumber: holder.licenseNumber, id: ulid(), status: 'pending', registeredBy: { sub: 'x' }, createdAt: at, updatedAt: at };
    await documentClient().send(new PutCommand({ TableName: platform.tableName, Item: { ...organization.keys.item(org.id), entity: 'Organization', ...org } }));

    const { executionId } = await workflowClient().start('OrganizationOnboarding', { orgId: org.id }, { executionName: `org-${org.id}` });
    const done = await localWorkflowRunner().settled(executionId);

    expect(statesEntered(done)).toEqual(['Validate', 'Reject']);
    expect(done.status).toBe('SUCCEEDED');
    expect((await repo.get(org.id))?.status).toBe('rejected');
    expect((await repo.history(org.id)).at(-1)).toMatchObject({
      status: 'rejected',
      by: 'system',
      reason: `licence number ${org.licenseNumber} is registered to another organisation`,
    });
    expect(await repo.licenseHolder(org.licenseNumber)).not.toBe(org.id);
  });

  it('starts one execution for a replayed registration (Idempotency-Key or plain retry)', async () => {
    const { registrant } = await tokens();
    const body = registration();
    const key = { 'idempotency-key': ulid() };
    const first = await register(registrant, body, key);
    const replay = await register(registrant, body, key);
    const retry = await register(registrant, body);
    expect([replay.id, retry.id]).toEqual([first.id, first.id]);
    executionOf(localWorkflowRunner(), first.id);
  });
});

describe('OrganizationOnboarding: no decision', () => {
  let runner: LocalWorkflowRunner;
  beforeAll(() => {
    // A runner of its own with week-long waits shortened to 0.3 s; it replaces the platform's.
    runner = createLocalWorkflowRunner({ timeScale: TIMEOUT_SCALE });
  });
  afterAll(async () => runner?.stop());

  it('reminds the reviewers after the first wait, expires after the second and tells the contact', async () => {
    const { registrant, reviewer } = await tokens();
    const { id, body } = await register(registrant);

    const done = await runner.settled(executionOf(runner, id));

    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done)).toEqual(['Validate', 'NotifyReviewers', 'AwaitDecision', 'RemindReviewers', 'AwaitDecisionAgain', 'Expire']);
    const toReviewers = await emailsTo(REVIEWERS, body.licenseNumber);
    expect(toReviewers).toHaveLength(2);
    expect(toReviewers[1]?.subject).not.toBe(toReviewers[0]?.subject);
    expect(await emailsTo(body.contactEmail)).toHaveLength(1);
    const org = await view(id, reviewer);
    expect(org.status).toBe('expired');
    expect(org.history.at(-1)).toMatchObject({ status: 'expired', from: 'pending', by: 'system' });
    const late = await decide(id, reviewer, { decision: 'approve' });
    expect(late.status).toBe(409);
    expect((await view(id, reviewer)).status).toBe('expired');
  });
});
