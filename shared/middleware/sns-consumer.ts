/**
 * The middy stack of the functions an SNS topic invokes (SES bounces and complaints, inbound
 * SMS): the sibling of `consumer()` for messages that are not domain events.
 * logger (correlation id = the first record's SNS MessageId) → tracer → metrics (cold start) →
 * each record's SNS envelope and its message (the JSON in `Sns.Message`) validated against the
 * spec's schema → messages this consumer already finished dropped (idempotency on the SNS
 * MessageId) → the handler, which receives the parsed messages of the invocation → a marker per
 * message after success.
 *
 * Delivery is at least once (SNS retries an invocation that failed), and a failed attempt is
 * retried in full: the handler's effects must be idempotent on their own too. A record that
 * breaks its schema fails the invocation before anything is done (nothing half-applied).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SNSEvent } from 'aws-lambda';
import * as z from '../zod.js';
import { consumedMarker } from '../db/consumed-marker.js';
import { logger, metrics, tracing } from '../powertools/index.js';

export interface SnsConsumerSpec<S extends z.ZodMiniType> {
  /** Names the consumer in logs and in its idempotency markers (e.g. 'EmailBounces'). */
  readonly id: string;
  /** The schema of one message (the parsed JSON of `Sns.Message`). */
  readonly message: S;
}

/** One validated SNS message. */
export interface SnsMessage<T> {
  readonly messageId: string;
  /** When SNS published it (ISO 8601). */
  readonly timestamp: string;
  readonly message: T;
}

export class SnsMessageError extends Error {
  override readonly name = 'SnsMessageError';
}

const SnsRecords = /* @__PURE__ */ z.object({
  Records: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ Sns: /* @__PURE__ */ z.object({ MessageId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)), Message: /* @__PURE__ */ z.string(), Timestamp: /* @__PURE__ */ z.iso.datetime({ offset: true }) }) })),
});

const issues = (error: z.core.$ZodError): string => error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ');

const parseRecords = <S extends z.ZodMiniType>(spec: SnsConsumerSpec<S>, event: unknown): SnsMessage<z.output<S>>[] => {
  const envelope = SnsRecords.safeParse(event);
  if (!envelope.success) throw new SnsMessageError(`${spec.id}: not an SNS event: ${issues(envelope.error)}`);
  return envelope.data.Records.map(({ Sns }, i) => {
    let json: unknown;
    try {
      json = JSON.parse(Sns.Message);
    } catch {
      throw new SnsMessageError(`${spec.id}: record ${i} (${Sns.MessageId}): the message is not JSON`);
    }
    const message = spec.message.safeParse(json);
    if (!message.success) throw new SnsMessageError(`${spec.id}: record ${i} (${Sns.MessageId}): ${issues(message.error)}`);
    return { messageId: Sns.MessageId, timestamp: Sns.Timestamp, message: message.data };
  });
};

export const snsConsumer = <S extends z.ZodMiniType>(spec: SnsConsumerSpec<S>) => ({
  handler<R>(fn: (messages: readonly SnsMessage<z.output<S>>[], context: Context) => Promise<R>) {
    const markers = consumedMarker();
    const stack = middy<SNSEvent, R>()
      .use(injectLambdaContext(logger, { correlationIdPath: 'Records[0].Sns.MessageId', resetKeys: true }))
      .use(tracing())
      .use(logMetrics(metrics, { captureColdStartMetric: true, throwOnEmptyMetrics: false }))
      .handler(async (event, context) => {
        const messages = parseRecords(spec, event);
        const fresh: SnsMessage<z.output<S>>[] = [];
        for (const message of messages) {
          if (await markers.isConsumed(spec.id, message.messageId)) logger.info('message already consumed', { consumer: spec.id, messageId: message.messageId });
          else fresh.push(message);
        }
        const result = await fn(fresh, context);
        for (const message of fresh) await markers.markConsumed(spec.id, message.messageId);
        return result;
      });
    // Lambda always passes a context; tests and local callers may omit it.
    return Object.assign((event: SNSEvent, context?: Context) => stack(event, context ?? ({ awsRequestId: 'local' } as Context)), { spec });
  },
});
