/**
 * The deployed ApplicationReview definition (functions/workflows/index.ts), run by the local
 * runner behind the real gateway and handlers: applying starts it, the decision route resumes
 * it, its tasks write DynamoDB Local and publish to the local bus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalWorkflowRunner, localWorkflowRunner, type LocalExecution, type LocalWorkflowRunner } from '../../infra/local/workflows.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

/** 72 h → 4.3 min: the decision tests never reach a timeout. */
const DECISION_SCALE = 1e-3;
/** 72 h → 0.26 s: the timeout path (two waits) runs in about half a second. */
const TIMEOUT_SCALE = 1e-6;

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = String(DECISION_SCALE);
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

const statesEntered = (execution: LocalExecution) => execution.history.filter((h) => h.type === 'StateEntered').map((h) => h.state);
const executionOf = (runner: LocalWorkflowRunner, applicationId: string) => {
  const found = runner.list().filter((e) => e.name === `app-${applicationId}`);
  expect(found).toHaveLength(1);
  return found[0]!.executionId;
};
/** The events delivered about an application, once the outbox relay has caught up. */
const eventsAbout = async (applicationId: string) => {
  await platform.flushEvents();
  return localBus.published.filter((e) => (e.detail as { applicationId?: string }).applicationId === applicationId).map((e) => e.type);
};

const apply = async (options: Parameters<typeof support.seedOpportunity>[0] = {}, volunteer: Parameters<typeof support.seedVolunteer>[1] = {}) => {
  const seeded = await support.seedOpportunity(options);
  const sub = await support.seedVolunteer(undefined, volunteer);
  const response = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, {
    token: await platform.token({ sub, groups: ['volunteer'] }),
    body: { shiftId: seeded.shifts[0]!.id },
  });
  expect(response.status).toBe(202);
  return { seeded, sub, id: response.body.id as string };
};

const view = async (id: string, sub: string) =>
  (await platform.request('GET', `/v1/applications/${id}`, { token: await platform.token({ sub, groups: ['volunteer'] }) })).body;

const decide = async (orgId: string, id: string, body: Record<string, unknown>) =>
  platform.request('POST', `/v1/applications/${id}/decision`, { token: await platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId }), body });

describe('ApplicationReview, decisions', () => {
  it('approves at once when the opportunity needs no approval and the volunteer is eligible', async () => {
    const { id, sub } = await apply({ requiresApproval: false });

    const done = await localWorkflowRunner().settled(executionOf(localWorkflowRunner(), id));

    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done)).toEqual(['Screen', 'Route', 'ReserveSeat']);
    expect(await view(id, sub)).toMatchObject({ status: 'approved' });
    expect(await eventsAbout(id)).toEqual(['ApplicationSubmitted', 'ApplicationApproved']);
  });

  it('waits for the managers, then screens again and reserves the seat on approval', async () => {
    const { id, sub, seeded } = await apply({ requiresApproval: true });
    const executionId = executionOf(localWorkflowRunner(), id);
    await localWorkflowRunner().waitingAt(executionId, 'AwaitDecision');
    expect(await view(id, sub)).toMatchObject({ status: 'pending' });

    const response = await decide(seeded.opportunity.orgId, id, { decision: 'approve' });
    const done = await localWorkflowRunner().settled(executionId);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id, decision: 'approve', status: 'pending' });
    expect(statesEntered(done)).toEqual(['Screen', 'Route', 'RequestDecision', 'AwaitDecision', 'ScreenAgain', 'RouteAfterDecision', 'ReserveSeat']);
    const application = await view(id, sub);
    expect(application.status).toBe('approved');
    expect(application.history.at(-1)).toMatchObject({ status: 'approved', from: 'pending', by: `manager-${seeded.opportunity.orgId}` });
    expect(await eventsAbout(id)).toContain('ApplicationPendingDecision');
  });

  it('rejects with the manager’s reason', async () => {
    const { id, sub, seeded } = await apply({ requiresApproval: true });
    const executionId = executionOf(localWorkflowRunner(), id);
    await localWorkflowRunner().waitingAt(executionId, 'AwaitDecision');

    await decide(seeded.opportunity.orgId, id, { decision: 'reject', reason: 'we need certified drivers' });
    const done = await localWorkflowRunner().settled(executionId);

    expect(statesEntered(done)).toEqual(['Screen', 'Route', 'RequestDecision', 'AwaitDecision', 'Reject']);
    expect(await view(id, sub)).toMatchObject({ status: 'rejected', reason: 'we need certified drivers' });
    expect(await eventsAbout(id)).toContain('ApplicationRejected');
  });

  it('rejects at screening, naming each failed rule', async () => {
    const { id, sub } = await apply({ requiresApproval: true, minAge: 40, professions: ['lawyer'] });

    const done = await localWorkflowRunner().settled(executionOf(localWorkflowRunner(), id));

    expect(statesEntered(done)).toEqual(['Screen', 'Route', 'RejectIneligible']);
    const application = await view(id, sub);
    expect(application.status).toBe('rejected');
    expect(application.failures.map((f: { rule: string }) => f.rule)).toEqual(['age', 'professions']);
  });

  it('refuses at screening an overlapping shift of another organisation', async () => {
    const first = await apply({ requiresApproval: false, shifts: [{ start: support.hoursFromNow(500), end: support.hoursFromNow(504), capacity: 3 }] });
    await localWorkflowRunner().settled(executionOf(localWorkflowRunner(), first.id));
    const other = await support.seedOpportunity({ requiresApproval: false, shifts: [{ start: support.hoursFromNow(503), end: support.hoursFromNow(507), capacity: 3 }] });
    const response = await platform.request('POST', `/v1/opportunities/${other.opportunity.id}/applications`, {
      token: await platform.token({ sub: first.sub, groups: ['volunteer'] }),
      body: { shiftId: other.shifts[0]!.id },
    });

    const done = await localWorkflowRunner().settled(executionOf(localWorkflowRunner(), response.body.id));

    expect(statesEntered(done)).toEqual(['Screen', 'Route', 'RejectIneligible']);
    expect((await view(response.body.id, first.sub)).failures).toEqual([{ rule: 'overlap', message: expect.any(String) }]);
  });

  it('ends quietly when the volunteer withdraws while it waits', async () => {
    const { id, sub } = await apply({ requiresApproval: true });
    const executionId = executionOf(localWorkflowRunner(), id);
    await localWorkflowRunner().waitingAt(executionId, 'AwaitDecision');

    await platform.request('POST', `/v1/applications/${id}/withdraw`, { token: await platform.token({ sub, groups: ['volunteer'] }) });
    const done = await localWorkflowRunner().settled(executionId);

    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done).at(-1)).toBe('Closed');
    expect((await view(id, sub)).status).toBe('withdrawn');
  });
  it('finds the same execution when started again for the same application', async () => {
    const { id } = await apply({ requiresApproval: true });
    const { workflowClient } = await import('../../shared/workflows/client.js');

    const again = await workflowClient().start('ApplicationReview', { applicationId: id }, { executionName: `app-${id}` });

    expect(again.executionId).toBe(executionOf(localWorkflowRunner(), id));
  });

  it('approves exactly capacity of concurrent manager approvals and waitlists the rest', async () => {
    const seeded = await support.seedOpportunity({ requiresApproval: true, shifts: [{ start: support.hoursFromNow(600), end: support.hoursFromNow(602), capacity: 5 }] });
    const ids = await Promise.all(
      Array.from({ length: 15 }, async () => {
        const sub = await support.seedVolunteer();
        const response = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, {
          token: await platform.token({ sub, groups: ['volunteer'] }),
          body: { shiftId: seeded.shifts[0]!.id },
        });
        return response.body.id as string;
      }),
    );
    const executions = ids.map((id) => executionOf(localWorkflowRunner(), id));
    await Promise.all(executions.map((e) => localWorkflowRunner().waitingAt(e, 'AwaitDecision')));

    const answers = await Promise.all(ids.map((id) => decide(seeded.opportunity.orgId, id, { decision: 'approve' })));
    await Promise.all(executions.map((e) => localWorkflowRunner().settled(e)));

    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const account = await support.accountFor(seeded, ids);
    expect(account).toMatchObject({ seatsTaken: 5, waiting: 10, byStatus: { approved: 5, waitlisted: 10 } });
    const opportunity = await platform.request('GET', `/v1/opportunities/${seeded.opportunity.id}`);
    expect(opportunity.body.shifts[0].seatsLeft).toBe(0);
  });
});

describe('ApplicationReview, timeouts', () => {
  let runner: LocalWorkflowRunner;
  beforeAll(() => {
    // A runner of its own with 72-hour waits shortened to 0.26 s; it replaces the platform's.
    runner = createLocalWorkflowRunner({ timeScale: TIMEOUT_SCALE });
  });
  afterAll(async () => runner?.stop());

  it('nudges the managers after the first wait, expires after the second and tells the volunteer', async () => {
    const { id, sub, seeded } = await apply({ requiresApproval: true });

    const done = await runner.settled(executionOf(runner, id));

    expect(done.status).toBe('SUCCEEDED');
    expect(statesEntered(done)).toEqual(['Screen', 'Route', 'RequestDecision', 'AwaitDecision', 'NudgeManagers', 'AwaitDecisionAgain', 'Expire']);
    expect(await view(id, sub)).toMatchObject({ status: 'expired', reason: expect.stringContaining('no decision') });
    await platform.flushEvents();
    const reminders = localBus.published.filter(
      (e) => e.type === 'ApplicationPendingDecision' && (e.detail as { applicationId: string }).applicationId === id,
    );
    expect(reminders.map((e) => (e.detail as { reminder: boolean }).reminder)).toEqual([false, true]);
    expect((await eventsAbout(id)).at(-1)).toBe('ApplicationExpired');
    const late = await decide(seeded.opportunity.orgId, id, { decision: 'approve' });
    expect(late.status).toBe(409);
  });
});
