/**
 * The one middy stack of every event consumer (the HTTP stack's sibling):
 * logger (correlation id = eventId) → tracer → metrics (cold start) → the EventBridge
 * envelope validated against the event's contract named by the spec (`spec.contracts`, the
 * catalogue's schemas: the bundle holds only this consumer's contracts) → idempotency on
 * `eventId` → events about an erased person (a tombstone, issue 18) skipped → the handler,
 * which receives a typed event.
 *
 * Delivery is at least once. A consumer that finished an event records it (a marker item
 * with a TTL), so a redelivery is skipped; the marker is written only after success, so a
 * failed attempt is retried in full — effects must therefore be idempotent on their own too
 * (conditional writes, deterministic keys), which also covers two concurrent deliveries.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type * as z from '../zod.js';
import type { EventDetail, EventType } from '../../events/catalog.js';
import type { ConsumerSpec } from '../../functions/consumers/definition.js';
import { consumedMarker } from '../db/consumed-marker.js';
import { erasedSubjects } from '../db/erased-subjects.js';
import { logger, metrics, tracing } from '../powertools/index.js';

export type ConsumerEnvelope = EventBridgeEvent<string, Record<string, unknown> & { eventId?: string }>;

/** What a consumer's handler receives: one of its event types, with its typed detail. */
export type ConsumedEvent<E extends EventType> = {
  [K in E]: { readonly type: K; readonly eventId: string; readonly time: string; readonly detail: EventDetail<K> };
}[E];

export class EventContractError extends Error {
  override readonly name = 'EventContractError';
}

const parseEnvelope = <E extends EventType>(spec: ConsumerSpec<E>, envelope: ConsumerEnvelope): ConsumedEvent<E> => {
  const type = envelope['detail-type'] as E;
  if (!(spec.events as readonly string[]).includes(type)) {
    throw new EventContractError(`consumer ${spec.id} does not take ${JSON.stringify(type)} events (it takes ${spec.events.join(', ')})`);
  }
  const { eventId, ...detail } = envelope.detail ?? {};
  const result = (spec.contracts[type] as z.ZodMiniType).safeParse(detail);
  if (!result.success) {
    throw new EventContractError(`${type} event ${String(eventId)} breaks its contract: ${result.error.message}`);
  }
  return { type, eventId: String(eventId ?? envelope.id), time: envelope.time, detail: result.data } as ConsumedEvent<E>;
};

export const consumer = <E extends EventType>(spec: ConsumerSpec<E>) => ({
  handler<R>(fn: (event: ConsumedEvent<E>, context: Context) => Promise<R>) {
    const markers = consumedMarker();
    const erased = erasedSubjects();
    const stack = middy<ConsumerEnvelope, R | { skipped: 'already-consumed' | 'erased-subject' }>()
      .use(injectLambdaContext(logger, { correlationIdPath: 'detail.eventId', resetKeys: true }))
      .use(tracing())
      .use(logMetrics(metrics, { captureColdStartMetric: true, throwOnEmptyMetrics: false }))
      .handler(async (envelope, context) => {
        const event = parseEnvelope(spec, envelope);
        if (await markers.isConsumed(spec.id, event.eventId)) {
          logger.info('event already consumed', { consumer: spec.id, type: event.type });
          return { skipped: 'already-consumed' as const };
        }
        // A replayed or late event about an erased person (issue 18) must not recreate them.
        const subject = (event.detail as { volunteerId?: unknown }).volunteerId;
        if (typeof subject === 'string' && (await erased.isErased(subject))) {
          logger.info('event about an erased person skipped', { consumer: spec.id, type: event.type });
          await markers.markConsumed(spec.id, event.eventId);
          return { skipped: 'erased-subject' as const };
        }
        const result = await fn(event, context);
        await markers.markConsumed(spec.id, event.eventId);
        return result;
      });
    // Lambda always passes a context; tests and local callers may omit it.
    return Object.assign((envelope: ConsumerEnvelope, context?: Context) => stack(envelope, context ?? ({ awsRequestId: 'local' } as Context)), {
      spec,
    });
  },
});

/** What a batch consumer receives: SQS messages whose bodies are the EventBridge events (the rule's target is the queue). */
export interface ConsumerBatch {
  readonly Records: readonly { readonly messageId?: string; readonly body: string }[];
}

/**
 * The stack of a consumer declared with `batch` (functions/consumers/definition.ts): the events
 * of an SQS batch, each validated against its contract, handed over together. No per-event
 * marker: the handler's effects must be idempotent per event on their own (a redelivered batch
 * is applied again). A handler that throws fails the whole batch (retried, then dead-lettered
 * by the queue's redrive policy); a message that breaks its contract is reported alone as a
 * batch item failure, so the others go through.
 */
export const batchConsumer = <E extends EventType>(spec: ConsumerSpec<E>) => ({
  handler<R>(fn: (events: readonly ConsumedEvent<E>[], context: Context) => Promise<R>) {
    if (!spec.batch) throw new Error(`consumer ${spec.id} has no \`batch\` in its spec: use consumer(spec)`);
    const stack = middy<ConsumerBatch, { batchItemFailures: { itemIdentifier: string }[]; result?: R }>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(tracing())
      .use(logMetrics(metrics, { captureColdStartMetric: true, throwOnEmptyMetrics: false }))
      .handler(async (batch, context) => {
        const events: ConsumedEvent<E>[] = [];
        const batchItemFailures: { itemIdentifier: string }[] = [];
        for (const [i, record] of batch.Records.entries()) {
          try {
            events.push(parseEnvelope(spec, JSON.parse(record.body) as ConsumerEnvelope));
          } catch (error) {
            logger.error('a message of the batch is not a valid event', { consumer: spec.id, messageId: record.messageId, error });
            batchItemFailures.push({ itemIdentifier: record.messageId ?? String(i) });
          }
        }
        const result = events.length > 0 ? await fn(events, context) : undefined;
        return { batchItemFailures, ...(result !== undefined && { result }) };
      });
    return Object.assign((batch: ConsumerBatch, context?: Context) => stack(batch, context ?? ({ awsRequestId: 'local' } as Context)), { spec });
  },
});
