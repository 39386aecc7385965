/**
 * `event-outbox` schedule: publishes again the domain events EventBridge refused earlier
 * (parked by shared/messaging/events.ts) and removes each once it is accepted. Oldest first,
 * at most 100 per shard per run. Locally the events go to the in-process bus.
 */
import { eventOutboxRepository } from '../../shared/db/event-outbox-repository.js';
import { EVENT_OUTBOX_SHARDS } from '../../shared/db/entities/outbox-event.js';
import { env } from '../../shared/env.js';
import { eventBridgeSender, type EventBatchSender } from '../../shared/messaging/events.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { job } from '../../shared/middleware/job.js';
import { eventOutboxSchedule } from './index.js';

export interface EventOutboxSummary {
  readonly republished: number;
  readonly stillRefused: number;
}

const localSender: EventBatchSender = async (batch) => {
  await localBus.publish(batch);
  return [];
};

export const drainEventOutbox = async (
  send: EventBatchSender,
  repository = eventOutboxRepository(),
): Promise<EventOutboxSummary> => {
  let republished = 0;
  let stillRefused = 0;
  for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) {
    const parked = await repository.oldest(shard, 100);
    for (let i = 0; i < parked.length; i += 10) {
      const batch = parked.slice(i, i + 10);
      const refused = await send(batch.map((p) => p.event)).catch(() => batch.map((p) => p.event));
      for (const entry of batch) {
        if (refused.includes(entry.event)) {
          stillRefused += 1;
        } else {
          await repository.remove(entry);
          republished += 1;
        }
      }
    }
  }
  return { republished, stillRefused };
};

export const handler = job(eventOutboxSchedule).handler(
  async (): Promise<EventOutboxSummary> => drainEventOutbox(env.mode === 'local' ? localSender : eventBridgeSender),
);
