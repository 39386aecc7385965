/**
 * The deployed HonourNomination definition, run by the local runner behind the real gateway: the
 * awards schedule opens the region and national honours from the organisations' volunteers of
 * the month and starts their executions; the ministry's decision route resumes a wait; with a
 * scaled clock the 10-day wait times out and the rule decides.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedule } from '../../infra/local/jobs.js';
import { createLocalWorkflowRunner, localWorkflowRunner, type LocalExecution, type LocalWorkflowRunner } from '../../infra/local/workflows.js';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';
import { hoursApproved } from '../integration/register-support.js';
import { seedOrganization as seedOrganizationWith } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

/** 10 days → 86 s: the decision tests never reach the timeout. */
const DECISION_SCALE = 1e-4;
/** 10 days → 0.9 s: the rule decides within seconds. */
const TIMEOUT_SCALE = 1e-6;

let platform: TestPlatform;
let consume: (envelope: ConsumerEnvelope) => Promise<unknown>;
let reviewer: string;
const REVIEWERS = `reviewers-${ulid().toLowerCase()}@moh.example`;

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = String(DECISION_SCALE);
  process.env.MINISTRY_REVIEWERS_EMAIL = REVIEWERS;
  platform = await startTestPlatform();
  consume = (await import('../../functions/consumers/recognition-hours.js')).handler;
  reviewer = await platform.token({ sub: 'reviewer-honours', groups: ['ministry-reviewer'] });
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
  delete process.env.MINISTRY_REVIEWERS_EMAIL;
});

const statesEntered = (execution: LocalExecution) => execution.history.filter((h) => h.type === 'StateEntered').map((h) => h.state);
const executionOf = (runner: LocalWorkflowRunner, honourId: string) => {
  const found = runner.list().filter((e) => e.name === `honour-${honourId}`);
  expect(found).toHaveLength(1);
  return found[0]!.executionId;
};

const seedOrganization = () => seedOrganizationWith({ status: 'pending', city: 'jeddah', causes: ['health'] });

/** Two organisations of the Makkah region (Jeddah) with their volunteers of `month`; the monthly awards run of the 1st after it. */
const monthWithWinners = async (month: string, runAt: string) => {
  const [orgA, orgB] = [await seedOrganization(), await seedOrganization()];
  const [top, runnerUp] = [`top-${ulid()}`, `runner-${ulid()}`];
  await consume(hoursApproved({ volunteerId: top, orgId: orgA, date: `${month}-10`, minutes: 600 }).envelope);
  await consume(hoursApproved({ volunteerId: runnerUp, orgId: orgB, date: `${month}-12`, minutes: 240 }).envelope);
  const summary = (await runSchedule('monthly-awards', new Date(runAt))) as { honoursOpened: number };
  return { top, runnerUp, summary, region: `${month}.region.makkah`, national: `${month}.national.sa` };
};

const awardsOf = async (month: string) => (await import('../../shared/db/recognition-repository.js')).recognitionRepository().awards(month);
const decide = (honourId: string, volunteerId: string) =>
  platform.request('POST', `/v1/honours/${honourId}/decision`, {
    token: reviewer,
    body: { volunteerId, reasonAr: 'عطاء متواصل طوال الشهر', reasonEn: 'Sustained giving all month' },
  });

describe('HonourNomination, the ministry decides', () => {
  it('waits for the ministry, lists the candidates, and awards its choice when it decides', async () => {
    const m = await monthWithWinners('2026-05', '2026-06-01T06:00:00Z');
    const executionId = executionOf(localWorkflowRunner(), m.region);
    await localWorkflowRunner().waitingAt(executionId, 'AwaitChoice');
    const listed = await platform.request('GET', '/v1/honours?month=2026-05', { token: reviewer });

    const decided = await decide(m.region, m.runnerUp);
    const done = await localWorkflowRunner().settled(executionId);

    expect(m.summary.honoursOpened).toBe(2);
    // Messages are queued, then sent by the DeliverNotifications consumer: deliver what was queued first.
    await platform.flushEvents();
    const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: Array<{ destination: { to: string[] }; body: { text?: string } }> };
    expect(store.emails.filter((e) => e.destination.to.includes(REVIEWERS) && (e.body.text ?? '').includes('/honours/2026-05'))).toHaveLength(1);
    expect(listed.body.items.find((h: { id: string }) => h.id === m.region)).toMatchObject({ status: 'pending', candidates: [{ volunteerId: m.top }, { volunteerId: m.runnerUp }] });
    expect(decided.status).toBe(200);
    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done)).toEqual(['AwaitChoice', 'Award']);
    expect((await awardsOf('2026-05')).find((a) => a.scope === 'region')).toMatchObject({ scopeId: 'makkah', volunteerId: m.runnerUp, basis: 'ministry' });
  });

  it('answers a second decision with 409, and a non-candidate with 422 naming volunteerId', async () => {
    const m = await monthWithWinners('2026-03', '2026-04-01T06:00:00Z');
    await localWorkflowRunner().waitingAt(executionOf(localWorkflowRunner(), m.national), 'AwaitChoice');

    const stranger = await decide(m.national, 'not-a-candidate');
    const first = await decide(m.national, m.top);
    const second = await decide(m.national, m.runnerUp);

    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0].path).toBe('volunteerId');
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses the honours list to an organisation manager with 403', async () => {
    const manager = await platform.token({ sub: 'manager-honours', groups: ['org-manager'], orgId: ulid() });

    const { status } = await platform.request('GET', '/v1/honours?month=2026-05', { token: manager });

    expect(status).toBe(403);
  });
});

describe('HonourNomination, 10 days without a choice (scaled clock)', () => {
  let runner: LocalWorkflowRunner;
  beforeAll(() => {
    runner = createLocalWorkflowRunner({ timeScale: TIMEOUT_SCALE });
  });
  afterAll(async () => runner?.stop());

  it('lets the rule decide after the timeout, and refuses a late decision with 409', async () => {
    const m = await monthWithWinners('2026-07', '2026-08-01T06:00:00Z');
    const executionId = executionOf(runner, m.region);

    const done = await runner.settled(executionId);
    const late = await decide(m.region, m.runnerUp);

    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done)).toEqual(['AwaitChoice', 'Award']);
    expect((await awardsOf('2026-07')).find((a) => a.scope === 'region')).toMatchObject({ volunteerId: m.top, basis: 'rule', minutes: 600 });
    expect(late.status).toBe(409);
  });
});
