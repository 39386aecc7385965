/**
 * Domain events EventBridge refuses are parked in the table and published again by the
 * `event-outbox` schedule. EventBridge has no local stand-in, so the sender is the one fake
 * here (a function that refuses chosen events); the table is the real DynamoDB Local.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { drainEventOutbox } from '../../functions/schedules/event-outbox.js';
import { eventOutboxRepository } from '../../shared/db/event-outbox-repository.js';
import { EVENT_OUTBOX_SHARDS } from '../../shared/db/entities/outbox-event.js';
import { publisherWithOutbox, type DomainEvent, type EventBatchSender } from '../../shared/messaging/events.js';
import { testEvent } from '../helpers/events.js';
import { createTestTable } from '../helpers/table.js';

const refusing =
  (refuse: (event: DomainEvent) => boolean, delivered: DomainEvent[] = []): EventBatchSender =>
  async (batch) => {
    delivered.push(...batch.filter((event) => !refuse(event)));
    return batch.filter(refuse);
  };

const parkedCount = async (): Promise<number> => {
  const repository = eventOutboxRepository();
  let count = 0;
  for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) count += (await repository.oldest(shard, 100)).length;
  return count;
};

describe('event outbox', () => {
  beforeAll(async () => {
    await createTestTable();
  });

  it('parks what EventBridge refuses instead of failing the request, and a drain publishes it once', async () => {
    const events = Array.from({ length: 13 }, (_, i) => testEvent('ApplicationApproved', { applicationId: `a${i}` }));
    const publisher = publisherWithOutbox(
      refusing((event) => ['a3', 'a11'].includes(String(event.detail.applicationId))),
      (refused, reason) => eventOutboxRepository().park(refused, reason),
    );

    await publisher.publish(events);
    expect(await parkedCount()).toBe(2);

    const delivered: DomainEvent[] = [];
    const summary = await drainEventOutbox(refusing(() => false, delivered));
    expect(summary).toEqual({ republished: 2, stillRefused: 0 });
    expect(delivered.map((event) => event.detail.applicationId).sort()).toEqual(['a11', 'a3']);
    expect(await parkedCount()).toBe(0);
  });

  it('parks a whole batch when EventBridge cannot be reached at all', async () => {
    const publisher = publisherWithOutbox(
      async () => {
        throw new Error('connect ETIMEDOUT');
      },
      (refused, reason) => eventOutboxRepository().park(refused, reason),
    );
    await publisher.publish([testEvent('VolunteerRegistered', { volunteerId: 'v1' }), testEvent('VolunteerRegistered', { volunteerId: 'v2' })]);
    expect(await parkedCount()).toBe(2);
    await drainEventOutbox(refusing(() => false));
    expect(await parkedCount()).toBe(0);
  });

  it('keeps an event parked while EventBridge still refuses it', async () => {
    await eventOutboxRepository().park([testEvent('OpportunityClosed', { opportunityId: 'o1' })], 'refused by EventBridge');
    const summary = await drainEventOutbox(refusing(() => true));
    expect(summary).toEqual({ republished: 0, stillRefused: 1 });
    expect(await parkedCount()).toBe(1);
  });

  it('fails the publish only when the table refuses to park the events too', async () => {
    const publisher = publisherWithOutbox(refusing(() => true), async () => {
      throw new Error('table unavailable');
    });
    await expect(publisher.publish([testEvent('VolunteerRegistered', { volunteerId: 'v3' })])).rejects.toThrow('table unavailable');
  });
});
