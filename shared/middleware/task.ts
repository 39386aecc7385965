/**
 * The one middy stack of every workflow task handler:
 * logger (correlation id from the input, when it carries one) → tracer → metrics (cold
 * start) → [zod parsing of the input] → handler.
 *
 * No HTTP concerns and no error mapping: an error leaves the handler as it was thrown, so
 * its `name` (the class name of a domain error, e.g. `RuleViolationError`) becomes the
 * Step Functions error that `Retry` and `Catch` match, in the cloud and in the local runner.
 *
 * ```ts
 * export const handler = task(ValidateInput, async (input) => organizations.validate(deps(), input));
 * ```
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj, type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from '../zod.js';
import { DomainError } from '../domain/errors.js';
import { logger, metrics, tracing } from '../powertools/index.js';
import { TaskInputError } from '../workflows/errors.js';

export type TaskFn<I, O> = (input: I, context: Context) => Promise<O>;

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/** `correlationId` of the input, or of a DecisionRequest's `input`; else the execution id. */
const correlationIdOf = (event: unknown): string | undefined => {
  for (const candidate of [field(event, 'correlationId'), field(field(event, 'input'), 'correlationId'), field(event, 'executionId')]) {
    if (typeof candidate === 'string' && candidate) return candidate;
  }
  return undefined;
};

const correlate = (): MiddlewareObj<unknown, unknown> => ({
  before: async (request) => {
    const id = correlationIdOf(request.event);
    if (id) logger.setCorrelationId(id);
  },
});

/** Logs a failure once, then lets middy re-throw it untouched. */
const logFailure = (): MiddlewareObj<unknown, unknown> => ({
  onError: async (request) => {
    const error = request.error;
    if (error instanceof DomainError) logger.info('task refused', { errorName: error.name, message: error.message });
    else logger.error('task failed', { error: error as Error });
  },
});

const parseInput = <S extends z.ZodMiniType>(schema: S, event: unknown): z.output<S> => {
  const result = schema.safeParse(event);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'} ${i.message}`);
  throw new TaskInputError(`invalid task input: ${issues.join('; ')}`);
};

export function task<I, O>(fn: TaskFn<I, O>): MiddyfiedHandler<I, O>;
/** `handler.input` is the schema the input is parsed with (the sample events of events/workflows/ are checked against it). */
export function task<S extends z.ZodMiniType, O>(input: S, fn: TaskFn<z.output<S>, O>): MiddyfiedHandler<z.input<S>, O> & { readonly input: S };
export function task(schemaOrFn: z.ZodMiniType | TaskFn<unknown, unknown>, maybeFn?: TaskFn<unknown, unknown>) {
  const [schema, fn] = typeof schemaOrFn === 'function' ? [undefined, schemaOrFn] : [schemaOrFn, maybeFn!];
  const stack = middy<unknown, unknown>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(tracing())
    .use(logMetrics(metrics, { captureColdStartMetric: true, throwOnEmptyMetrics: false }))
    .use(correlate())
    .use(logFailure())
    .handler(async (event: unknown, context: Context) => fn(schema ? parseInput(schema, event) : event, context));
  return Object.assign(stack, { input: schema });
}
