/**
 * The in-process event bus of the local platform and the tests (EventBridge's stand-in).
 * Consumers run asynchronously, as they would behind EventBridge; `drain()` waits for them.
 * Kept on globalThis so that every module instance in the process shares one bus.
 */
import type { DomainEvent, EventPublisher } from './events.js';

type Consumer = (event: DomainEvent) => Promise<void>;

export interface LocalBus extends EventPublisher {
  /** Every event published since start (or the last `reset()`), oldest first. */
  readonly published: readonly DomainEvent[];
  subscribe(type: string, consumer: Consumer): () => void;
  drain(): Promise<void>;
  reset(): void;
}

const createLocalBus = (): LocalBus => {
  const consumers = new Map<string, Set<Consumer>>();
  const published: DomainEvent[] = [];
  const pending = new Set<Promise<void>>();
  return {
    published,
    async publish(events) {
      for (const event of events) {
        published.push(event);
        if (published.length > 10_000) published.shift();
        for (const consumer of [...(consumers.get(event.type) ?? []), ...(consumers.get('*') ?? [])]) {
          const run = Promise.resolve()
            .then(() => consumer(event))
            .catch((error: unknown) => console.error(`[local-bus] consumer of ${event.type} failed`, error))
            .finally(() => pending.delete(run));
          pending.add(run);
        }
      }
    },
    subscribe(type, consumer) {
      const set = consumers.get(type) ?? new Set<Consumer>();
      set.add(consumer);
      consumers.set(type, set);
      return () => set.delete(consumer);
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    reset() {
      published.length = 0;
    },
  };
};

const globalKey = Symbol.for('tatawwu.localBus');
const holder = globalThis as unknown as Record<symbol, LocalBus | undefined>;
export const localBus: LocalBus = (holder[globalKey] ??= createLocalBus());
