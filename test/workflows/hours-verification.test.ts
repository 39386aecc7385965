/**
 * The deployed HoursVerification definition, run by the local runner behind the real gateway:
 * check-out starts it, the decision route resumes it; with a scaled clock the waits time out into
 * the reminder, then the escalation to the ministry reviewers' queue — and nothing is approved by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalWorkflowRunner, localWorkflowRunner, type LocalExecution, type LocalWorkflowRunner } from '../../infra/local/workflows.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

/** 7 days → 10 min: the decision tests never reach a timeout. */
const DECISION_SCALE = 1e-3;
/** 7 days → 0.6 s: reminder and escalation within seconds. */
const TIMEOUT_SCALE = 1e-6;

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');
let fx: typeof import('../integration/hours-support.js');

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = String(DECISION_SCALE);
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
  fx = await import('../integration/hours-support.js');
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

const statesEntered = (execution: LocalExecution) => execution.history.filter((h) => h.type === 'StateEntered').map((h) => h.state);
const executionOf = (runner: LocalWorkflowRunner, hoursId: string, round = 1) => {
  const found = runner.list().filter((e) => e.name === `hours-${hoursId}-${round}`);
  expect(found).toHaveLength(1);
  return found[0]!.executionId;
};

/** A shift that started an hour ago; the volunteer checks in and out through the gateway. */
const workedShift = async () => {
  const seeded = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(-1), end: support.hoursFromNow(2), capacity: 5 }] });
  const sub = await support.seedVolunteer();
  await fx.seedSeat(sub, seeded);
  const shiftId = seeded.shifts[0]!.id;
  const orgId = seeded.opportunity.orgId;
  const managerToken = await platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId });
  const volunteerToken = await platform.token({ sub, groups: ['volunteer'] });
  const code = await platform.request('GET', `/v1/shifts/${shiftId}/attendance-code`, { token: managerToken });
  expect(code.status).toBe(200);
  const checkIn = await platform.request('POST', `/v1/shifts/${shiftId}/check-in`, { token: volunteerToken, body: { code: code.body.code } });
  expect(checkIn.status).toBe(200);
  const checkOut = await platform.request('POST', `/v1/shifts/${shiftId}/check-out`, { token: volunteerToken, body: {} });
  expect(checkOut.status).toBe(200);
  return { orgId, sub, shiftId, managerToken, volunteerToken, hoursId: checkOut.body.hoursId as string, checkOut: checkOut.body };
};

describe('HoursVerification, decisions', () => {
  it('creates a pending record at check-out and waits for the managers', async () => {
    const w = await workedShift();

    const waiting = await localWorkflowRunner().waitingAt(executionOf(localWorkflowRunner(), w.hoursId), 'AwaitDecision');

    expect(w.checkOut).toMatchObject({ status: 'pending', minutes: expect.any(Number) });
    expect(waiting.status).toBe('RUNNING');
  });

  it('ends the workflow when a manager approves', async () => {
    const w = await workedShift();
    const executionId = executionOf(localWorkflowRunner(), w.hoursId);
    await localWorkflowRunner().waitingAt(executionId, 'AwaitDecision');

    const response = await platform.request('POST', `/v1/hours/${w.hoursId}/decision`, { token: w.managerToken, body: { decision: 'approve' } });
    const done = await localWorkflowRunner().settled(executionId);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ hoursId: w.hoursId, status: 'approved' });
    expect(statesEntered(done)).toEqual(['AwaitDecision', 'Decided']);
  });

  it('verifies hours claimed on a project by the same workflow: waits for the managers, ends when approved', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-10 * 24), end: support.hoursFromNow(20 * 24) });
    const sub = await support.seedVolunteer();
    await fx.seedSeat(sub, project);
    const orgId = project.opportunity.orgId;
    const yesterday = new Date(Date.now() - 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);
    const claim = await platform.request('POST', `/v1/opportunities/${project.opportunity.id}/hours`, {
      token: await platform.token({ sub, groups: ['volunteer'] }),
      body: { date: yesterday, minutes: 150, description: 'Drafted the privacy policy', deliverableId: project.opportunity.project!.deliverables[1]!.id },
    });
    expect(claim.status).toBe(201);
    const executionId = executionOf(localWorkflowRunner(), claim.body.hoursId);
    await localWorkflowRunner().waitingAt(executionId, 'AwaitDecision');

    const response = await platform.request('POST', `/v1/hours/${claim.body.hoursId}/decision`, {
      token: await platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId }),
      body: { decision: 'approve', minutes: 120, reason: 'the estimate for this part was 2 h' },
    });
    const done = await localWorkflowRunner().settled(executionId);

    expect(response.body).toMatchObject({ status: 'approved', minutes: 120 });
    expect(statesEntered(done)).toEqual(['AwaitDecision', 'Decided']);
  });

  it('answers a second decision with 409', async () => {
    const w = await workedShift();
    await localWorkflowRunner().waitingAt(executionOf(localWorkflowRunner(), w.hoursId), 'AwaitDecision');
    await platform.request('POST', `/v1/hours/${w.hoursId}/decision`, { token: w.managerToken, body: { decision: 'approve' } });

    const second = await platform.request('POST', `/v1/hours/${w.hoursId}/decision`, { token: w.managerToken, body: { decision: 'reject', reason: 'second thoughts' } });

    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lists the pending record in the organisation queue with the attendance record, then in the volunteer\'s hours', async () => {
    const w = await workedShift();

    const queue = await platform.request('GET', `/v1/organizations/${w.orgId}/hours?status=pending`, { token: w.managerToken });
    const mine = await platform.request('GET', '/v1/volunteers/me/hours', { token: w.volunteerToken });

    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(w.hoursId);
    expect(queue.body.items.find((i: { id: string }) => i.id === w.hoursId).attendance).toMatchObject({ attended: 1, noShows: 0 });
    expect(mine.body.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[w.hoursId, 'pending']]);
  });
});

describe('HoursVerification, timeouts (scaled clock)', () => {
  let runner: LocalWorkflowRunner;
  beforeAll(() => {
    runner = createLocalWorkflowRunner({ timeScale: TIMEOUT_SCALE });
  });
  afterAll(async () => runner?.stop());

  it('reminds the managers after 7 days and escalates to the ministry after 7 more, approving nothing', async () => {
    const w = await workedShift();
    const executionId = executionOf(runner, w.hoursId);

    const escalated = await runner.waitingAt(executionId, 'AwaitEscalated');

    expect(statesEntered(escalated).slice(0, 7)).toEqual(['AwaitDecision', 'RemindManagers', 'AfterReminder', 'AwaitDecisionAgain', 'Escalate', 'AfterEscalation', 'AwaitEscalated']);
    const reviewer = await platform.token({ sub: 'reviewer-1', groups: ['ministry-reviewer'] });
    const queue = await platform.request('GET', '/v1/hours/escalated', { token: reviewer });
    expect(queue.body.items.find((i: { id: string }) => i.id === w.hoursId)).toMatchObject({ status: 'pending', flags: expect.arrayContaining(['escalated']) });
  });

  it('lets a ministry reviewer decide an escalated record, ending the workflow', async () => {
    const w = await workedShift();
    const executionId = executionOf(runner, w.hoursId);
    await runner.waitingAt(executionId, 'AwaitEscalated');
    const reviewer = await platform.token({ sub: 'reviewer-2', groups: ['ministry-reviewer'] });

    const response = await platform.request('POST', `/v1/hours/${w.hoursId}/decision`, { token: reviewer, body: { decision: 'reject', reason: 'no manager could confirm it' } });
    const done = await runner.settled(executionId);

    expect(response.status).toBe(200);
    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done).at(-1)).toBe('Decided');
  });
});
