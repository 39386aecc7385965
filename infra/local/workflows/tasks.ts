/**
 * How a task of a local execution calls its handler module, as Lambda would: the Lambda
 * context, the error Step Functions sees, and the task token put where the definition reads
 * `$$.Task.Token`.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { TaskBinding } from '../../../shared/workflows/definition.js';
import { isObject } from './local-definition.js';

export const ACCOUNT = '000000000000';

/** Stands for `$$.Task.Token` in the context object until the runner mints the real token. */
export const TOKEN_SENTINEL = '@@tatawwu-local-task-token@@';

export type Handler = (event: unknown, context: Context) => Promise<unknown>;

export const lambdaContext = (workflow: string, taskId: string, binding: TaskBinding): Context => {
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
export class LambdaError extends Error {
  constructor(error: unknown) {
    const errorType = error instanceof Error && error.name ? error.name : 'Error';
    const errorMessage = error instanceof Error ? error.message : String(error);
    super(JSON.stringify({ errorType, errorMessage }));
    this.name = errorType;
  }
}

/** What SendTaskFailure makes of a task: error `error`, cause `cause`. */
export class TaskFailure extends Error {
  constructor(error: string, cause: string | undefined) {
    super(cause ?? '');
    this.name = error;
  }
}

export const withToken = (value: unknown, token: string): unknown => {
  if (typeof value === 'string') return value.split(TOKEN_SENTINEL).join(token);
  if (Array.isArray(value)) return value.map((v) => withToken(v, token));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withToken(v, token)]));
  return value;
};

/** Imports each handler module once (relative to `root`). */
export const handlerLoader = (root: string) => {
  const modules = new Map<string, Promise<Handler>>();
  return (entry: string): Promise<Handler> => {
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
};
