/**
 * The in-process event bus of the local platform and the tests (EventBridge's stand-in). The
 * outbox relay (infra/local/event-relay.ts) `deliver`s what it reads from the table's stream
 * and waits for the consumers, as EventBridge's targets would run them: a consumer that fails
 * is tried again (4 retries, like the cloud rules' targets), then its event is dead-lettered
 * (returned to the relay, which keeps it for `npm run redrive`). Kept on globalThis so that
 * every module instance in the process shares one bus.
 */
import type { DomainEvent } from '../domain/events.js';

type Consumer = (event: DomainEvent) => Promise<void>;
type BatchConsumer = (events: readonly DomainEvent[]) => Promise<void>;

export interface DeadLetter {
  /** The consumer that gave up (its id in functions/consumers/index.ts). */
  readonly consumer: string;
  readonly event: DomainEvent;
  readonly error: string;
  readonly attempts: number;
}

export interface LocalBus {
  /** Every event delivered since start (or the last `reset()`), oldest first. */
  readonly published: readonly DomainEvent[];
  subscribe(type: string, consumer: Consumer, name?: string): () => void;
  /**
   * A consumer that takes its events in batches (an SQS batch in the cloud): each delivery hands
   * it its events `size` at a time; a batch that keeps failing dead-letters each of its events.
   */
  subscribeBatch(type: string, consumer: BatchConsumer, name: string, size: number): () => void;
  /** Runs the consumers of every event and waits for them; what keeps failing comes back as dead letters. */
  deliver(events: readonly DomainEvent[], options?: { only?: string }): Promise<DeadLetter[]>;
  /** Waits for deliveries in progress. */
  drain(): Promise<void>;
  reset(): void;
}

const RETRIES = 4;
const retryDelayMs = (attempt: number) => Math.min(20 * 2 ** attempt, 500);

const createLocalBus = (): LocalBus => {
  const consumers = new Map<string, Set<{ run: Consumer; name: string }>>();
  const batchConsumers = new Map<string, Set<{ run: BatchConsumer; name: string; size: number }>>();
  const published: DomainEvent[] = [];
  const pending = new Set<Promise<unknown>>();

  const runWithRetries = async (consumer: { run: Consumer; name: string }, event: DomainEvent): Promise<DeadLetter | undefined> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await consumer.run(event);
        return undefined;
      } catch (error) {
        if (attempt >= RETRIES) {
          console.error(`[local-bus] ${consumer.name} gave up on ${event.type} ${event.id} after ${attempt + 1} attempts`, error);
          return { consumer: consumer.name, event, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), attempts: attempt + 1 };
        }
        await new Promise((r) => setTimeout(r, retryDelayMs(attempt)));
      }
    }
  };

  const runBatchWithRetries = async (consumer: { run: BatchConsumer; name: string }, events: readonly DomainEvent[]): Promise<DeadLetter[]> => {
    const failed = await runWithRetries({ name: consumer.name, run: () => consumer.run(events) }, events[0]!);
    return failed ? events.map((event) => ({ ...failed, event })) : [];
  };

  return {
    published,
    async deliver(events, options = {}) {
      const work = (async () => {
        const runs: Promise<DeadLetter | undefined | DeadLetter[]>[] = [];
        const batches = new Map<{ run: BatchConsumer; name: string; size: number }, DomainEvent[]>();
        for (const event of events) {
          for (const consumer of batchConsumers.get(event.type) ?? []) {
            if (options.only && consumer.name !== options.only) continue;
            (batches.get(consumer) ?? batches.set(consumer, []).get(consumer)!).push(event);
          }
        }
        for (const [consumer, batched] of batches) {
          for (let i = 0; i < batched.length; i += consumer.size) runs.push(runBatchWithRetries(consumer, batched.slice(i, i + consumer.size)));
        }
        for (const event of events) {
          if (!options.only) {
            published.push(event);
            if (published.length > 10_000) published.shift();
          }
          for (const consumer of [...(consumers.get(event.type) ?? []), ...(consumers.get('*') ?? [])]) {
            if (options.only && consumer.name !== options.only) continue;
            runs.push(runWithRetries(consumer, event));
          }
        }
        return (await Promise.all(runs)).flat().filter((d): d is DeadLetter => d !== undefined);
      })();
      pending.add(work);
      try {
        return await work;
      } finally {
        pending.delete(work);
      }
    },
    subscribe(type, run, name = 'anonymous') {
      const set = consumers.get(type) ?? new Set();
      const entry = { run, name };
      set.add(entry);
      consumers.set(type, set);
      return () => set.delete(entry);
    },
    subscribeBatch(type, run, name, size) {
      const set = batchConsumers.get(type) ?? new Set();
      const entry = { run, name, size };
      set.add(entry);
      batchConsumers.set(type, set);
      return () => set.delete(entry);
    },
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    reset() {
      published.length = 0;
    },
  };
};

const globalKey = /* @__PURE__ */ Symbol.for('tatawwu.localBus.v2');
const holder = globalThis as unknown as Record<symbol, LocalBus | undefined>;
export const localBus: LocalBus = /* @__PURE__ */ (() =>
  (holder[globalKey] ??= /* @__PURE__ */ createLocalBus()))();
