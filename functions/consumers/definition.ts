/**
 * Event consumers, declared once: the CDK turns each into an EventBridge rule on the domain
 * bus (source `tatawwu`, the listed detail-types) targeting a NodeFunction with retries and a
 * dead-letter queue; the local platform subscribes the same handler module to the
 * in-process bus. Delivery is at least once, so consumers must be idempotent.
 *
 * A consumer's handler receives an EventBridge event: `{ id, source, 'detail-type', time, detail }`.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import type { eventCatalog, EventType } from '../../events/catalog.js';
import type { Need } from '../http/operation.js';

export interface ConsumerDefinition {
  /** PascalCase, stable: construct id and function name part. */
  readonly id: string;
  /** Domain event types (EventBridge detail-types) this consumer receives. */
  readonly events: readonly string[];
  /** Handler module relative to the repository root; exports `handler`. */
  readonly entry: string;
  readonly needs: readonly Need[];
  /** Seconds. @default 30 */
  readonly timeout?: number;
  /** @default 256 */
  readonly memorySize?: number;
  /**
   * Bursts: the events reach the consumer in batches through an SQS queue (the rule's target)
   * instead of one invocation per event; its handler is `batchConsumer(spec)`. Locally the bus
   * hands it the events of a delivery `size` at a time.
   * @default - one event per invocation
   */
  readonly batch?: { readonly size: number; readonly windowSeconds: number };
}

export type DomainEventEnvelope<T = Record<string, unknown>> = EventBridgeEvent<string, T & { eventId: string }>;

export const defineConsumers = <const T extends readonly ConsumerDefinition[]>(consumers: T): T => consumers;

/**
 * A consumer built with `consumer(spec)` (shared/middleware/consumer.ts): its events are
 * catalogued types, and it names the contract of each (`contracts`, the catalogue's own `detail`
 * schemas, checked by test/unit/consumer-contracts.test.ts), so that its bundle holds and its
 * envelope is validated against those contracts only, never the whole events/catalog.ts.
 * Annotate each `defineConsumer(…)` call with a `@__PURE__` comment: a handler's bundle drops the other specs.
 */
export interface ConsumerSpec<E extends EventType = EventType> extends ConsumerDefinition {
  readonly events: readonly E[];
  readonly contracts: { readonly [K in E]: (typeof eventCatalog)[K]['detail'] };
}

export const defineConsumer = <const E extends EventType>(spec: ConsumerSpec<E>): ConsumerSpec<E> => spec;

/** The needs the CDK grants a consumer: its own plus the table access of its idempotency markers. */
export const consumerNeeds = (definition: Pick<ConsumerDefinition, 'needs'>): readonly Need[] => [
  ...new Set<Need>([...definition.needs, 'table:read', 'table:write']),
];
