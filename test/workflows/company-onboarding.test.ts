/**
 * CompanyOnboarding: the one onboarding definition (functions/workflows/onboarding.ts) run for
 * companies by the local runner behind the real gateway and handlers: registration starts it,
 * the decision route resumes it, its tasks write DynamoDB Local and send through the SES emulator.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyOnboarding } from '../../functions/workflows/company-onboarding/definition.js';
import { organizationOnboarding } from '../../functions/workflows/organization-onboarding/definition.js';
import { createLocalWorkflowRunner, localWorkflowRunner, type LocalExecution, type LocalWorkflowRunner } from '../../infra/local/workflows.js';
import { documentClient } from '../../shared/db/client.js';
import { companyRepository } from '../../shared/db/company-repository.js';
import { company } from '../../shared/db/entities/company.js';
import { CompanyApprovedDetail, type CompanyRecord } from '../../shared/domain/companies/schema.js';
import { localUserDirectory } from '../../shared/identity/user-directory.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { workflowClient } from '../../shared/workflows/client.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

const REVIEWERS = `reviewers-${ulid().toLowerCase()}@mhrsd.example`;
let platform: TestPlatform;
let cr = 4_030_000_000 + Math.floor(Math.random() * 900_000_000);

interface StoredEmail {
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

const emailsTo = async (address: string, about?: string): Promise<StoredEmail[]> => {
  // Messages are queued, then sent by the DeliverNotifications consumer: deliver what was queued first.
  await platform.flushEvents();
  const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: StoredEmail[] };
  return store.emails.filter(
    (e) => e.destination.to.includes(address) && (about === undefined || `${e.subject}\n${e.body.text ?? ''}\n${e.body.html ?? ''}`.includes(about)),
  );
};

const registration = () => ({
  nameAr: 'شركة الأفق للتقنية',
  nameEn: `Horizon ${ulid()}`,
  crNumber: String(cr++),
  contactEmail: `csr-${ulid().toLowerCase()}@horizon.example.sa`,
  emailDomains: ['horizon.example.sa'],
});

const statesEntered = (execution: LocalExecution) => execution.history.filter((h) => h.type === 'StateEntered').map((h) => h.state);

const executionOf = (runner: LocalWorkflowRunner, companyId: string) => {
  const found = runner.list().filter((e) => e.name === `company-${companyId}`);
  expect(found).toHaveLength(1);
  return found[0]!.executionId;
};

const register = async (registrant: string, body = registration()) => {
  const response = await platform.request('POST', '/v1/companies', { token: registrant, body });
  expect(response.status).toBe(202);
  return { id: response.body.id as string, body };
};

const pendingDecision = async (runner = localWorkflowRunner()) => {
  const sub = `founder-${ulid()}`;
  const registrant = await platform.token({ sub, groups: [], email: 'founder@horizon.example.sa' });
  const reviewer = await platform.token({ sub: 'reviewer-7', groups: ['ministry-reviewer'] });
  const { id, body } = await register(registrant);
  const executionId = executionOf(runner, id);
  await runner.waitingAt(executionId, 'AwaitDecision');
  return { id, body, executionId, reviewer, registrant, sub };
};

const decide = (companyId: string, token: string, decision: Record<string, unknown>) =>
  platform.request('POST', `/v1/companies/${companyId}/decision`, { token, body: decision });
const view = async (companyId: string, token: string) => (await platform.request('GET', `/v1/companies/${companyId}`, { token })).body;

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-4';
  process.env.MINISTRY_REVIEWERS_EMAIL = REVIEWERS;
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

describe('CompanyOnboarding: the onboarding definition', () => {
  it('has the states and transitions of OrganizationOnboarding, with its own error names and handlers', () => {
    const shape = (asl: Record<string, unknown>) =>
      JSON.stringify(asl).replaceAll('Company', 'Kind').replaceAll('Organization', 'Kind').replaceAll('a registered company', 'X').replaceAll('a registered organisation', 'X');
    expect(shape(companyOnboarding.asl)).toEqual(shape(organizationOnboarding.asl));
    expect(Object.values(companyOnboarding.tasks).every((t) => t.entry.startsWith('functions/workflows/company-onboarding/'))).toBe(true);
    expect(companyOnboarding.tasks.Approve?.needs).toContain('cognito');
  });
});

describe('CompanyOnboarding: decisions', () => {
  it('registers pending, emails the reviewers and keeps the task token server-side only', async () => {
    const { id, body, reviewer } = await pendingDecision();
    expect(await emailsTo(REVIEWERS, body.crNumber)).toHaveLength(1);
    expect(JSON.stringify(await view(id, reviewer))).not.toContain('taskToken');
    expect((await view(id, reviewer)).status).toBe('pending');
  });

  it('approves: active, the registrant is the first company-admin, contact emailed, event published', async () => {
    const { id, body, executionId, reviewer, sub } = await pendingDecision();
    const response = await decide(id, reviewer, { decision: 'approve' });
    expect(response.status).toBe(202);

    const done = await localWorkflowRunner().settled(executionId);
    expect(statesEntered(done)).toEqual(['Validate', 'NotifyReviewers', 'AwaitDecision', 'Approve']);
    expect(await view(id, reviewer)).toMatchObject({
      status: 'active',
      history: [{ status: 'pending', reason: 'registered' }, { status: 'active', from: 'pending', by: 'reviewer-7' }],
    });
    expect(localUserDirectory.companyAdmins).toContainEqual({ sub, companyId: id });
    // A fresh token carries the grant, as Cognito's would (locally the issuer reads the admin record).
    const admin = await platform.token({ sub, groups: [] });
    expect((await platform.request('POST', `/v1/companies/${id}/admins`, { token: admin, body: { sub: `second-${ulid()}`, email: 'hr@horizon.example.sa' } })).status).toBe(201);
    expect((await platform.request('GET', `/v1/companies/${id}/admins`, { token: admin })).body.items).toContainEqual(expect.objectContaining({ sub, addedBy: 'reviewer-7' }));
    expect(await emailsTo(body.contactEmail)).toHaveLength(1);
    await platform.flushEvents();
    const approved = localBus.published.filter((e) => e.type === 'CompanyApproved' && e.detail.companyId === id);
    expect(approved.map((e) => CompanyApprovedDetail.parse(e.detail).firstAdmin)).toEqual([sub]);
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

  it('rejects with the reason, tells the contact, grants nothing and frees the CR number', async () => {
    const { id, body, executionId, reviewer, registrant, sub } = await pendingDecision();
    expect((await decide(id, reviewer, { decision: 'reject', reason: 'the registration has lapsed' })).status).toBe(202);

    const done = await localWorkflowRunner().settled(executionId);
    expect(statesEntered(done)).toEqual(['Validate', 'NotifyReviewers', 'AwaitDecision', 'Reject']);
    expect((await view(id, reviewer)).history.at(-1)).toMatchObject({ status: 'rejected', by: 'reviewer-7', reason: 'the registration has lapsed' });
    expect(await emailsTo(body.contactEmail, 'the registration has lapsed')).toHaveLength(1);
    expect(localUserDirectory.companyAdmins.filter((g) => g.sub === sub)).toEqual([]);
    expect((await platform.request('POST', '/v1/companies', { token: registrant, body: { ...body, nameEn: `${body.nameEn} (2)` } })).status).toBe(202);
  });

  it('rejects through the Catch when validation fails, with the system as the actor', async () => {
    const repo = companyRepository();
    const at = new Date().toISOString();
    const holder = registration();
    await repo.create({ ...holder, id: ulid(), status: 'pending', registeredBy: { sub: 'x' }, createdAt: at, updatedAt: at }, { status: 'pending', at, by: 'x' }, []);
    const stray: CompanyRecord = { ...registration(), crNumber: holder.crNumber, id: ulid(), status: 'pending', registeredBy: { sub: 'y' }, createdAt: at, updatedAt: at };
    await documentClient().send(new PutCommand({ TableName: platform.tableName, Item: { ...company.keys.item(stray.id), entity: 'Company', ...stray } }));

    const { executionId } = await workflowClient().start('CompanyOnboarding', { companyId: stray.id }, { executionName: `company-${stray.id}` });
    const done = await localWorkflowRunner().settled(executionId);

    expect(statesEntered(done)).toEqual(['Validate', 'Reject']);
    expect((await repo.history(stray.id)).at(-1)).toMatchObject({ status: 'rejected', by: 'system', reason: `commercial registration ${holder.crNumber} is registered to another company` });
    expect(await repo.crHolder(holder.crNumber)).not.toBe(stray.id);
  });

  it('starts one execution for a retried registration', async () => {
    const registrant = await platform.token({ sub: `founder-${ulid()}`, groups: [] });
    const body = registration();
    const first = await register(registrant, body);
    const retry = await register(registrant, body);
    expect(retry.id).toBe(first.id);
    executionOf(localWorkflowRunner(), first.id);
  });
});

describe('CompanyOnboarding: no decision', () => {
  let runner: LocalWorkflowRunner;
  beforeAll(() => {
    runner = createLocalWorkflowRunner({ timeScale: 5e-7 });
  });
  afterAll(async () => runner?.stop());

  it('reminds the reviewers after the first wait, expires after the second and frees the CR number', async () => {
    const sub = `founder-${ulid()}`;
    const registrant = await platform.token({ sub, groups: [] });
    const { id, body } = await register(registrant);

    const done = await runner.settled(executionOf(runner, id));

    expect(statesEntered(done)).toEqual(['Validate', 'NotifyReviewers', 'AwaitDecision', 'RemindReviewers', 'AwaitDecisionAgain', 'Expire']);
    expect(await emailsTo(REVIEWERS, body.crNumber)).toHaveLength(2);
    expect(await emailsTo(body.contactEmail)).toHaveLength(1);
    expect((await companyRepository().get(id))?.status).toBe('expired');
    expect(await companyRepository().crHolder(body.crNumber)).toBeUndefined();
  });
});
