/**
 * The local bus hands a batch consumer (functions/consumers/definition.ts `batch`) the events of a
 * delivery `size` at a time, as the SQS event source does in the cloud, and dead-letters each event
 * of a batch that keeps failing.
 */
import { describe, expect, it } from 'vitest';
import { localBus } from '../../shared/messaging/local-bus.js';
import { testEvent } from '../helpers/events.js';

describe('local bus batch consumers', () => {
  it('hands a delivery of 250 events to a batch consumer of size 100 in 3 calls, in order', async () => {
    const calls: string[][] = [];
    const off = localBus.subscribeBatch('BatchProbe', async (events) => void calls.push(events.map((e) => e.id)), 'BatchProbe', 100);
    const events = Array.from({ length: 250 }, (_, i) => testEvent('BatchProbe', { i }));

    const dead = await localBus.deliver(events);
    off();

    expect(dead).toEqual([]);
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(calls.flat()).toEqual(events.map((e) => e.id));
  });

  it('retries a failing batch, then dead-letters each of its events, and re-drives them to that consumer only', async () => {
    let failing = true;
    let tries = 0;
    const seen: number[] = [];
    const off = localBus.subscribeBatch(
      'BatchProbeFailing',
      async (events) => {
        tries += 1;
        if (failing) throw new Error('down');
        seen.push(events.length);
      },
      'BatchProbeFailing',
      10,
    );
    const events = Array.from({ length: 3 }, (_, i) => testEvent('BatchProbeFailing', { i }));

    const dead = await localBus.deliver(events);
    failing = false;
    const again = await localBus.deliver([dead[0]!.event], { only: 'BatchProbeFailing' });
    off();

    expect(tries).toBe(6);
    expect(dead.map((d) => [d.consumer, d.event.id, d.attempts])).toEqual(events.map((e) => ['BatchProbeFailing', e.id, 5]));
    expect([again, seen]).toEqual([[], [1]]);
  });
});
