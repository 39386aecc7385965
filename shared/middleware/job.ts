/**
 * The one middy stack of every scheduled job (the HTTP stack's sibling): logger (with the
 * job's name and scheduled time) → tracer → metrics (cold start) → the handler, whose summary
 * is logged and returned (the local platform answers `POST /local/schedules/{name}` with it).
 *
 * Delivery is at least once: a job derives everything from `scheduledAt` and its own
 * markers, so a retried invocation does the same work and sends nothing twice.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from '../zod.js';
import type { ScheduledEvent, ScheduleDefinition } from '../../functions/schedules/definition.js';
import { logger, metrics, tracing } from '../powertools/index.js';

/**
 * The input of every job (`{ name, scheduledAt }`, what the Scheduler target and the local
 * runner send). A job refuses anything else rather than run with an invalid `now`.
 */
export const ScheduledInput = /* @__PURE__ */ z.object({ name: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)), scheduledAt: /* @__PURE__ */ z.iso.datetime({ offset: true }) });

export class ScheduledInputError extends Error {
  override readonly name = 'ScheduledInputError';
}

const parseScheduled = (spec: ScheduleDefinition, event: unknown): ScheduledEvent => {
  const result = ScheduledInput.safeParse(event);
  if (!result.success) throw new ScheduledInputError(`job ${spec.name}: invalid input: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  if (result.data.name !== spec.name) throw new ScheduledInputError(`job ${spec.name}: received the input of job ${JSON.stringify(result.data.name)}`);
  return result.data;
};

export const job = (spec: ScheduleDefinition) => ({
  handler<R>(fn: (event: ScheduledEvent & { readonly now: Date }, context: Context) => Promise<R>) {
    const stack = middy<ScheduledEvent, R>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(tracing())
      .use(logMetrics(metrics, { captureColdStartMetric: true, throwOnEmptyMetrics: false }))
      .handler(async (raw, context) => {
        const event = parseScheduled(spec, raw);
        logger.appendKeys({ job: spec.name, scheduledAt: event.scheduledAt });
        const summary = await fn({ ...event, now: new Date(event.scheduledAt) }, context);
        logger.info('job finished', { summary });
        return summary;
      });
    return Object.assign((event: ScheduledEvent, context?: Context) => stack(event, context ?? ({ awsRequestId: 'local' } as Context)), {
      spec,
      input: ScheduledInput,
    });
  },
});
