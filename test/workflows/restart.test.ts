/**
 * Work that waits for a person survives a restart of `npm start` (issue 10 §2): the platform
 * runs as a child process on a data directory of its own, is stopped (SIGTERM) or killed
 * (SIGKILL) while an organisation and an application wait for their decisions, and started
 * again on the same directory; the decisions taken afterwards complete both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, eventually, mintToken, platformSettings, startPlatformProcess, type PlatformProcess } from '../helpers/platform-process.js';

interface Summary {
  readonly name: string;
  readonly status: string;
  readonly executionId: string;
  readonly waiting: { state: string; timesOutAt: string }[];
}

let dataDir: string;
let platform: PlatformProcess | undefined;
/** The same ports for every test: the test process's DynamoDB client keeps its endpoint. */
let ports: Awaited<ReturnType<typeof platformSettings>> | undefined;
const settingsFor = async (env: Record<string, string>) => {
  ports ??= await platformSettings(dataDir);
  return { ...ports, dataDir, env };
};

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tatawwu-restart-'));
});
afterEach(async () => {
  await platform?.stop('SIGTERM');
  platform = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const execution = async (name: string): Promise<Summary | undefined> => {
  const { body } = await call(platform!.apiUrl, 'GET', '/local/workflows');
  return (body.executions as Summary[]).find((e) => e.name === name);
};

const waitingAt = (name: string, state: string) =>
  eventually(`${name} waiting at ${state}`, async () => {
    const found = await execution(name);
    return found?.status === 'RUNNING' && found.waiting.some((w) => w.state === state) ? found : undefined;
  });

const history = async (executionId: string): Promise<{ type: string; state?: string; error?: string }[]> =>
  (await call(platform!.apiUrl, 'GET', `/local/workflows/${encodeURIComponent(executionId)}`)).body.history;

/** The test process reads and seeds the platform's DynamoDB Local, like the application tests do. */
const seeding = async () => {
  Object.assign(process.env, { TATAWWU_MODE: 'local', TABLE_NAME: 'tatawwu-local', DYNAMODB_ENDPOINT: platform!.dynamoEndpoint });
  return import('../integration/applications-support.js');
};

const registerOrganization = async () => {
  const token = await mintToken(platform!.apiUrl, { sub: `founder-${ulid()}`, groups: [], email: 'founder@example.sa' });
  const response = await call(platform!.apiUrl, 'POST', '/v1/organizations', {
    token,
    body: {
      nameAr: 'جمعية البر الخيرية',
      nameEn: `Society ${ulid()}`,
      licenseNumber: String(3_000_000_000 + Math.floor(Math.random() * 900_000_000)),
      city: 'riyadh',
      contactEmail: `contact-${ulid().toLowerCase()}@example.sa`,
      phone: '+966112345678',
      causes: ['social-welfare'],
    },
  });
  expect(response.status).toBe(202);
  return response.body.id as string;
};

const applyForAShift = async () => {
  const support = await seeding();
  const seeded = await support.seedOpportunity();
  const sub = await support.seedVolunteer();
  const token = await mintToken(platform!.apiUrl, { sub, groups: ['volunteer'] });
  const response = await call(platform!.apiUrl, 'POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, { token, body: { shiftId: seeded.shifts[0]!.id } });
  expect(response.status).toBe(202);
  return { id: response.body.id as string, orgId: seeded.opportunity.orgId, sub };
};

const decideBoth = async (orgId: string, application: { id: string; orgId: string }) => {
  const reviewer = await mintToken(platform!.apiUrl, { sub: 'reviewer-7', groups: ['ministry-reviewer'] });
  const manager = await mintToken(platform!.apiUrl, { sub: `manager-${application.orgId}`, groups: ['org-manager'], orgId: application.orgId });
  return {
    organization: await call(platform!.apiUrl, 'POST', `/v1/organizations/${orgId}/decision`, { token: reviewer, body: { decision: 'approve' } }),
    application: await call(platform!.apiUrl, 'POST', `/v1/applications/${application.id}/decision`, { token: manager, body: { decision: 'approve' } }),
  };
};

const statusOf = async (path: string, token: string) => (await call(platform!.apiUrl, 'GET', path, { token })).body?.status as string | undefined;

describe('local workflows across restarts', () => {
  it('decides an organisation and an application left waiting across a stop and a crash', async () => {
    // 7 days → 3 min, 72 h → 78 s: no wait times out during the test.
    const settings = await settingsFor({ LOCAL_WORKFLOW_TIME_SCALE: '3e-4' });
    platform = await startPlatformProcess(settings);
    const orgId = await registerOrganization();
    const application = await applyForAShift();
    await waitingAt(`org-${orgId}`, 'AwaitDecision');
    await waitingAt(`app-${application.id}`, 'AwaitDecision');

    await platform.stop('SIGTERM');
    platform = await startPlatformProcess(settings);
    await waitingAt(`org-${orgId}`, 'AwaitDecision');
    await waitingAt(`app-${application.id}`, 'AwaitDecision');
    await platform.stop('SIGKILL');
    platform = await startPlatformProcess(settings);
    const decided = await decideBoth(orgId, application);

    expect([decided.organization.status, decided.application.status]).toEqual([202, 200]);
    const reviewer = await mintToken(platform.apiUrl, { sub: 'reviewer-7', groups: ['ministry-reviewer'] });
    const volunteer = await mintToken(platform.apiUrl, { sub: application.sub, groups: ['volunteer'] });
    await eventually('the organisation active', async () => ((await statusOf(`/v1/organizations/${orgId}`, reviewer)) === 'active' ? true : undefined));
    await eventually('the application approved', async () => ((await statusOf(`/v1/applications/${application.id}`, volunteer)) === 'approved' ? true : undefined));
    const resumed = (await history((await execution(`app-${application.id}`))!.executionId)).filter((h) => h.type === 'ExecutionResumed');
    expect(resumed).toEqual([expect.objectContaining({ state: 'AwaitDecision' }), expect.objectContaining({ state: 'AwaitDecision' })]);
  }, 180_000);

  it('fires at start a decision deadline that passed while the platform was down, and the next wait can be decided', async () => {
    // 72 h → 15.6 s.
    const settings = await settingsFor({ LOCAL_WORKFLOW_TIME_SCALE: '6e-5' });
    platform = await startPlatformProcess(settings);
    const application = await applyForAShift();
    const waiting = await waitingAt(`app-${application.id}`, 'AwaitDecision');
    await platform.stop('SIGKILL');
    const deadline = Date.parse(waiting.waiting[0]!.timesOutAt);
    await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now()) + 200));

    platform = await startPlatformProcess(settings);
    const again = await waitingAt(`app-${application.id}`, 'AwaitDecisionAgain');
    const manager = await mintToken(platform.apiUrl, { sub: `manager-${application.orgId}`, groups: ['org-manager'], orgId: application.orgId });
    const decided = await call(platform.apiUrl, 'POST', `/v1/applications/${application.id}/decision`, { token: manager, body: { decision: 'approve' } });

    const states = (await history(again.executionId)).map((h) => `${h.type} ${h.state ?? ''} ${h.error ?? ''}`.trim());
    expect(states).toEqual(
      expect.arrayContaining(['ExecutionResumed AwaitDecision', 'StateFailed AwaitDecision States.Timeout', 'StateEntered NudgeManagers']),
    );
    expect(decided.status).toBe(200);
    const volunteer = await mintToken(platform.apiUrl, { sub: application.sub, groups: ['volunteer'] });
    await eventually('the application approved', async () => ((await statusOf(`/v1/applications/${application.id}`, volunteer)) === 'approved' ? true : undefined));
  }, 180_000);
});
