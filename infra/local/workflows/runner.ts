/**
 * The local workflow runner: runs the very definitions the CDK deploys
 * (functions/workflows/index.ts) with aws-local-stepfunctions.
 *
 * What it adds to the library, which knows nothing of Lambda integrations or task tokens:
 * - Each `fn()` placeholder is bound to its task's handler module (imported from `entry`).
 *   A `lambda:invoke` task calls it with `Parameters.Payload` and returns what Step
 *   Functions returns, `{ ExecutedVersion, Payload, StatusCode: 200 }`, so ResultSelector and
 *   OutputPath written for the cloud work unchanged. A thrown error keeps its `name` as the
 *   States error (Retry/Catch match it) and its Cause is the JSON Lambda reports.
 * - `.waitForTaskToken`: the runner mints an opaque token, puts it where the definition reads
 *   `$$.Task.Token`, calls the handler, then holds the state until `sendTaskSuccess` /
 *   `sendTaskFailure` with that token, or until its TimeoutSeconds (or HeartbeatSeconds: no
 *   heartbeats are sent locally) pass → `States.Timeout`, raised by the library itself, so
 *   `States.TaskFailed` does not catch it, as in the cloud. A late, second or unknown token is
 *   a WorkflowTaskClosedError, as from the cloud client.
 * - Time: see local-definition.ts (`timeScale`) and timers.ts (nothing keeps the process alive).
 * - Durability (with a `store`, as the local platform gives it): executions, their history,
 *   their checkpoint (the top-level state they are in and its input) and their task tokens are
 *   written to DynamoDB Local. The checkpoint and a token are written before the task's handler
 *   runs, a decision before it is handed to the execution. `recover()` starts every execution
 *   that was running again at its checkpoint: a wait keeps its token and its deadline (one that
 *   passed while the platform was down fires at once), a decision accepted just before the
 *   crash is delivered, any other task runs again (at least once, as Lambda tasks are in the
 *   cloud). `stop()` aborts the executions of this process only: the stored ones stay running
 *   and are resumed by the next start. Without a store (unit tests) executions live in memory.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { workflows as registry } from '../../../functions/workflows/index.js';
import {
  checkExecutionName,
  installLocalWorkflowClient,
  sameJson,
  taskClosed,
  toPayload,
  type ExecutionDescription,
  type ExecutionStatus,
  type StartedExecution,
  type WorkflowClient,
} from '../../../shared/workflows/client.js';
import {
  allStates,
  isWaitForTaskToken,
  placeholderTaskId,
  WorkflowDefinitionError,
  type AslObject,
  type WorkflowDefinition,
} from '../../../shared/workflows/definition.js';
import { WorkflowExecutionExistsError, WorkflowExecutionNotFoundError, type TaskClosedReason } from '../../../shared/workflows/errors.js';
import { clone, isObject, localDefinition, resumedDefinition, taskTimeout } from './local-definition.js';
import type { Checkpoint, ExecutionStore, HistoryEvent, StoredExecution, StoredToken, TokenOutcome } from './store.js';
import { ACCOUNT, handlerLoader, LambdaError, lambdaContext, TaskFailure, TOKEN_SENTINEL, withToken } from './tasks.js';
import { MAX_TIMER_SECONDS, RunnerStoppedError, sleep, unrefNextTimer, unrefTimersCreatedBy } from './timers.js';

export type { HistoryEvent } from './store.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Closed executions kept for GET /local/workflows before the oldest are forgotten. */
const MAX_CLOSED_EXECUTIONS = 2_000;

export interface WaitingTask {
  readonly state: string;
  readonly since: string;
  readonly timesOutAt: string;
}

export interface LocalExecution extends ExecutionDescription {
  readonly workflow: string;
  readonly history: readonly HistoryEvent[];
  /** Tasks waiting for sendTaskSuccess/sendTaskFailure (the tokens are not shown). */
  readonly waiting: readonly WaitingTask[];
}

export interface LocalWorkflowRunnerOptions {
  /** @default the registry, functions/workflows/index.ts */
  readonly workflows?: readonly WorkflowDefinition[];
  /** Multiplies every timeout and wait. @default LOCAL_WORKFLOW_TIME_SCALE, else 1 */
  readonly timeScale?: number;
  /** Route `workflowClient()` (local mode) to this runner. @default true */
  readonly install?: boolean;
  /** Repository root the task entries are relative to. @default this repository */
  readonly root?: string;
  /** Keep executions here, so that `recover()` resumes them after a restart. @default - memory only */
  readonly store?: ExecutionStore;
}

export interface LocalWorkflowRunner extends WorkflowClient {
  readonly timeScale: number;
  readonly workflows: readonly string[];
  /** Loads the stored executions and resumes the running ones; the client calls wait for it. */
  recover(): Promise<{ resumed: number; closed: number }>;
  /** Every execution kept, newest first, without history. */
  list(): Omit<LocalExecution, 'history' | 'input' | 'output'>[];
  execution(executionId: string): LocalExecution;
  /** Resolves once `predicate` holds (checked on every change); rejects if the execution closes first. */
  until(executionId: string, predicate: (execution: LocalExecution) => boolean, what?: string): Promise<LocalExecution>;
  /** Resolves once a task of `state` waits for its token (its handler has returned). */
  waitingAt(executionId: string, state: string): Promise<LocalExecution>;
  /** Resolves once the execution has closed and its history is complete. */
  settled(executionId: string): Promise<LocalExecution>;
  /** Aborts every running execution of this process; their tokens are refused afterwards (stored ones stay running). */
  stop(): Promise<void>;
}

interface PendingTask {
  readonly token: string;
  readonly execution: Execution;
  readonly state: string;
  readonly since: number;
  readonly deadline: number;
  handlerReturned: boolean;
  readonly decided: Promise<unknown>;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

/** What a resumed execution's first task picks up instead of starting afresh. */
interface ResumePoint {
  readonly state: string;
  /** The open token of the wait, re-registered before anything could decide it. */
  readonly task?: PendingTask;
  /** The decision that closed the token before the crash. */
  readonly outcome?: TokenOutcome;
  /** The wait had timed out: its (resumed) timeout fires at once. */
  readonly timedOut?: boolean;
  readonly waitUntil?: number;
}

interface Execution {
  readonly id: string;
  readonly name: string;
  readonly workflow: string;
  readonly input: unknown;
  readonly startedAt: string;
  readonly history: HistoryEvent[];
  readonly pending: Set<PendingTask>;
  readonly controller: AbortController;
  status: ExecutionStatus;
  stoppedAt?: string;
  output?: unknown;
  error?: string;
  cause?: string;
  /** History fully consumed and status final. */
  settled: boolean;
  readonly watchers: Set<() => void>;
  abort?: () => void;
  checkpoint?: Checkpoint;
  /** Started again after a restart: the library's ExecutionStarted is not recorded twice. */
  resumed: boolean;
  /** The resumed run's first StateEntered re-enters the checkpoint: it keeps its token or deadline. */
  reentering: boolean;
  resume?: ResumePoint;
  /** Next history sequence number. */
  seq: number;
  /** Writes to the store, in order. */
  writes: Promise<void>;
}

interface LoadedWorkflow {
  readonly definition: WorkflowDefinition;
  readonly local: StateMachineDefinition;
  readonly machine: StateMachine;
  /** Original state types (Wait states run as tasks). */
  readonly stateTypes: ReadonlyMap<string, string>;
  /** Names of the top-level states: the ones an execution can be resumed at. */
  readonly topLevel: ReadonlySet<string>;
  readonly states: readonly { name: string; state: AslObject; localTimeout?: number }[];
}

const runnerKey = Symbol.for('tatawwu.localWorkflowRunner');
const runnerHolder = globalThis as unknown as Record<symbol, LocalWorkflowRunner | undefined>;

/** The runner the local platform (or a test) installed. */
export const localWorkflowRunner = (): LocalWorkflowRunner => {
  const runner = runnerHolder[runnerKey];
  if (!runner) throw new Error('no local workflow runner is running: start the local platform or call createLocalWorkflowRunner()');
  return runner;
};

const timeScaleFromEnv = (): number => {
  const raw = process.env.LOCAL_WORKFLOW_TIME_SCALE;
  if (raw === undefined || raw === '') return 1;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`LOCAL_WORKFLOW_TIME_SCALE must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
};

const loadWorkflow = (definition: WorkflowDefinition, timeScale: number): LoadedWorkflow => {
  try {
    // Validates the original document (JSONPaths included) with the library's ASL validator.
    new StateMachine(definition.asl as unknown as StateMachineDefinition, { validationOptions: { checkArn: false } });
  } catch (error) {
    throw new WorkflowDefinitionError(definition.name, [(error as Error).message]);
  }
  const refs = allStates(definition.asl);
  const local = localDefinition(definition.asl, timeScale);
  return {
    definition,
    local,
    machine: new StateMachine(local, { validationOptions: { noValidate: true } }),
    stateTypes: new Map(refs.map((r) => [r.name, String(r.state.Type)])),
    topLevel: new Set(Object.keys((definition.asl.States as AslObject | undefined) ?? {})),
    states: refs.map((r) => ({ name: r.name, state: r.state, ...(r.state.Type === 'Task' && { localTimeout: taskTimeout(r.state, timeScale) }) })),
  };
};

/** Runs `work` over `items`, `limit` at a time. */
const inBatches = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  for (let i = 0; i < items.length; i += limit) await Promise.all(items.slice(i, i + limit).map(work));
};

export const createLocalWorkflowRunner = (options: LocalWorkflowRunnerOptions = {}): LocalWorkflowRunner => {
  const timeScale = options.timeScale ?? timeScaleFromEnv();
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const region = process.env.AWS_REGION ?? 'me-central-1';
  const store = options.store;
  const load = handlerLoader(options.root ?? ROOT);

  const loaded = new Map<string, LoadedWorkflow>();
  for (const definition of options.workflows ?? registry) {
    if (loaded.has(definition.name)) throw new Error(`workflow ${JSON.stringify(definition.name)} is registered twice`);
    loaded.set(definition.name, loadWorkflow(definition, timeScale));
  }

  const executions = new Map<string, Execution>();
  const byName = new Map<string, Execution>();
  /** Open tokens → their task; closed tokens → why, so a late call gets the cloud's answer. */
  const tokens = new Map<string, PendingTask | TaskClosedReason>();
  /** Set by stop(): from then on nothing is written, so the stored executions stay as they were. */
  let detached = false;
  let ready: Promise<unknown> = Promise.resolve();

  // ---- persistence ---------------------------------------------------------------------------

  const persist = (execution: Execution, write: (s: ExecutionStore) => Promise<void>) => {
    if (!store || detached) return;
    execution.writes = execution.writes
      .then(() => write(store))
      .catch((error: unknown) => console.error(`[workflows] could not store execution ${execution.name}`, error));
  };

  const stored = (e: Execution): StoredExecution => ({
    id: e.id,
    name: e.name,
    workflow: e.workflow,
    input: e.input,
    startedAt: e.startedAt,
    status: e.status,
    ...(e.stoppedAt && { stoppedAt: e.stoppedAt }),
    ...(e.output !== undefined && { output: e.output }),
    ...(e.error !== undefined && { error: e.error }),
    ...(e.cause !== undefined && { cause: e.cause }),
    ...(e.checkpoint && { checkpoint: e.checkpoint }),
  });

  const storeExecution = (e: Execution) => persist(e, (s) => s.putExecution(stored(e)));

  const storeToken = (task: PendingTask, status: StoredToken['status'], outcome?: TokenOutcome) =>
    persist(task.execution, (s) =>
      s.putToken({
        token: task.token,
        executionId: task.execution.id,
        state: task.state,
        since: task.since,
        deadline: task.deadline,
        handlerReturned: task.handlerReturned,
        status,
        ...(outcome && { outcome }),
      }),
    );

  const appendHistory = (execution: Execution, entry: HistoryEvent) => {
    execution.history.push(entry);
    const seq = execution.seq++;
    persist(execution, (s) => s.appendHistory(execution.id, seq, entry));
  };

  // ---- executions ----------------------------------------------------------------------------

  const changed = (execution: Execution) => {
    for (const watcher of [...execution.watchers]) watcher();
  };

  const closeToken = (task: PendingTask, reason: TaskClosedReason, outcome?: TokenOutcome) => {
    if (tokens.get(task.token) !== task) return;
    tokens.set(task.token, reason);
    task.execution.pending.delete(task);
    storeToken(task, reason, outcome);
    changed(task.execution);
  };

  const pendingTask = (execution: Execution, state: string, token: string, since: number, deadline: number, handlerReturned: boolean): PendingTask => {
    let settle!: Pick<PendingTask, 'resolve' | 'reject'>;
    const decided = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }));
    // Whoever ends up awaiting it sees the rejection; a task closed before anyone awaits it is no error.
    decided.catch(() => undefined);
    const task: PendingTask = { token, execution, state, since, deadline, handlerReturned, decided, ...settle };
    tokens.set(token, task);
    execution.pending.add(task);
    return task;
  };

  const newExecution = (fields: Pick<Execution, 'id' | 'name' | 'workflow' | 'input' | 'startedAt'> & Partial<Execution>): Execution => ({
    history: [],
    pending: new Set(),
    controller: new AbortController(),
    status: 'RUNNING',
    settled: false,
    watchers: new Set(),
    resumed: false,
    reentering: false,
    seq: 0,
    writes: Promise.resolve(),
    ...fields,
  });

  const view = (e: Execution): LocalExecution => ({
    executionId: e.id,
    name: e.name,
    workflow: e.workflow,
    status: e.status,
    startedAt: e.startedAt,
    ...(e.stoppedAt && { stoppedAt: e.stoppedAt }),
    input: clone(e.input),
    ...(e.status === 'SUCCEEDED' && { output: clone(e.output) }),
    ...(e.error !== undefined && { error: e.error }),
    ...(e.cause !== undefined && { cause: e.cause }),
    waiting: [...e.pending]
      .filter((t) => t.handlerReturned)
      .map((t) => ({ state: t.state, since: new Date(t.since).toISOString(), timesOutAt: new Date(t.deadline).toISOString() })),
    history: e.history.map((h) => ({ ...h })),
  });

  const find = (executionId: string): Execution => {
    const execution = executions.get(executionId);
    if (!execution) throw new WorkflowExecutionNotFoundError(`no workflow execution ${JSON.stringify(executionId)}`);
    return execution;
  };

  const register = (execution: Execution) => {
    executions.set(execution.id, execution);
    byName.set(`${execution.workflow}:${execution.name}`, execution);
  };

  const forgetOldest = () => {
    const closed = [...executions.values()].filter((e) => e.settled);
    for (const e of closed.slice(0, Math.max(0, closed.length - MAX_CLOSED_EXECUTIONS))) {
      executions.delete(e.id);
      byName.delete(`${e.workflow}:${e.name}`);
    }
  };

  /** Resolves once the execution's checkpoint is at `state` and stored (at once without a store). */
  const checkpointed = (execution: Execution, state: string): Promise<void> => {
    if (!store) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const check = () => {
        if (execution.checkpoint?.state !== state && execution.status === 'RUNNING') return;
        execution.watchers.delete(check);
        resolve();
      };
      execution.watchers.add(check);
      check();
    }).then(() => execution.writes);
  };

  /** The resume point, if `state` is the one the execution was resumed at (taken once). */
  const takeResume = (execution: Execution, state: string): ResumePoint | undefined => {
    const resume = execution.resume;
    execution.resume = undefined;
    return resume?.state === state ? resume : undefined;
  };

  const setCheckpoint = (execution: Execution, extra: Partial<Checkpoint>) => {
    if (!execution.checkpoint) return;
    execution.checkpoint = { ...execution.checkpoint, ...extra };
    storeExecution(execution);
  };

  /** The task overrides of one execution, keyed by state name as the library wants. */
  const overridesFor = (execution: Execution, workflow: LoadedWorkflow) => {
    const { definition } = workflow;
    const invoke = async (taskId: string, payload: unknown): Promise<unknown> => {
      const binding = definition.tasks[taskId]!;
      const handler = await load(binding.entry);
      try {
        const result = await handler(clone(payload), lambdaContext(definition.name, taskId, binding));
        return result === undefined ? null : clone(result);
      } catch (error) {
        throw new LambdaError(error);
      }
    };
    // The library arms its task timer right after the override returns; unref it, and start the
    // real work on the next microtask so that no other timer is created before it. A top-level
    // state's work starts once its checkpoint is stored, so a crash during it resumes there.
    const deferred =
      (name: string, work: (input: unknown) => Promise<unknown>) =>
      (input: unknown): Promise<never> => {
        unrefNextTimer();
        const topLevel = workflow.topLevel.has(name);
        return Promise.resolve()
          .then(() => (topLevel ? checkpointed(execution, name) : undefined))
          .then(() => work(input)) as Promise<never>;
      };

    const handlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const { name, state, localTimeout } of workflow.states) {
      const topLevel = workflow.topLevel.has(name);
      if (state.Type === 'Wait') {
        handlers[name] = deferred(name, async (input) => {
          const { input: passed, seconds, timestamp } = input as { input: unknown; seconds?: number; timestamp?: string };
          const resumed = topLevel ? takeResume(execution, name) : undefined;
          const ms = seconds !== undefined ? seconds * 1000 : Date.parse(String(timestamp)) - Date.now();
          const until = resumed?.waitUntil ?? Date.now() + ms * timeScale;
          if (topLevel) setCheckpoint(execution, { waitUntil: until });
          await sleep(until - Date.now(), execution.controller.signal);
          return passed;
        });
        continue;
      }
      if (state.Type !== 'Task') continue;
      const direct = placeholderTaskId(state.Resource);
      if (direct) {
        handlers[name] = deferred(name, (input) => {
          if (topLevel) takeResume(execution, name);
          return invoke(direct, input);
        });
        continue;
      }
      const taskId = placeholderTaskId((state.Parameters as AslObject | undefined)?.FunctionName);
      if (!taskId) continue;
      if (!isWaitForTaskToken(state)) {
        handlers[name] = deferred(name, async (input) => {
          if (topLevel) takeResume(execution, name);
          const payload = await invoke(taskId, (input as AslObject).Payload);
          return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
        });
        continue;
      }
      handlers[name] = deferred(name, async (input) => {
        const resumed = topLevel ? takeResume(execution, name) : undefined;
        if (resumed?.outcome) {
          // Decided just before the restart: deliver that decision.
          if ('output' in resumed.outcome) return resumed.outcome.output;
          throw new TaskFailure(resumed.outcome.error, resumed.outcome.cause);
        }
        // Timed out before the restart: the resumed state's timeout (1 ms) raises States.Timeout.
        if (resumed?.timedOut) return new Promise<never>(() => undefined);
        let task = resumed?.task;
        if (task?.handlerReturned) return task.decided;
        if (!task) {
          const since = Date.now();
          task = pendingTask(execution, name, randomBytes(48).toString('base64url'), since, since + (localTimeout ?? MAX_TIMER_SECONDS) * 1000, false);
        }
        const current = task;
        if (topLevel) setCheckpoint(execution, { token: current.token });
        storeToken(current, 'open');
        // The token is stored before the handler hands it out (to a record, an email…).
        await execution.writes;
        const parameters = withToken(input, current.token) as AslObject;
        const invoked = invoke(taskId, parameters.Payload).then(
          () => {
            current.handlerReturned = true;
            if (tokens.get(current.token) === current) storeToken(current, 'open');
            changed(execution);
            return current.decided;
          },
          (error: unknown) => {
            closeToken(current, 'completed');
            throw error;
          },
        );
        return Promise.race([current.decided, invoked]);
      });
    }
    return handlers;
  };

  const record = (execution: Execution, workflow: LoadedWorkflow, event: Record<string, unknown>) => {
    // A resumed run starts the library afresh: its ExecutionStarted is not the execution's.
    if (execution.resumed && event.type === 'ExecutionStarted') return;
    const state = event.state as { name: string; input?: unknown; output?: unknown } | undefined;
    const at = new Date(typeof event.timestamp === 'number' ? event.timestamp : Date.now()).toISOString();
    const type = event.type === 'ExecutionTimeout' ? 'ExecutionTimedOut' : String(event.type);
    const entry: HistoryEvent = {
      at,
      type,
      ...(state && { state: state.name, stateType: workflow.stateTypes.get(state.name) ?? '' }),
      ...(type === 'ExecutionStarted' && { input: event.input }),
      ...(type === 'StateEntered' && { input: state?.input }),
      ...(type === 'StateExited' && { output: state?.output }),
      ...(type === 'ExecutionSucceeded' && { output: event.output }),
      ...(typeof event.Error === 'string' && { error: event.Error, cause: event.Cause instanceof Error ? event.Cause.message : event.Cause }),
      ...(isObject(event.retry) && { attempt: Number(event.retry.attempt) }),
      ...(isObject(event.catch) && isObject(event.catch.catcher) && { next: String(event.catch.catcher.Next) }),
      ...(isObject(event.parentState) && { state: String(event.parentState.name), stateType: String(event.parentState.type) }),
    };
    appendHistory(execution, entry);
    const topLevel = state !== undefined && event.index === undefined && !isObject(event.parentState) && workflow.topLevel.has(state.name);
    if (type === 'StateEntered' && topLevel && execution.reentering) {
      execution.reentering = false;
    } else if (type === 'StateEntered' && topLevel) {
      execution.checkpoint = { state: state.name, input: clone(state.input) ?? null, enteredAt: at };
      storeExecution(execution);
    }
    // The library's own timer ended the wait: the token now answers "timed out", as in the cloud.
    if (type === 'StateFailed' && entry.error === 'States.Timeout') {
      for (const task of [...execution.pending]) if (task.state === entry.state) closeToken(task, 'timed-out');
    }
    changed(execution);
  };

  const close = (execution: Execution, outcome: Partial<Pick<Execution, 'status' | 'output' | 'error' | 'cause'>>) => {
    if (execution.status !== 'RUNNING') return;
    Object.assign(execution, outcome, { stoppedAt: new Date().toISOString() });
    // A task still waiting (e.g. in a Parallel branch) ends with its execution: its token is
    // refused from now on, and the library's await on it settles (which clears its timer).
    for (const task of [...execution.pending]) {
      closeToken(task, 'completed');
      task.reject(new RunnerStoppedError('execution closed'));
    }
    storeExecution(execution);
    changed(execution);
  };

  const stateMachineArn = (workflow: string) => `arn:aws:states:${region}:${ACCOUNT}:stateMachine:${workflow}`;

  const launch = (execution: Execution, workflow: LoadedWorkflow, machine: StateMachine, input: unknown) => {
    const run = unrefTimersCreatedBy(() =>
      machine.run(input as never, {
        overrides: { taskResourceLocalHandlers: overridesFor(execution, workflow) },
        context: {
          Execution: { Id: execution.id, Name: execution.name, RoleArn: `arn:aws:iam::${ACCOUNT}:role/local-workflows`, RedriveCount: 0 },
          StateMachine: { Id: stateMachineArn(workflow.definition.name), Name: workflow.definition.name },
          Task: { Token: TOKEN_SENTINEL },
        },
      }),
    );
    execution.abort = run.abort;
    const outcome = run.result.then(
      (output) => close(execution, { status: 'SUCCEEDED', output }),
      (error: unknown) => {
        if (error instanceof ExecutionTimeoutError) return close(execution, { status: 'TIMED_OUT', error: 'States.Timeout' });
        if (error instanceof ExecutionAbortedError) return close(execution, { status: 'ABORTED' });
        const cause = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : (error as Error);
        close(execution, { status: 'FAILED', error: cause.name, cause: cause.message });
      },
    );
    const consumed = (async () => {
      for await (const event of run.eventLogs) record(execution, workflow, event as unknown as Record<string, unknown>);
    })();
    void Promise.allSettled([outcome, consumed]).then(() => {
      execution.settled = true;
      changed(execution);
      forgetOldest();
    });
  };

  /** Starts a stored running execution again at its checkpoint. */
  const resume = async (execution: Execution, workflow: LoadedWorkflow, checkpoint: Checkpoint | undefined) => {
    execution.resumed = true;
    appendHistory(execution, { at: new Date().toISOString(), type: 'ExecutionResumed', ...(checkpoint && { state: checkpoint.state }) });
    // Nothing stored beyond the start: run it from the beginning.
    if (!checkpoint || !workflow.topLevel.has(checkpoint.state)) return launch(execution, workflow, workflow.machine, execution.input);
    const now = Date.now();
    let resumePoint: ResumePoint = { state: checkpoint.state, ...(checkpoint.waitUntil !== undefined && { waitUntil: checkpoint.waitUntil }) };
    let stateSeconds: number | undefined;
    const token = checkpoint.token === undefined ? undefined : await store!.getToken(checkpoint.token);
    if (token?.status === 'open') {
      const task = pendingTask(execution, token.state, token.token, token.since, token.deadline, token.handlerReturned);
      resumePoint = { ...resumePoint, task };
      stateSeconds = (token.deadline - now) / 1000;
    } else if (token?.status === 'completed' && token.outcome) {
      tokens.set(token.token, 'completed');
      resumePoint = { ...resumePoint, outcome: token.outcome };
    } else if (token?.status === 'timed-out') {
      tokens.set(token.token, 'timed-out');
      resumePoint = { ...resumePoint, timedOut: true };
      stateSeconds = 0;
    }
    // (No token stored, or closed without a decision: the state runs again with a new token.)
    execution.resume = resumePoint;
    execution.reentering = true;
    const timeout = (workflow.local as unknown as AslObject).TimeoutSeconds;
    const executionSeconds = typeof timeout === 'number' ? (Date.parse(execution.startedAt) + timeout * 1000 - now) / 1000 : undefined;
    const machine = new StateMachine(
      resumedDefinition(workflow.local, checkpoint.state, {
        ...(stateSeconds !== undefined && { stateSeconds }),
        ...(executionSeconds !== undefined && { executionSeconds }),
      }),
      { validationOptions: { noValidate: true } },
    );
    launch(execution, workflow, machine, checkpoint.input);
  };

  const recover = async (): Promise<{ resumed: number; closed: number }> => {
    if (!store) return { resumed: 0, closed: 0 };
    const all = (await store.executions()).filter((e) => loaded.has(e.workflow) && !executions.has(e.id));
    const running = all.filter((e) => e.status === 'RUNNING');
    const closed = all
      .filter((e) => e.status !== 'RUNNING')
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .slice(-MAX_CLOSED_EXECUTIONS);
    const restored = new Map<string, { execution: Execution; checkpoint?: Checkpoint }>();
    await inBatches([...closed, ...running], 16, async (e) => {
      const history = await store.history(e.id);
      const { checkpoint, ...fields } = e;
      const execution = newExecution({ ...fields, history, seq: history.length, settled: e.status !== 'RUNNING' });
      restored.set(e.id, { execution, ...(checkpoint && { checkpoint }) });
    });
    for (const e of [...closed, ...running]) register(restored.get(e.id)!.execution);
    for (const e of running) {
      const { execution, checkpoint } = restored.get(e.id)!;
      if (checkpoint) execution.checkpoint = checkpoint;
      await resume(execution, loaded.get(e.workflow)!, checkpoint);
    }
    return { resumed: running.length, closed: closed.length };
  };

  const until = (executionId: string, predicate: (e: LocalExecution) => boolean, what = 'the expected state'): Promise<LocalExecution> => {
    const execution = find(executionId);
    return new Promise((resolvePromise, reject) => {
      // Whoever awaits an execution wants the process to live until it answers (the runner's
      // own timers are unref'd); this handle never fires in practice.
      const keepAlive = setInterval(() => undefined, MAX_TIMER_SECONDS * 1000);
      const check = () => {
        const current = view(execution);
        if (predicate(current)) {
          execution.watchers.delete(check);
          clearInterval(keepAlive);
          resolvePromise(current);
        } else if (execution.settled) {
          execution.watchers.delete(check);
          clearInterval(keepAlive);
          const last = current.history.at(-1);
          reject(new Error(`execution ${execution.name} closed (${current.status}${current.error ? ` ${current.error}` : ''}, last event ${last?.type ?? 'none'} ${last?.state ?? ''}) before ${what}`));
        }
      };
      execution.watchers.add(check);
      check();
    });
  };

  const resolveToken = async (token: string): Promise<PendingTask> => {
    await ready;
    let entry = tokens.get(token);
    if (entry === undefined && store) {
      // Not seen by this process: a token of an execution that ended before the restart, or never issued.
      const known = await store.getToken(token);
      entry = tokens.get(token) ?? (known === undefined ? undefined : known.status === 'open' ? 'completed' : known.status);
    }
    if (entry === undefined) throw taskClosed('invalid-token');
    if (typeof entry === 'string') throw taskClosed(entry);
    if (Date.now() >= entry.deadline) {
      closeToken(entry, 'timed-out');
      throw taskClosed('timed-out');
    }
    return entry;
  };

  /** Closes the token with the decision, stores it, then hands it to the execution. */
  const decide = async (task: PendingTask, outcome: TokenOutcome) => {
    closeToken(task, 'completed', outcome);
    await task.execution.writes;
    if ('output' in outcome) task.resolve(outcome.output);
    else task.reject(new TaskFailure(outcome.error, outcome.cause));
  };

  const runner: LocalWorkflowRunner = {
    timeScale,
    workflows: [...loaded.keys()],
    recover() {
      const recovering = recover();
      ready = recovering.catch(() => undefined);
      return recovering;
    },
    async start(workflowName, input, startOptions = {}): Promise<StartedExecution> {
      await ready;
      const workflow = loaded.get(workflowName);
      if (!workflow) throw new Error(`unknown workflow ${JSON.stringify(workflowName)}; known: ${[...loaded.keys()].join(', ') || 'none'}`);
      if (startOptions.executionName !== undefined) checkExecutionName(startOptions.executionName);
      const body = JSON.parse(toPayload(input, 'workflow input')) as unknown;
      const name = startOptions.executionName ?? randomUUID();
      // No await before the execution is registered: two concurrent starts cannot both create it.
      const existing = byName.get(`${workflowName}:${name}`);
      if (existing) {
        if (!sameJson(existing.input, body)) {
          throw new WorkflowExecutionExistsError(`an execution named ${JSON.stringify(name)} of ${workflowName} already exists with a different input`);
        }
        await existing.writes;
        return { executionId: existing.id, startedAt: existing.startedAt };
      }
      const execution = newExecution({
        id: `arn:aws:states:${region}:${ACCOUNT}:execution:${workflowName}:${name}`,
        name,
        workflow: workflowName,
        input: body,
        startedAt: new Date().toISOString(),
      });
      register(execution);
      storeExecution(execution);
      launch(execution, workflow, workflow.machine, execution.input);
      // Like StartExecution, the start is durable once it returns.
      await execution.writes;
      return { executionId: execution.id, startedAt: execution.startedAt };
    },
    async sendTaskSuccess(token, output) {
      const task = await resolveToken(token);
      await decide(task, { output: JSON.parse(toPayload(output, 'task output')) as unknown });
    },
    async sendTaskFailure(token, error, cause) {
      const task = await resolveToken(token);
      await decide(task, { error, ...(cause !== undefined && { cause }) });
    },
    async describe(executionId) {
      await ready;
      const { history: _history, waiting: _waiting, workflow: _workflow, ...description } = view(find(executionId));
      return description;
    },
    list() {
      return [...executions.values()].reverse().map((e) => {
        const { history: _h, input: _i, output: _o, ...summary } = view(e);
        return summary;
      });
    },
    execution: (executionId) => view(find(executionId)),
    until,
    waitingAt: (executionId, state) =>
      until(executionId, (e) => e.waiting.some((w) => w.state === state), `waiting at ${state}`),
    settled: (executionId) => until(executionId, () => find(executionId).settled, 'settling'),
    async stop() {
      // What is stored stays as it is (running): the next start resumes it.
      detached = true;
      const running = [...executions.values()].filter((e) => e.status === 'RUNNING');
      for (const execution of running) {
        // Abort the library's run first: a Catch that matches the errors below must not move on.
        execution.abort?.();
        execution.controller.abort();
        close(execution, { status: 'ABORTED' });
      }
      await Promise.all([...executions.values()].map((e) => e.writes));
      uninstall();
      if (runnerHolder[runnerKey] === runner) runnerHolder[runnerKey] = undefined;
      await Promise.all(running.map((e) => until(e.id, () => e.settled, 'stopping').catch(() => undefined)));
    },
  };

  const uninstall = options.install === false ? () => undefined : installLocalWorkflowClient(runner);
  if (options.install !== false) runnerHolder[runnerKey] = runner;
  return runner;
};
