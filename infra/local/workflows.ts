/**
 * The local workflow runner: runs the very definitions the CDK deploys
 * (functions/workflows/index.ts) with aws-local-stepfunctions, and serves
 * `GET /local/workflows` and `GET /local/workflows/{executionId}`.
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
 * - Time: TimeoutSeconds, HeartbeatSeconds, Wait states and Retry intervals are multiplied
 *   by `timeScale` (option, or LOCAL_WORKFLOW_TIME_SCALE), so a 7-day timeout can take 0.6 s in
 *   a test. Wait states run as runner-owned tasks, so every form (Seconds, SecondsPath,
 *   Timestamp, TimestampPath) is scaled.
 * - Waiting never blocks: a waiting execution is a pending promise; its timers are unref'd
 *   (including the library's own task timer, see `unrefTimers`), so a process with a
 *   week-long wait still exits when its work is done. Node timers stop at 24.8 days, so a
 *   longer timeout is shortened to that locally.
 *
 * Executions live in memory only: a restarted local platform forgets them, and a decision
 * sent for a token of a previous run is refused as never issued.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { workflows as registry } from '../../functions/workflows/index.js';
import {
  allStates,
  isWaitForTaskToken,
  placeholderTaskId,
  WorkflowDefinitionError,
  type AslObject,
  type TaskBinding,
  type WorkflowDefinition,
} from '../../shared/workflows/definition.js';
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
} from '../../shared/workflows/client.js';
import { WorkflowExecutionExistsError, WorkflowExecutionNotFoundError, type TaskClosedReason } from '../../shared/workflows/errors.js';
import type { LocalExtension } from './platform.js';
import type { LocalRoute } from './gateway.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ACCOUNT = '000000000000';
/** setTimeout's ceiling (2^31-1 ms): a longer delay would fire at once. */
const MAX_TIMER_SECONDS = 2_147_483;
/** Closed executions kept for GET /local/workflows before the oldest are forgotten. */
const MAX_CLOSED_EXECUTIONS = 2_000;
/** Stands for `$$.Task.Token` in the context object until the runner mints the real token. */
const TOKEN_SENTINEL = '@@tatawwu-local-task-token@@';
const WAIT_RESOURCE = 'arn:aws:states:::local:wait';

export interface HistoryEvent {
  readonly at: string;
  /** ExecutionStarted, StateEntered, StateExited, StateFailed, StateRetried, StateCaught, ExecutionSucceeded, ExecutionFailed, ExecutionAborted, ExecutionTimedOut (and Map/Parallel events). */
  readonly type: string;
  readonly state?: string;
  readonly stateType?: string;
  readonly input?: unknown;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: unknown;
  /** StateRetried: the attempt number. StateCaught: the catcher's Next. */
  readonly attempt?: number;
  readonly next?: string;
}

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
}

export interface LocalWorkflowRunner extends WorkflowClient {
  readonly timeScale: number;
  readonly workflows: readonly string[];
  /** Every execution kept, newest first, without history. */
  list(): Omit<LocalExecution, 'history' | 'input' | 'output'>[];
  execution(executionId: string): LocalExecution;
  /** Resolves once `predicate` holds (checked on every change); rejects if the execution closes first. */
  until(executionId: string, predicate: (execution: LocalExecution) => boolean, what?: string): Promise<LocalExecution>;
  /** Resolves once a task of `state` waits for its token (its handler has returned). */
  waitingAt(executionId: string, state: string): Promise<LocalExecution>;
  /** Resolves once the execution has closed and its history is complete. */
  settled(executionId: string): Promise<LocalExecution>;
  /** Aborts every running execution; their tokens are refused afterwards. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Timers
// ---------------------------------------------------------------------------------------------

type SetTimeout = typeof setTimeout;
const unrefing =
  (create: SetTimeout): SetTimeout =>
  ((...args: Parameters<SetTimeout>) => {
    const timer = create(...args);
    (timer as { unref?: () => void } | undefined)?.unref?.();
    return timer;
  }) as SetTimeout;

/**
 * aws-local-stepfunctions arms a plain setTimeout for every Task (its TimeoutSeconds) and for
 * the execution's TimeoutSeconds, and gives no way to unref it: a week-long wait would keep
 * the process alive for a week. Both timers are created synchronously, the first inside
 * `run()`, the others right after the task override returns (same tick), so the runner unrefs
 * the timers created inside `run()` and the next timer created after each override call.
 */
const unrefTimersCreatedBy = <T>(fn: () => T): T => {
  const original = globalThis.setTimeout;
  globalThis.setTimeout = unrefing(original);
  try {
    return fn();
  } finally {
    globalThis.setTimeout = original;
  }
};

const unrefNextTimer = (): void => {
  const previous = globalThis.setTimeout;
  const oneShot = ((...args: Parameters<SetTimeout>) => {
    globalThis.setTimeout = previous;
    return unrefing(previous)(...args);
  }) as SetTimeout;
  globalThis.setTimeout = oneShot;
  // Should the library stop creating that timer, put setTimeout back before anything else runs.
  queueMicrotask(() => {
    if (globalThis.setTimeout === oneShot) globalThis.setTimeout = previous;
  });
};

class RunnerStoppedError extends Error {
  override readonly name = 'LocalRunner.Stopped';
}

/** Unref'd, abortable, longer than setTimeout's ceiling if need be. */
const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolvePromise, reject) => {
    if (signal.aborted) return reject(new RunnerStoppedError('execution aborted'));
    let timer: NodeJS.Timeout;
    const step = (remaining: number) => {
      timer = setTimeout(() => (remaining > MAX_TIMER_SECONDS * 1000 ? step(remaining - MAX_TIMER_SECONDS * 1000) : done()), Math.min(remaining, MAX_TIMER_SECONDS * 1000));
      timer.unref();
    };
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunnerStoppedError('execution aborted'));
    };
    const done = () => {
      signal.removeEventListener('abort', onAbort);
      resolvePromise();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    step(Math.max(0, ms));
  });

// ---------------------------------------------------------------------------------------------
// The local copy of a definition
// ---------------------------------------------------------------------------------------------

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const isObject = (value: unknown): value is AslObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const scaled = (seconds: number, timeScale: number): number => Math.min(Math.max(seconds * timeScale, 0.001), MAX_TIMER_SECONDS);

/** Local timeout of a task state, in seconds (already scaled), or undefined for none. */
const taskTimeout = (state: AslObject, timeScale: number): number | undefined => {
  const limits = [state.TimeoutSeconds, state.HeartbeatSeconds].filter((v): v is number => typeof v === 'number');
  return limits.length ? scaled(Math.min(...limits), timeScale) : undefined;
};

/**
 * The definition the library runs: timeouts and retry intervals scaled, HeartbeatSeconds
 * folded into the timeout (no heartbeats are sent locally), every task given an explicit
 * timeout (the library's default is 60 s, the cloud has none), Wait states turned into
 * runner-owned tasks (scaled, unref'd).
 */
const localDefinition = (asl: AslObject, timeScale: number): StateMachineDefinition => {
  const copy = clone(asl);
  if (typeof copy.TimeoutSeconds === 'number') copy.TimeoutSeconds = scaled(copy.TimeoutSeconds, timeScale);
  for (const { state } of allStates(copy)) {
    if (Array.isArray(state.Retry)) {
      for (const retrier of state.Retry.filter(isObject)) {
        retrier.IntervalSeconds = ((retrier.IntervalSeconds as number | undefined) ?? 1) * timeScale;
        if (typeof retrier.MaxDelaySeconds === 'number') retrier.MaxDelaySeconds *= timeScale;
      }
    }
    if (state.Type === 'Task') {
      state.TimeoutSeconds = taskTimeout(state, timeScale) ?? MAX_TIMER_SECONDS;
      delete state.HeartbeatSeconds;
    } else if (state.Type === 'Wait') {
      const { Seconds, SecondsPath, Timestamp, TimestampPath } = state;
      for (const key of ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']) delete state[key];
      Object.assign(state, {
        Type: 'Task',
        Resource: WAIT_RESOURCE,
        Parameters: {
          'input.$': '$',
          ...(Seconds !== undefined && { seconds: Seconds }),
          ...(SecondsPath !== undefined && { 'seconds.$': SecondsPath }),
          ...(Timestamp !== undefined && { timestamp: Timestamp }),
          ...(TimestampPath !== undefined && { 'timestamp.$': TimestampPath }),
        },
        TimeoutSeconds: MAX_TIMER_SECONDS,
      });
    }
  }
  return copy as unknown as StateMachineDefinition;
};

// ---------------------------------------------------------------------------------------------
// Task handlers
// ---------------------------------------------------------------------------------------------

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const lambdaContext = (workflow: string, taskId: string, binding: TaskBinding): Context => {
  const started = Date.now();
  const functionName = `local-${workflow}-${taskId}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: String(binding.memorySize ?? 256),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, (binding.timeout ?? 30) * 1000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

/** A handler's error as Step Functions sees it: `name` is the States error, Cause the JSON Lambda reports. */
class LambdaError extends Error {
  constructor(error: unknown) {
    const errorType = error instanceof Error && error.name ? error.name : 'Error';
    const errorMessage = error instanceof Error ? error.message : String(error);
    super(JSON.stringify({ errorType, errorMessage }));
    this.name = errorType;
  }
}

/** What SendTaskFailure makes of a task: error `error`, cause `cause`. */
class TaskFailure extends Error {
  constructor(error: string, cause: string | undefined) {
    super(cause ?? '');
    this.name = error;
  }
}

const withToken = (value: unknown, token: string): unknown => {
  if (typeof value === 'string') return value.split(TOKEN_SENTINEL).join(token);
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]));
  return value;
};

// ---------------------------------------------------------------------------------------------
// The runner
// ---------------------------------------------------------------------------------------------

interface PendingTask {
  readonly token: string;
  readonly execution: Execution;
  readonly state: string;
  readonly since: number;
  readonly deadline: number;
  handlerReturned: boolean;
  resolve(output: unknown): void;
  reject(error: Error): void;
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
}

interface LoadedWorkflow {
  readonly definition: WorkflowDefinition;
  readonly machine: StateMachine;
  /** Original state types (Wait states run as tasks). */
  readonly stateTypes: ReadonlyMap<string, string>;
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

export const createLocalWorkflowRunner = (options: LocalWorkflowRunnerOptions = {}): LocalWorkflowRunner => {
  const timeScale = options.timeScale ?? timeScaleFromEnv();
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const root = options.root ?? ROOT;
  const region = process.env.AWS_REGION ?? 'me-central-1';

  const loaded = new Map<string, LoadedWorkflow>();
  for (const definition of options.workflows ?? registry) {
    if (loaded.has(definition.name)) throw new Error(`workflow ${JSON.stringify(definition.name)} is registered twice`);
    try {
      // Validates the original document (JSONPaths included) with the library's ASL validator.
      new StateMachine(definition.asl as unknown as StateMachineDefinition, { validationOptions: { checkArn: false } });
    } catch (error) {
      throw new WorkflowDefinitionError(definition.name, [(error as Error).message]);
    }
    const refs = allStates(definition.asl);
    loaded.set(definition.name, {
      definition,
      machine: new StateMachine(localDefinition(definition.asl, timeScale), { validationOptions: { noValidate: true } }),
      stateTypes: new Map(refs.map((r) => [r.name, String(r.state.Type)])),
      states: refs.map((r) => ({ name: r.name, state: r.state, ...(r.state.Type === 'Task' && { localTimeout: taskTimeout(r.state, timeScale) }) })),
    });
  }

  const executions = new Map<string, Execution>();
  const byName = new Map<string, Execution>();
  /** Open tokens → their task; closed tokens → why, so a late call gets the cloud's answer. */
  const tokens = new Map<string, PendingTask | TaskClosedReason>();
  const modules = new Map<string, Promise<Handler>>();

  const load = (entry: string): Promise<Handler> => {
    let handler = modules.get(entry);
    if (!handler) {
      handler = import(pathToFileURL(resolve(root, entry)).href).then((m: { handler?: Handler }) => {
        if (typeof m.handler !== 'function') throw new Error(`${entry} does not export a handler`);
        return m.handler;
      });
      modules.set(entry, handler);
    }
    return handler;
  };

  const changed = (execution: Execution) => {
    for (const watcher of [...execution.watchers]) watcher();
  };

  const closeToken = (task: PendingTask, reason: TaskClosedReason) => {
    if (tokens.get(task.token) !== task) return;
    tokens.set(task.token, reason);
    task.execution.pending.delete(task);
    changed(task.execution);
  };

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

  const forgetOldest = () => {
    const closed = [...executions.values()].filter((e) => e.settled);
    for (const e of closed.slice(0, Math.max(0, closed.length - MAX_CLOSED_EXECUTIONS))) {
      executions.delete(e.id);
      byName.delete(`${e.workflow}:${e.name}`);
    }
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
    // real work on the next microtask so that no other timer is created before it.
    const deferred =
      (work: (input: unknown) => Promise<unknown>) =>
      (input: unknown): Promise<never> => {
        unrefNextTimer();
        return Promise.resolve().then(() => work(input)) as Promise<never>;
      };

    const handlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const { name, state, localTimeout } of workflow.states) {
      if (state.Type === 'Wait') {
        handlers[name] = deferred(async (input) => {
          const { input: passed, seconds, timestamp } = input as { input: unknown; seconds?: number; timestamp?: string };
          const ms = seconds !== undefined ? seconds * 1000 : Date.parse(String(timestamp)) - Date.now();
          await sleep(ms * timeScale, execution.controller.signal);
          return passed;
        });
        continue;
      }
      if (state.Type !== 'Task') continue;
      const direct = placeholderTaskId(state.Resource);
      if (direct) {
        handlers[name] = deferred((input) => invoke(direct, input));
        continue;
      }
      const taskId = placeholderTaskId((state.Parameters as AslObject | undefined)?.FunctionName);
      if (!taskId) continue;
      if (!isWaitForTaskToken(state)) {
        handlers[name] = deferred(async (input) => {
          const payload = await invoke(taskId, (input as AslObject).Payload);
          return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
        });
        continue;
      }
      handlers[name] = deferred((input) => {
        const token = randomBytes(48).toString('base64url');
        const since = Date.now();
        let task!: PendingTask;
        const decided = new Promise<unknown>((resolveTask, rejectTask) => {
          task = {
            token,
            execution,
            state: name,
            since,
            deadline: since + (localTimeout ?? MAX_TIMER_SECONDS) * 1000,
            handlerReturned: false,
            resolve: resolveTask,
            reject: rejectTask,
          };
        });
        tokens.set(token, task);
        execution.pending.add(task);
        const parameters = withToken(input, token) as AslObject;
        const invoked = invoke(taskId, parameters.Payload).then(
          () => {
            task.handlerReturned = true;
            changed(execution);
            return decided;
          },
          (error: unknown) => {
            closeToken(task, 'completed');
            throw error;
          },
        );
        return Promise.race([decided, invoked]);
      });
    }
    return handlers;
  };

  const record = (execution: Execution, workflow: LoadedWorkflow, event: Record<string, unknown>) => {
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
    execution.history.push(entry);
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
    changed(execution);
  };

  const launch = (execution: Execution, workflow: LoadedWorkflow) => {
    const run = unrefTimersCreatedBy(() =>
      workflow.machine.run(execution.input as never, {
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

  const stateMachineArn = (workflow: string) => `arn:aws:states:${region}:${ACCOUNT}:stateMachine:${workflow}`;

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

  const resolveToken = (token: string): PendingTask => {
    const entry = tokens.get(token);
    if (entry === undefined) throw taskClosed('invalid-token');
    if (typeof entry === 'string') throw taskClosed(entry);
    if (Date.now() >= entry.deadline) {
      closeToken(entry, 'timed-out');
      throw taskClosed('timed-out');
    }
    return entry;
  };

  const runner: LocalWorkflowRunner = {
    timeScale,
    workflows: [...loaded.keys()],
    async start(workflowName, input, startOptions = {}): Promise<StartedExecution> {
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
        return { executionId: existing.id, startedAt: existing.startedAt };
      }
      const execution: Execution = {
        id: `arn:aws:states:${region}:${ACCOUNT}:execution:${workflowName}:${name}`,
        name,
        workflow: workflowName,
        input: body,
        startedAt: new Date().toISOString(),
        history: [],
        pending: new Set(),
        controller: new AbortController(),
        status: 'RUNNING',
        settled: false,
        watchers: new Set(),
      };
      executions.set(execution.id, execution);
      byName.set(`${workflowName}:${name}`, execution);
      launch(execution, workflow);
      return { executionId: execution.id, startedAt: execution.startedAt };
    },
    async sendTaskSuccess(token, output) {
      const task = resolveToken(token);
      const result = JSON.parse(toPayload(output, 'task output')) as unknown;
      closeToken(task, 'completed');
      task.resolve(result);
    },
    async sendTaskFailure(token, error, cause) {
      const task = resolveToken(token);
      closeToken(task, 'completed');
      task.reject(new TaskFailure(error, cause));
    },
    async describe(executionId) {
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
      const running = [...executions.values()].filter((e) => e.status === 'RUNNING');
      for (const execution of running) {
        // Abort the library's run first: a Catch that matches the errors below must not move on.
        execution.abort?.();
        execution.controller.abort();
        close(execution, { status: 'ABORTED' });
      }
      uninstall();
      if (runnerHolder[runnerKey] === runner) runnerHolder[runnerKey] = undefined;
      await Promise.all(running.map((e) => until(e.id, () => e.settled, 'stopping').catch(() => undefined)));
    },
  };

  const uninstall = options.install === false ? () => undefined : installLocalWorkflowClient(runner);
  if (options.install !== false) runnerHolder[runnerKey] = runner;
  return runner;
};

// ---------------------------------------------------------------------------------------------
// The local platform's extension
// ---------------------------------------------------------------------------------------------

const json = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body, null, 2) });

export const workflowsRoutes = (runner: LocalWorkflowRunner): LocalRoute[] => [
  {
    method: 'GET',
    path: '/local/workflows',
    handle: async (request) => {
      const workflow = request.query.get('workflow');
      const status = request.query.get('status');
      const executions = runner
        .list()
        .filter((e) => (!workflow || e.workflow === workflow) && (!status || e.status === status))
        .map((e) => ({ ...e, href: `/local/workflows/${encodeURIComponent(e.executionId)}` }));
      return json(200, { timeScale: runner.timeScale, workflows: runner.workflows, executions });
    },
  },
  {
    method: 'GET',
    path: /^\/local\/workflows\/([^/]+)$/,
    handle: async (_request, match) => {
      const id = decodeURIComponent(match?.[1] ?? '');
      try {
        return json(200, runner.execution(id));
      } catch (error) {
        if (!(error instanceof WorkflowExecutionNotFoundError)) throw error;
        return {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
          body: JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: error.message }),
        };
      }
    },
  },
];

export const workflowsExtension: LocalExtension = {
  name: 'workflows',
  async start() {
    const runner = createLocalWorkflowRunner();
    const scale = runner.timeScale === 1 ? '' : `, time ×${runner.timeScale}`;
    return {
      routes: workflowsRoutes(runner),
      banner: [
        `Workflows      ${runner.workflows.length ? runner.workflows.join(', ') : 'none yet'} (in memory${scale}); executions: GET /local/workflows`,
      ],
      stop: () => runner.stop(),
    };
  },
};

