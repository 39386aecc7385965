/**
 * Workflow definitions, declared once in code and read by both sides:
 * - infra/constructs/workflows.ts deploys each one as a Standard state machine, one
 *   NodeFunction per task, and substitutes each `fn()` placeholder with that function's ARN
 *   (CloudFormation `DefinitionSubstitutions`);
 * - infra/local/workflows.ts runs the same ASL object with aws-local-stepfunctions, each
 *   placeholder bound to the task's handler module.
 *
 * The ASL is plain JSONPath ASL (no JSONata, no variables), written as a JSON-able object,
 * optionally with the helpers below. `defineWorkflow` checks it early, so a broken definition
 * fails the synth, the local platform and the tests with a message naming the bad value,
 * never at deploy time or on the first real execution.
 *
 * Pure: no AWS SDK or CDK import, so a handler may import a definition (e.g. for its name).
 */
import * as z from '../zod.js';
import type { Need } from '../../functions/http/operation.js';

/** One Lambda task of a workflow: deployed as a NodeFunction, granted its `needs`. */
export interface TaskBinding {
  /** Handler module exporting `handler` (built with `task()`), relative to the repository root. */
  readonly entry: string;
  readonly needs: readonly Need[];
  /** Lambda timeout in seconds (1-900). @default 30 */
  readonly timeout?: number;
  /** @default 256 */
  readonly memorySize?: number;
}

export interface WorkflowDefinition {
  /** PascalCase, e.g. `OrganizationOnboarding`: construct id, `workflow:<Name>` need, client name. */
  readonly name: string;
  /** Task id (PascalCase) → its handler. Each id appears in the ASL as `fn(id)`. */
  readonly tasks: Readonly<Record<string, TaskBinding>>;
  /** The Amazon States Language document (JSONPath). */
  readonly asl: Record<string, unknown>;
}

/** An ASL state or document fragment: plain JSON. */
export type AslObject = Record<string, unknown>;

export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
export const TASK_TOKEN_PATH = '$$.Task.Token';

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const PLACEHOLDER = /\$\{Fn([A-Za-z0-9]*)\}/g;

/**
 * The `FunctionName` placeholder of a task: `${FnValidateLicence}`. The CDK substitutes the
 * task function's ARN; the local runner binds it to the task's handler module.
 */
export const fn = (taskId: string): string => {
  if (!PASCAL_CASE.test(taskId)) throw new Error(`task id must be PascalCase, got ${JSON.stringify(taskId)}`);
  return `\${Fn${taskId}}`;
};

/** `${FnX}` → `X`, or undefined when the value is not a placeholder. */
export const placeholderTaskId = (value: unknown): string | undefined =>
  typeof value === 'string' ? /^\$\{Fn([A-Z][A-Za-z0-9]*)\}$/.exec(value)?.[1] : undefined;

/** Every task id named by a placeholder anywhere in the document (in order of first use). */
export const placeholderTaskIds = (asl: AslObject): string[] => [
  ...new Set([...JSON.stringify(asl).matchAll(PLACEHOLDER)].map((m) => m[1]!)),
];

/** Where a handler finds a state machine's ARN: `OrganizationOnboarding` → `WORKFLOW_ORGANIZATION_ONBOARDING_ARN`. */
export const workflowArnEnvName = (workflow: string): string =>
  `WORKFLOW_${workflow.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_ARN`;

export const minutes = (n: number): number => n * 60;
export const hours = (n: number): number => n * 3_600;
export const days = (n: number): number => n * 86_400;

// ---------------------------------------------------------------------------------------------
// Walking a definition
// ---------------------------------------------------------------------------------------------

export interface StateRef {
  readonly name: string;
  readonly state: AslObject;
  /** Where it sits, for messages: `States.Review` or `States.Split.Branches[0].States.Review`. */
  readonly path: string;
  /** The state names of its scope (its own States map), for transition checks. */
  readonly scope: readonly string[];
}

const isObject = (value: unknown): value is AslObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every state of the document, nested Parallel branches and Map processors included. */
export const allStates = (asl: AslObject, path = ''): StateRef[] => {
  const states = isObject(asl.States) ? asl.States : {};
  const scope = Object.keys(states);
  return Object.entries(states).flatMap(([name, state]) => {
    if (!isObject(state)) return [{ name, state: {}, path: `${path}States.${name}`, scope }];
    const here = `${path}States.${name}`;
    const nested: StateRef[] = [];
    if (Array.isArray(state.Branches)) {
      state.Branches.forEach((branch, i) => {
        if (isObject(branch)) nested.push(...allStates(branch, `${here}.Branches[${i}].`));
      });
    }
    for (const key of ['ItemProcessor', 'Iterator'] as const) {
      const processor = state[key];
      if (isObject(processor)) nested.push(...allStates(processor, `${here}.${key}.`));
    }
    return [{ name, state, path: here, scope }, ...nested];
  });
};

export const isWaitForTaskToken = (state: AslObject): boolean =>
  typeof state.Resource === 'string' && state.Resource.endsWith('.waitForTaskToken');

const mentions = (value: unknown, text: string): boolean => JSON.stringify(value ?? null).includes(text);

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export class WorkflowDefinitionError extends Error {
  override readonly name = 'WorkflowDefinitionError';
  constructor(
    readonly workflow: string,
    readonly problems: readonly string[],
  ) {
    super(`workflow ${JSON.stringify(workflow)} is invalid:\n  - ${problems.join('\n  - ')}`);
  }
}

const STATE_TYPES = /* @__PURE__ */ new Set(['Task', 'Parallel', 'Map', 'Pass', 'Wait', 'Choice', 'Succeed', 'Fail']);
const MAX_DEFINITION_BYTES = 1_048_576;
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
const positiveInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;

const checkScope = (asl: AslObject, where: string, problems: string[]): void => {
  const states = asl.States;
  if (!isObject(states) || Object.keys(states).length === 0) {
    problems.push(`${where}States must be a non-empty object, got ${show(states)}`);
    return;
  }
  if (typeof asl.StartAt !== 'string' || !(asl.StartAt in states)) {
    problems.push(`${where}StartAt ${show(asl.StartAt)} names no state of ${show(Object.keys(states))}`);
  }
};

const checkState = (ref: StateRef, problems: string[]): void => {
  const { state, path, scope } = ref;
  const transition = (target: unknown, field: string) => {
    if (typeof target !== 'string' || !scope.includes(target)) {
      problems.push(`${path}.${field} ${show(target)} names no state of its scope ${show(scope)}`);
    }
  };
  if (typeof state.Type !== 'string' || !STATE_TYPES.has(state.Type)) {
    problems.push(`${path}.Type must be one of ${[...STATE_TYPES].join(', ')}, got ${show(state.Type)}`);
    return;
  }
  if (state.QueryLanguage !== undefined && state.QueryLanguage !== 'JSONPath') {
    problems.push(`${path}.QueryLanguage ${show(state.QueryLanguage)}: only JSONPath is supported (the local runner has no JSONata)`);
  }
  for (const field of ['Arguments', 'Output', 'Assign'] as const) {
    if (field in state) problems.push(`${path}.${field} is JSONata/variables syntax, which the local runner cannot run; use Parameters/ResultSelector/ResultPath`);
  }
  if (state.Type === 'Choice') {
    const choices = Array.isArray(state.Choices) ? state.Choices : [];
    if (choices.length === 0) problems.push(`${path}.Choices must be a non-empty array, got ${show(state.Choices)}`);
    choices.forEach((choice, i) => transition(isObject(choice) ? choice.Next : undefined, `Choices[${i}].Next`));
    if (state.Default !== undefined) transition(state.Default, 'Default');
  } else if (state.Type !== 'Succeed' && state.Type !== 'Fail') {
    if (state.End === true) {
      if (state.Next !== undefined) problems.push(`${path} has both Next ${show(state.Next)} and End`);
    } else {
      transition(state.Next, 'Next');
    }
  }
  if (Array.isArray(state.Catch)) {
    state.Catch.forEach((catcher, i) => transition(isObject(catcher) ? catcher.Next : undefined, `Catch[${i}].Next`));
  }
  for (const field of ['TimeoutSeconds', 'HeartbeatSeconds'] as const) {
    if (state[field] !== undefined && !positiveInteger(state[field])) {
      problems.push(`${path}.${field} must be a positive integer, got ${show(state[field])}`);
    }
  }
  if (positiveInteger(state.HeartbeatSeconds) && positiveInteger(state.TimeoutSeconds) && (state.HeartbeatSeconds as number) >= (state.TimeoutSeconds as number)) {
    problems.push(`${path}.HeartbeatSeconds ${show(state.HeartbeatSeconds)} must be less than TimeoutSeconds ${show(state.TimeoutSeconds)}`);
  }
  if (state.Type === 'Map' && isObject(state.ItemProcessor) && isObject(state.ItemProcessor.ProcessorConfig) && state.ItemProcessor.ProcessorConfig.Mode === 'DISTRIBUTED') {
    problems.push(`${path}: Distributed Map is not supported by the workflow engine yet (neither the local runner nor the Workflows construct)`);
  }
  if (!isWaitForTaskToken(state) && mentions(state, TASK_TOKEN_PATH)) {
    problems.push(`${path} uses ${TASK_TOKEN_PATH}, which exists only in a .waitForTaskToken task`);
  }
  if (state.Type === 'Task') checkTask(ref, problems);
};

const checkTask = ({ state, path }: StateRef, problems: string[]): void => {
  const resource = state.Resource;
  if (placeholderTaskId(resource)) return; // direct Lambda ARN form: the result is the handler's return value
  if (resource !== LAMBDA_INVOKE && resource !== LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN) {
    problems.push(
      `${path}.Resource ${show(resource)} is not supported: use ${LAMBDA_INVOKE}, ${LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN} or fn(taskId)`,
    );
    return;
  }
  const parameters = isObject(state.Parameters) ? state.Parameters : undefined;
  if (!parameters || !placeholderTaskId(parameters.FunctionName)) {
    problems.push(`${path}.Parameters.FunctionName must be a fn(taskId) placeholder, got ${show(parameters?.FunctionName)}`);
  }
  if (parameters && !('Payload' in parameters) && !('Payload.$' in parameters)) {
    problems.push(`${path}.Parameters needs Payload or Payload.$ (what the handler receives)`);
  }
  if (resource === LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN) {
    if (!positiveInteger(state.TimeoutSeconds) && !positiveInteger(state.HeartbeatSeconds)) {
      problems.push(`${path} waits for a task token without TimeoutSeconds or HeartbeatSeconds: it could wait a year`);
    }
    const catchers = Array.isArray(state.Catch) ? state.Catch.filter(isObject) : [];
    const catchesTimeout = catchers.some(
      (c) => Array.isArray(c.ErrorEquals) && (c.ErrorEquals.includes('States.Timeout') || c.ErrorEquals.includes('States.ALL')),
    );
    if (!catchesTimeout) {
      problems.push(`${path} waits for a task token but no Catch handles States.Timeout (or States.ALL), got Catch ${show(state.Catch)}`);
    }
    if (!mentions(parameters, TASK_TOKEN_PATH)) {
      problems.push(`${path}.Parameters must pass ${TASK_TOKEN_PATH} to the handler, or nobody can resume the execution`);
    }
  }
};

/** All problems of a definition (empty when valid). */
export const workflowProblems = (definition: WorkflowDefinition): string[] => {
  const problems: string[] = [];
  const { name, tasks, asl } = definition;
  if (typeof name !== 'string' || !PASCAL_CASE.test(name) || name.length > 64) {
    problems.push(`name must be PascalCase (at most 64 characters), got ${show(name)}`);
  }
  if (!isObject(asl)) return [...problems, `asl must be an object, got ${show(asl)}`];
  if (JSON.stringify(asl).length > MAX_DEFINITION_BYTES) problems.push('asl is larger than the 1 MiB Step Functions allows');
  if (asl.QueryLanguage !== undefined && asl.QueryLanguage !== 'JSONPath') {
    problems.push(`QueryLanguage ${show(asl.QueryLanguage)}: only JSONPath is supported (the local runner has no JSONata)`);
  }
  if (asl.TimeoutSeconds !== undefined && !positiveInteger(asl.TimeoutSeconds)) {
    problems.push(`TimeoutSeconds must be a positive integer, got ${show(asl.TimeoutSeconds)}`);
  }
  checkScope(asl, '', problems);
  const refs = allStates(asl);
  const seen = new Map<string, string>();
  for (const ref of refs) {
    const first = seen.get(ref.name);
    if (first) problems.push(`state name ${show(ref.name)} is used twice (${first} and ${ref.path}); names must be unique in a workflow`);
    else seen.set(ref.name, ref.path);
    for (const key of ['ItemProcessor', 'Iterator'] as const) {
      if (isObject(ref.state[key])) checkScope(ref.state[key], `${ref.path}.${key}.`, problems);
    }
    if (Array.isArray(ref.state.Branches)) {
      ref.state.Branches.forEach((branch, i) => checkScope(isObject(branch) ? branch : {}, `${ref.path}.Branches[${i}].`, problems));
    }
    checkState(ref, problems);
  }
  const used = placeholderTaskIds(asl);
  const bound = Object.keys(tasks ?? {});
  for (const id of used) if (!bound.includes(id)) problems.push(`placeholder \${Fn${id}} has no task binding (tasks: ${show(bound)})`);
  for (const id of bound) {
    if (!used.includes(id)) problems.push(`task ${show(id)} is bound but no state uses fn(${show(id)})`);
    if (!PASCAL_CASE.test(id)) problems.push(`task id must be PascalCase, got ${show(id)}`);
    const binding = tasks[id]!;
    if (typeof binding.entry !== 'string' || !/^[\w./-]+\.ts$/.test(binding.entry) || binding.entry.startsWith('/') || binding.entry.includes('..')) {
      problems.push(`task ${id}: entry must be a .ts path relative to the repository root, got ${show(binding.entry)}`);
    }
    if (binding.timeout !== undefined && (!Number.isInteger(binding.timeout) || binding.timeout < 1 || binding.timeout > 900)) {
      problems.push(`task ${id}: timeout must be an integer 1-900 s, got ${show(binding.timeout)}`);
    }
    if (binding.memorySize !== undefined && (!Number.isInteger(binding.memorySize) || binding.memorySize < 128 || binding.memorySize > 10_240)) {
      problems.push(`task ${id}: memorySize must be an integer 128-10240 MB, got ${show(binding.memorySize)}`);
    }
  }
  return problems;
};

/** Declares a workflow; throws a WorkflowDefinitionError listing every problem found. */
export const defineWorkflow = <const T extends WorkflowDefinition>(definition: T): T => {
  const problems = workflowProblems(definition);
  if (problems.length > 0) throw new WorkflowDefinitionError(String(definition.name), problems);
  return definition;
};

// ---------------------------------------------------------------------------------------------
// Helpers to write the ASL tersely
// ---------------------------------------------------------------------------------------------

type Transition = { readonly Next: string; readonly End?: never } | { readonly End: true; readonly Next?: never };

/** The errors Lambda's own service raises now and then; retried as AWS recommends (and as CDK's LambdaInvoke does). */
export const LAMBDA_SERVICE_RETRY: AslObject = {
  ErrorEquals: ['Lambda.ClientExecutionTimeoutException', 'Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
  IntervalSeconds: 2,
  MaxAttempts: 6,
  BackoffRate: 2,
};

export type LambdaTaskState = Transition & {
  /** What the handler receives. @default '$' (the state's input) */
  readonly payload?: AslObject | string;
  /** Prepend LAMBDA_SERVICE_RETRY to Retry. @default true */
  readonly retryOnServiceExceptions?: boolean;
  readonly Retry?: readonly AslObject[];
  readonly Catch?: readonly AslObject[];
  readonly ResultPath?: string | null;
  readonly ResultSelector?: AslObject;
  readonly OutputPath?: string;
  readonly InputPath?: string;
  readonly TimeoutSeconds?: number;
  readonly Comment?: string;
};

/**
 * A `lambda:invoke` task. Output: by default the state's output is the handler's return
 * value (`OutputPath: $.Payload`). With a `ResultPath`, the invoke result is trimmed to
 * `{ Payload }` and stored there (e.g. `ResultPath: '$.check'` → the return value at
 * `$.check.Payload`), keeping the input.
 */
export const lambdaTask = (taskId: string, options: LambdaTaskState): AslObject => {
  const { payload = '$', retryOnServiceExceptions = true, Retry = [], ...rest } = options;
  const shaping: AslObject =
    'ResultPath' in rest || 'OutputPath' in rest || 'ResultSelector' in rest
      ? rest.ResultPath !== undefined && rest.ResultPath !== null && !('ResultSelector' in rest)
        ? { ResultSelector: { 'Payload.$': '$.Payload' } }
        : {}
      : { OutputPath: '$.Payload' };
  const retry = [...(retryOnServiceExceptions ? [LAMBDA_SERVICE_RETRY] : []), ...Retry];
  return {
    Type: 'Task',
    Resource: LAMBDA_INVOKE,
    Parameters: { FunctionName: fn(taskId), ...(typeof payload === 'string' ? { 'Payload.$': payload } : { Payload: payload }) },
    ...shaping,
    ...(retry.length > 0 && { Retry: retry }),
    ...rest,
  };
};

export type WaitForDecisionState = Transition & {
  /** How long to wait for the decision (seconds; see `days()`/`hours()`). */
  readonly timeoutSeconds: number;
  /** The state the execution goes to when the wait times out (a States.Timeout catcher). */
  readonly onTimeout: string;
  /** The decider must heartbeat this often (seconds). @default - no heartbeat */
  readonly heartbeatSeconds?: number;
  /** Extra fields of the handler's payload besides `input`, `taskToken` and `executionId`. */
  readonly payload?: AslObject;
  /** Where the decision (the SendTaskSuccess output) goes. @default '$.decision' */
  readonly ResultPath?: string | null;
  /** More catchers, after the timeout one (e.g. the rejection error sent with SendTaskFailure). */
  readonly Catch?: readonly AslObject[];
  readonly Retry?: readonly AslObject[];
  readonly Comment?: string;
};

/**
 * A `.waitForTaskToken` task: calls the task's handler with a `DecisionRequest`
 * (`{ input, taskToken, executionId }`), then waits until someone calls
 * `workflowClient().sendTaskSuccess(token, decision)` (the decision lands at `$.decision`)
 * or `sendTaskFailure(token, errorName)` (routed by `Catch`), or until `timeoutSeconds`
 * pass (→ `onTimeout`, with `{ Error, Cause }` at `$.error`).
 */
export const waitForDecision = (taskId: string, options: WaitForDecisionState): AslObject => {
  const { timeoutSeconds, onTimeout, heartbeatSeconds, payload, ResultPath = '$.decision', Catch = [], ...rest } = options;
  return {
    Type: 'Task',
    Resource: LAMBDA_INVOKE_WAIT_FOR_TASK_TOKEN,
    Parameters: {
      FunctionName: fn(taskId),
      Payload: { 'input.$': '$', ...payload, 'taskToken.$': TASK_TOKEN_PATH, 'executionId.$': '$$.Execution.Id' },
    },
    TimeoutSeconds: timeoutSeconds,
    ...(heartbeatSeconds !== undefined && { HeartbeatSeconds: heartbeatSeconds }),
    ResultPath,
    Catch: [{ ErrorEquals: ['States.Timeout'], Next: onTimeout, ResultPath: '$.error' }, ...Catch],
    ...rest,
  };
};

/** What a `waitForDecision` task's handler receives; parse it with `decisionRequest(InputSchema)`. */
export interface DecisionRequest<I> {
  readonly input: I;
  /** Opaque; store it server-side and hand it to sendTaskSuccess/sendTaskFailure. Never put it in a link. */
  readonly taskToken: string;
  readonly executionId: string;
}

export const decisionRequest = <S extends z.ZodMiniType>(input: S) =>
  z.object({ input, taskToken: z.string().check(z.minLength(1)), executionId: z.string().check(z.minLength(1)) });

/** The input of a Reject step: the step's input and, when a Catch sent it there, the `rejection` (`ResultPath: $.rejection`). */
export const withRejection = <Shape extends z.core.$ZodLooseShape>(input: z.ZodMiniObject<Shape>) =>
  z.extend(input, { rejection: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })) });
