import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalWorkflowRunner, workflowsRoutes, type LocalExecution, type LocalWorkflowRunner } from '../../infra/local/workflows.js';
import { workflowClient } from '../../shared/workflows/client.js';
import { days, defineWorkflow, fn, lambdaTask, waitForDecision, WorkflowDefinitionError } from '../../shared/workflows/definition.js';
import { WorkflowExecutionExistsError, WorkflowExecutionNotFoundError, WorkflowTaskClosedError } from '../../shared/workflows/errors.js';
import { approvalWorkflow } from './fixtures/approval.js';
import { callsTo, journal, resetJournal, tokenFor } from './fixtures/journal.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** 7 days → 60 s (never reached by these tests); the 1-hour Wait → 0.36 s. */
const DECISION_SCALE = 1e-4;
/** 7 days → 0.3 s: the timeout path runs in well under a second. */
const TIMEOUT_SCALE = 5e-7;

const valid = (orgId: string, extra: Record<string, unknown> = {}) => ({ orgId, licence: '1234567890', ...extra });
const statesEntered = (execution: LocalExecution) => execution.history.filter((h) => h.type === 'StateEntered').map((h) => h.state);

let runner: LocalWorkflowRunner;
const previousMode = process.env.TATAWWU_MODE;

beforeAll(() => {
  // workflowClient() talks to the installed local runner, as handlers do on the local platform.
  process.env.TATAWWU_MODE = 'local';
});
afterAll(() => {
  process.env.TATAWWU_MODE = previousMode;
});

describe('local workflow runner, decisions', () => {
  beforeEach(() => {
    resetJournal();
    runner = createLocalWorkflowRunner({ workflows: [approvalWorkflow], timeScale: DECISION_SCALE });
  });
  afterEach(() => runner.stop());

  it('passes a lambda task result on as the Payload of the invoke result', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-1'));

    await runner.waitingAt(executionId, 'RequestDecision');

    expect(callsTo('Validate')).toEqual([{ task: 'Validate', input: valid('org-1') }]);
    expect(callsTo('RequestDecision')[0]?.input).toMatchObject({
      input: { orgId: 'org-1', validation: { Payload: { licenceOk: true, attempts: 1 } } },
      round: 1,
      executionId,
    });
  });

  it('hands the decision task a minted token in place of $$.Task.Token', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-2'));

    await runner.waitingAt(executionId, 'RequestDecision');

    const token = tokenFor('org-2');
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(JSON.stringify(runner.execution(executionId))).not.toContain(token);
  });

  it('resumes the waiting task with sendTaskSuccess and passes the decision on', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-3'));
    await runner.waitingAt(executionId, 'RequestDecision');

    await workflowClient().sendTaskSuccess(tokenFor('org-3'), { approved: true, reviewer: 'reviewer-7' });
    const done = await runner.settled(executionId);

    expect(done.status).toBe('SUCCEEDED');
    expect(done.output).toEqual({ status: 'active', orgId: 'org-3', decidedBy: 'reviewer-7' });
    expect(statesEntered(done)).toEqual(['Validate', 'RequestDecision', 'Activate', 'Settle', 'Done']);
    const activate = done.history.find((h) => h.type === 'StateEntered' && h.state === 'Activate');
    expect(activate?.input).toMatchObject({ decision: { approved: true, reviewer: 'reviewer-7' } });
  });

  it('reports a succeeded execution through describe', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-4'));
    await runner.waitingAt(executionId, 'RequestDecision');
    await workflowClient().sendTaskSuccess(tokenFor('org-4'), { reviewer: 'reviewer-1' });
    await runner.settled(executionId);

    const described = await workflowClient().describe(executionId);

    expect(described).toMatchObject({ executionId, status: 'SUCCEEDED', input: valid('org-4'), output: { status: 'active' } });
    expect(described.stoppedAt).toBeDefined();
  });

  it('routes sendTaskFailure to the Catch that names its error', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-5'));
    await runner.waitingAt(executionId, 'RequestDecision');

    await workflowClient().sendTaskFailure(tokenFor('org-5'), 'ApplicationRejected', 'licence suspended');
    const done = await runner.settled(executionId);

    expect(done.output).toEqual({ status: 'rejected', orgId: 'org-5', reason: 'licence suspended' });
    expect(done.history).toContainEqual(expect.objectContaining({ type: 'StateCaught', state: 'RequestDecision', next: 'Rejected' }));
    expect(callsTo('Activate')).toHaveLength(0);
  });

  it('refuses a second decision on a used token and keeps the first', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-6'));
    await runner.waitingAt(executionId, 'RequestDecision');
    const token = tokenFor('org-6');
    await workflowClient().sendTaskSuccess(token, { reviewer: 'first' });

    const second = workflowClient().sendTaskSuccess(token, { reviewer: 'second' });

    await expect(second).rejects.toThrow(WorkflowTaskClosedError);
    await expect(second).rejects.toMatchObject({ reason: 'completed', status: 409 });
    expect((await runner.settled(executionId)).output).toMatchObject({ decidedBy: 'first' });
  });

  it('refuses a token it never issued', async () => {
    await expect(workflowClient().sendTaskFailure('not-a-token', 'ApplicationRejected')).rejects.toMatchObject({
      name: 'WorkflowTaskClosedError',
      reason: 'invalid-token',
    });
  });

  it('calls a task again when it fails with an error its Retry names', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-7', { flakyTimes: 1 }));

    const waiting = await runner.waitingAt(executionId, 'RequestDecision');

    expect(callsTo('Validate')).toHaveLength(2);
    expect(waiting.history.filter((h) => h.state === 'Validate').map((h) => [h.type, h.error])).toEqual([
      ['StateEntered', undefined],
      ['StateFailed', 'TransientError'],
      ['StateRetried', undefined],
      ['StateExited', undefined],
    ]);
  });

  it('fails the execution when the retries are exhausted', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-8', { flakyTimes: 5 }));

    const done = await runner.settled(executionId);

    expect(callsTo('Validate')).toHaveLength(3);
    expect(done).toMatchObject({ status: 'FAILED', error: 'TransientError' });
    expect(JSON.parse(done.cause!)).toEqual({ errorType: 'TransientError', errorMessage: 'licence registry unavailable (attempt 3)' });
  });

  it("routes a handler's domain error to the Catch that names its class", async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', { orgId: 'org-9', licence: 'ABC' });

    const done = await runner.settled(executionId);

    expect(done.output).toEqual({ status: 'refused', orgId: 'org-9', error: 'RuleViolationError' });
  });

  it('fails the execution with TaskInputError when a task refuses its input', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-10'));
    await runner.waitingAt(executionId, 'RequestDecision');

    await workflowClient().sendTaskSuccess(tokenFor('org-10'), { approved: true });
    const done = await runner.settled(executionId);

    expect(done).toMatchObject({ status: 'FAILED', error: 'TaskInputError' });
    expect(done.cause).toContain('decision.reviewer');
  });

  it('starts one execution for two starts with the same name and input', async () => {
    const [first, second] = await Promise.all([
      workflowClient().start('FixtureApproval', valid('org-11'), { executionName: 'org-11' }),
      workflowClient().start('FixtureApproval', { licence: '1234567890', orgId: 'org-11' }, { executionName: 'org-11' }),
    ]);
    await runner.waitingAt(first.executionId, 'RequestDecision');

    expect(second).toEqual(first);
    expect(runner.list().filter((e) => e.name === 'org-11')).toHaveLength(1);
    expect(callsTo('Validate')).toHaveLength(1);
  });

  it('returns the closed execution when a start with its name and input is replayed', async () => {
    const first = await workflowClient().start('FixtureApproval', { orgId: 'org-12', licence: 'bad' }, { executionName: 'org-12' });
    await runner.settled(first.executionId);

    const replay = await workflowClient().start('FixtureApproval', { orgId: 'org-12', licence: 'bad' }, { executionName: 'org-12' });

    expect(replay.executionId).toBe(first.executionId);
    expect(callsTo('Validate')).toHaveLength(1);
  });

  it('refuses an execution name already used with another input', async () => {
    await workflowClient().start('FixtureApproval', valid('org-13'), { executionName: 'org-13' });

    await expect(workflowClient().start('FixtureApproval', valid('org-13', { flakyTimes: 1 }), { executionName: 'org-13' })).rejects.toThrow(
      WorkflowExecutionExistsError,
    );
  });

  it('refuses an execution name Step Functions would refuse', async () => {
    await expect(workflowClient().start('FixtureApproval', valid('x'), { executionName: 'org 14/a' })).rejects.toThrow(/invalid execution name "org 14\/a"/);
  });

  it('answers describe of an unknown execution with a not-found error', async () => {
    await expect(workflowClient().describe('arn:aws:states:me-central-1:000000000000:execution:FixtureApproval:nope')).rejects.toThrow(
      WorkflowExecutionNotFoundError,
    );
  });

  it('aborts waiting executions on stop and refuses their tokens afterwards', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-15'));
    await runner.waitingAt(executionId, 'RequestDecision');

    await runner.stop();

    expect(runner.execution(executionId).status).toBe('ABORTED');
    await expect(runner.sendTaskSuccess(tokenFor('org-15'), {})).rejects.toMatchObject({ reason: 'completed' });
  });
});

describe('local workflow runner, timeouts', () => {
  beforeEach(() => {
    resetJournal();
    runner = createLocalWorkflowRunner({ workflows: [approvalWorkflow], timeScale: TIMEOUT_SCALE });
  });
  afterEach(() => runner.stop());

  it('reminds on the first timeout and expires on the second', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-20'));

    const done = await runner.settled(executionId);

    expect(done.output).toEqual({ status: 'expired', orgId: 'org-20', after: 'States.Timeout' });
    expect(statesEntered(done)).toEqual(['Validate', 'RequestDecision', 'RemindReviewers', 'RequestDecisionAgain', 'Expire']);
    expect(done.history.filter((h) => h.type === 'StateFailed').map((h) => [h.state, h.error])).toEqual([
      ['RequestDecision', 'States.Timeout'],
      ['RequestDecisionAgain', 'States.Timeout'],
    ]);
    expect(journal().tokens.map((t) => t.round)).toEqual([1, 2]);
    expect(callsTo('RemindReviewers')).toHaveLength(1);
  });

  it('refuses a decision that arrives after the timeout', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-21'));
    await runner.until(executionId, (e) => e.history.some((h) => h.type === 'StateEntered' && h.state === 'RemindReviewers'), 'the reminder');

    await expect(workflowClient().sendTaskSuccess(tokenFor('org-21', 1), { reviewer: 'late' })).rejects.toMatchObject({
      name: 'WorkflowTaskClosedError',
      reason: 'timed-out',
    });
  });

  it('times out at the scaled TimeoutSeconds, not before', async () => {
    const { executionId } = await workflowClient().start('FixtureApproval', valid('org-22'));
    const waiting = await runner.waitingAt(executionId, 'RequestDecision');
    const { since, timesOutAt } = waiting.waiting[0]!;

    const reminded = await runner.until(executionId, (e) => e.history.some((h) => h.state === 'RemindReviewers'), 'the reminder');

    expect(Date.parse(timesOutAt) - Date.parse(since)).toBe(Math.round(days(7) * TIMEOUT_SCALE * 1000));
    const failedAt = reminded.history.find((h) => h.type === 'StateFailed' && h.state === 'RequestDecision')!.at;
    expect(Date.parse(failedAt)).toBeGreaterThanOrEqual(Date.parse(since) + days(7) * TIMEOUT_SCALE * 1000 - 5);
  });
});

describe('local workflow runner, process', () => {
  it('lets the process exit while an execution waits a week for its decision', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/workflows/fixtures/park-a-week.ts'], {
      cwd: ROOT,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);

    const code = await exited;
    clearTimeout(killer);

    expect(output).toMatch(/^waiting until \d{4}-/);
    expect(code).toBe(0);
  }, 30_000);
});

describe('GET /local/workflows', () => {
  beforeEach(() => {
    resetJournal();
    runner = createLocalWorkflowRunner({ workflows: [approvalWorkflow], timeScale: DECISION_SCALE, install: false });
  });
  afterEach(() => runner.stop());

  const get = async (path: string) => {
    const route = workflowsRoutes(runner).find((r) => (typeof r.path === 'string' ? r.path === path : r.path.test(path)))!;
    const match = typeof route.path === 'string' ? null : route.path.exec(path);
    const response = await route.handle({ method: 'GET', path, query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0) }, match);
    return { status: response.status, body: JSON.parse(String(response.body)) };
  };

  it('lists the executions with their status and what they wait for', async () => {
    const { executionId } = await runner.start('FixtureApproval', valid('org-30'), { executionName: 'org-30' });
    await runner.waitingAt(executionId, 'RequestDecision');

    const { status, body } = await get('/local/workflows');

    expect(status).toBe(200);
    expect(body.executions).toEqual([
      expect.objectContaining({ executionId, name: 'org-30', status: 'RUNNING', waiting: [expect.objectContaining({ state: 'RequestDecision' })] }),
    ]);
  });

  it("shows one execution's history", async () => {
    const { executionId } = await runner.start('FixtureApproval', valid('org-31'));
    await runner.waitingAt(executionId, 'RequestDecision');

    const { status, body } = await get(`/local/workflows/${encodeURIComponent(executionId)}`);

    expect(status).toBe(200);
    expect(body.history.map((h: { type: string; state?: string }) => `${h.type} ${h.state ?? ''}`.trim())).toEqual([
      'ExecutionStarted',
      'StateEntered Validate',
      'StateExited Validate',
      'StateEntered RequestDecision',
    ]);
  });

  it('answers 404 for an unknown execution', async () => {
    const { status, body } = await get('/local/workflows/nope');

    expect(status).toBe(404);
    expect(body.detail).toContain('"nope"');
  });
});

describe('defineWorkflow', () => {
  const decide = (extra: Record<string, unknown> = {}) => ({
    ...waitForDecision('Decide', { timeoutSeconds: days(1), onTimeout: 'Done', Next: 'Done' }),
    ...extra,
  });
  const workflow = (states: Record<string, unknown>, tasks: Record<string, { entry: string; needs: [] }> = { Decide: { entry: 'x/decide.ts', needs: [] } }) =>
    defineWorkflow({ name: 'Sample', tasks, asl: { StartAt: Object.keys(states)[0], States: { ...states, Done: { Type: 'Succeed' } } } });

  it('accepts a definition written with the helpers', () => {
    expect(workflow({ Decide: decide() }).name).toBe('Sample');
  });

  it('refuses a placeholder without a task binding', () => {
    expect(() => workflow({ Decide: decide() }, {})).toThrow(/placeholder \$\{FnDecide\} has no task binding/);
  });

  it('refuses a task binding no state uses', () => {
    expect(() => workflow({ Decide: decide() }, { Decide: { entry: 'x/decide.ts', needs: [] }, Other: { entry: 'x/other.ts', needs: [] } })).toThrow(
      /task "Other" is bound but no state uses fn\("Other"\)/,
    );
  });

  it('refuses a wait for a task token without a timeout', () => {
    expect(() => workflow({ Decide: decide({ TimeoutSeconds: undefined }) })).toThrow(/States\.Decide waits for a task token without TimeoutSeconds/);
  });

  it('accepts a wait bounded by HeartbeatSeconds only', () => {
    expect(workflow({ Decide: decide({ TimeoutSeconds: undefined, HeartbeatSeconds: 3600 }) }).name).toBe('Sample');
  });

  it('refuses a wait for a task token whose Catch ignores States.Timeout', () => {
    const Catch = [{ ErrorEquals: ['Rejected'], Next: 'Done' }];
    expect(() => workflow({ Decide: decide({ Catch }) })).toThrow(/no Catch handles States\.Timeout .*got Catch \[\{"ErrorEquals":\["Rejected"\]/);
  });

  it('refuses a transition to a state that does not exist', () => {
    expect(() => workflow({ Decide: decide({ Next: 'Nowhere' }) })).toThrow(/States\.Decide\.Next "Nowhere" names no state/);
  });

  it('refuses $$.Task.Token outside a waitForTaskToken task', () => {
    const state = lambdaTask('Decide', { payload: { 'token.$': '$$.Task.Token' }, Next: 'Done' });
    expect(() => workflow({ Decide: state })).toThrow(/uses \$\$\.Task\.Token, which exists only in a \.waitForTaskToken task/);
  });

  it('refuses JSONata', () => {
    expect(() => workflow({ Decide: decide({ QueryLanguage: 'JSONata' }) })).toThrow(/QueryLanguage "JSONata"/);
  });

  it('refuses a name that is not PascalCase', () => {
    expect(() => defineWorkflow({ ...approvalWorkflow, name: 'fixture-approval' })).toThrow(WorkflowDefinitionError);
  });

  it('refuses a task id that is not PascalCase', () => {
    expect(() => fn('decide')).toThrow(/task id must be PascalCase, got "decide"/);
  });

  it('refuses a definition the ASL validator rejects when the runner loads it', () => {
    const broken = defineWorkflow({
      name: 'Broken',
      tasks: { Decide: { entry: 'x/decide.ts', needs: [] } },
      asl: { StartAt: 'Decide', States: { Decide: { ...decide(), InputPath: 'not a path' }, Done: { Type: 'Succeed' } } },
    });
    expect(() => createLocalWorkflowRunner({ workflows: [broken], install: false })).toThrow(WorkflowDefinitionError);
  });
});
