/**
 * Starting workflows and resuming the tasks that wait for a human decision.
 *
 * ```ts
 * const { executionId } = await workflowClient().start('OrganizationOnboarding', { orgId }, { executionName: orgId });
 * await workflowClient().sendTaskSuccess(storedToken, { approved: true, reviewer: caller.sub });
 * ```
 *
 * In the cloud: Step Functions, the state machine ARN read from `WORKFLOW_<NAME>_ARN` (set
 * by the `workflow:<Name>` need). In local mode: the in-process local runner
 * (infra/local/workflows.ts), which installs itself here; both behave the same:
 * - `start` with an `executionName` is idempotent: the same name and input give the same
 *   execution (never a second one); the same name with another input is a
 *   WorkflowExecutionExistsError (409).
 * - a token whose task is closed (timed out, already completed, never issued) is a
 *   WorkflowTaskClosedError (409), so a late or second decision is refused, not lost.
 *
 * Step Functions is called without its client (issue 17: the client keeps every operation's
 * schema, ~23 KB and ~1.5 ms of every cold start that starts or resumes a workflow): the requests
 * the SFN client sends (awsJson1_0, `X-Amz-Target: AWSStepFunctions.<Operation>`, members in the
 * model's order, dates answered in epoch seconds: step-functions.ts), through shared/aws/json-service.ts;
 * test/unit/workflow-client.test.ts compares them, their outputs and errors with the client's.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { RecordedDecision } from '../domain/decision.js';
import { env } from '../env.js';
import { workflowArnEnvName } from './definition.js';
import { stepFunctions, type StepFunctions } from './step-functions.js';
import { WorkflowExecutionExistsError, WorkflowExecutionNotFoundError, WorkflowTaskClosedError, type TaskClosedReason } from './errors.js';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface StartOptions {
  /**
   * Makes the start idempotent (e.g. the organisation id): 1-80 characters, no whitespace
   * and none of `< > { } [ ] ? * " # % \ ^ | ~ \` $ & , ; : /`.
   * @default - a random UUID
   */
  readonly executionName?: string;
}

export interface StartedExecution {
  /** The execution ARN (locally an ARN of the same shape). */
  readonly executionId: string;
  readonly startedAt: string;
}

export interface ExecutionDescription {
  readonly executionId: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startedAt: string;
  readonly stoppedAt?: string;
  readonly input: unknown;
  /** The execution's output, once it SUCCEEDED. */
  readonly output?: unknown;
  /** Error name and cause, once it FAILED. */
  readonly error?: string;
  readonly cause?: string;
}

export interface WorkflowClient {
  start(workflow: string, input: unknown, options?: StartOptions): Promise<StartedExecution>;
  /** Completes the waiting task; `output` becomes the task's result. */
  sendTaskSuccess(taskToken: string, output: unknown): Promise<void>;
  /** Fails the waiting task with the error `error` (what `Catch` matches). */
  sendTaskFailure(taskToken: string, error: string, cause?: string): Promise<void>;
  describe(executionId: string): Promise<ExecutionDescription>;
}

// --- rules shared by both sides --------------------------------------------------------------

const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;
const MAX_PAYLOAD_BYTES = 262_144;

export const checkExecutionName = (name: string): void => {
  if (!EXECUTION_NAME.test(name)) {
    throw new Error(`invalid execution name ${JSON.stringify(name)}: 1-80 characters, no whitespace or < > { } [ ] ? * " # % \\ ^ | ~ \` $ & , ; : /`);
  }
};

/** The JSON text Step Functions would receive; refuses what it would refuse. */
export const toPayload = (value: unknown, what: string): string => {
  const text = JSON.stringify(value === undefined ? null : value);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) throw new Error(`${what} is larger than the 256 KiB Step Functions accepts`);
  return text;
};

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
      : value;

/** Same JSON document, whatever the key order. */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export const taskClosed = (reason: TaskClosedReason, cause?: unknown): WorkflowTaskClosedError =>
  new WorkflowTaskClosedError(
    reason,
    {
      'timed-out': 'the task of this token timed out before the decision arrived',
      completed: 'the task of this token is already completed (or its execution has ended)',
      'invalid-token': 'this task token was never issued',
    }[reason],
    cause === undefined ? undefined : { cause },
  );

// --- cloud ------------------------------------------------------------------------------------

export { stepFunctions, type StepFunctions };

/** The process's Step Functions (one, as the SFN client was: its signer, retry capacity and connections). */
let processSfn: StepFunctions | undefined;
const processStepFunctions = (): StepFunctions => (processSfn ??= stepFunctions({ region: env.region, credentials: defaultProvider() }));

const errorName = (error: unknown): string | undefined => (error instanceof Error ? error.name : undefined);

const stateMachineArn = (workflow: string): string => {
  const variable = workflowArnEnvName(workflow);
  const arn = process.env[variable];
  if (!arn) throw new Error(`missing environment variable ${variable}: does the function declare the need "workflow:${workflow}"?`);
  return arn;
};

const parseJson = (text: string | undefined): unknown => (text === undefined ? undefined : (JSON.parse(text) as unknown));

const closedTask = (error: unknown): never => {
  const reason = ({ TaskTimedOut: 'timed-out', TaskDoesNotExist: 'completed', InvalidToken: 'invalid-token' } as const)[
    errorName(error) as 'TaskTimedOut' | 'TaskDoesNotExist' | 'InvalidToken'
  ];
  throw reason ? taskClosed(reason, error) : error;
};

/** The workflow client over Step Functions (the process's own by default). */
export const cloudWorkflowClient = (sfn: () => StepFunctions = processStepFunctions): WorkflowClient => {
  const cloud: WorkflowClient = {
    async start(workflow, input, options = {}) {
      const arn = stateMachineArn(workflow);
      if (options.executionName !== undefined) checkExecutionName(options.executionName);
      const body = toPayload(input, 'workflow input');
      try {
        const started = await sfn().startExecution({ stateMachineArn: arn, name: options.executionName, input: body });
        return { executionId: started.executionArn!, startedAt: started.startDate!.toISOString() };
      } catch (error) {
        // A closed execution with this name: the same start replayed after it finished.
        if (errorName(error) !== 'ExecutionAlreadyExists' || options.executionName === undefined) throw error;
        const executionId = `${arn.replace(':stateMachine:', ':execution:')}:${options.executionName}`;
        const existing = await cloud.describe(executionId);
        if (!sameJson(existing.input, JSON.parse(body))) {
          throw new WorkflowExecutionExistsError(
            `an execution named ${JSON.stringify(options.executionName)} of ${workflow} already exists with a different input`,
            { cause: error },
          );
        }
        return { executionId, startedAt: existing.startedAt };
      }
    },
    async sendTaskSuccess(taskToken, output) {
      await sfn()
        .sendTaskSuccess({ taskToken, output: toPayload(output, 'task output') })
        .catch(closedTask);
    },
    async sendTaskFailure(taskToken, error, cause) {
      await sfn()
        .sendTaskFailure({ taskToken, error, ...(cause !== undefined && { cause }) })
        .catch(closedTask);
    },
    async describe(executionId) {
      const out = await sfn()
        .describeExecution({ executionArn: executionId })
        .catch((error: unknown) => {
          if (errorName(error) === 'ExecutionDoesNotExist') {
            throw new WorkflowExecutionNotFoundError(`no workflow execution ${JSON.stringify(executionId)}`, { cause: error });
          }
          throw error;
        });
      return {
        executionId: out.executionArn ?? executionId,
        name: out.name ?? '',
        status: (out.status ?? 'RUNNING') as ExecutionStatus,
        startedAt: (out.startDate ?? new Date(0)).toISOString(),
        ...(out.stopDate && { stoppedAt: out.stopDate.toISOString() }),
        input: parseJson(out.input),
        ...(out.output !== undefined && { output: parseJson(out.output) }),
        ...(out.error !== undefined && { error: out.error }),
        ...(out.cause !== undefined && { cause: out.cause }),
      };
    },
  };
  return cloud;
};

let cloudClient: WorkflowClient | undefined;

// --- local ------------------------------------------------------------------------------------

// On globalThis so that every module instance in the process (tests load modules more than
// once) sees the one runner the local platform installed.
const localKey = /* @__PURE__ */ Symbol.for('tatawwu.localWorkflowClient');
const holder = globalThis as unknown as Record<symbol, WorkflowClient | undefined>;

/** Used by the local runner: route local-mode calls to it. Returns the uninstall function. */
export const installLocalWorkflowClient = (local: WorkflowClient): (() => void) => {
  holder[localKey] = local;
  return () => {
    if (holder[localKey] === local) holder[localKey] = undefined;
  };
};

const localClient = (): WorkflowClient => {
  const local = holder[localKey];
  if (!local) throw new Error('no local workflow runner is running: start the local platform (or createLocalWorkflowRunner in a test)');
  return local;
};

/** Every call is forwarded at call time, so a runner installed later is still found. */
const viaLocalRunner: WorkflowClient = {
  start: (...args) => localClient().start(...args),
  sendTaskSuccess: (...args) => localClient().sendTaskSuccess(...args),
  sendTaskFailure: (...args) => localClient().sendTaskFailure(...args),
  describe: (...args) => localClient().describe(...args),
};

export const workflowClient = (): WorkflowClient => (env.mode === 'local' ? viaLocalRunner : (cloudClient ??= cloudWorkflowClient()));

/** What really happened to a decision's wait, in words for the person who decided. */
export const decisionNotOpenText = (reason: TaskClosedReason, retry: string): string =>
  ({
    'timed-out': `the wait for this decision timed out before it arrived, and nothing was changed; ${retry}`,
    completed: 'the workflow is no longer waiting for this decision (it already received one, or it has ended); nothing was changed',
    'invalid-token': 'the workflow has no wait this decision could answer (its execution is unknown); nothing was changed',
  })[reason];

/**
 * Resumes an execution waiting (`.waitForTaskToken`) on a human decision: approve → task success
 * carrying who and when; reject → task failure named `rejectedError`, which the definition's Catch
 * routes. A token that is no longer open (timed out, completed, unknown: `cause.reason`) becomes `notOpen(cause)`.
 */
export const resumeDecision = async (
  taskToken: string,
  decision: RecordedDecision,
  options: { rejectedError: string; rejectedCause: string; notOpen: (cause: WorkflowTaskClosedError) => Error },
): Promise<void> => {
  try {
    if (decision.decision === 'approve') {
      await workflowClient().sendTaskSuccess(taskToken, { decision: decision.decision, by: decision.by, at: decision.at });
    } else {
      await workflowClient().sendTaskFailure(taskToken, options.rejectedError, options.rejectedCause);
    }
  } catch (error) {
    if (!(error instanceof WorkflowTaskClosedError)) throw error;
    throw options.notOpen(error);
  }
};
