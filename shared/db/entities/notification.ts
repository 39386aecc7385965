/**
 * The notification outbox: one item per message per channel per person, keyed by its
 * deterministic dedupe key and written (conditionally) before anything is sent. Deferred
 * (quiet-hours) SMS and dead-lettered messages are also in sparse GSI1 partitions, removed when
 * they leave that state.
 */
import { OutboxRecord } from '../../domain/notifications/schema.js';
import { defineEntity } from './entity.js';

const deferredPartition = (day: string) => `NOTIF#DEFERRED#${day}`;
const DEAD = 'NOTIF#DEAD';

/** The `entity` attribute of an outbox item. */
export const NOTIFICATION = 'Notification';

/** The key builders of `notification` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const notificationKeys = {
  item: (id: string) => ({ PK: `NOTIF#${id}`, SK: 'NOTIF' }),
  /** Day bucket (UTC date of `sendAfter`) keeps the partition small; the job reads yesterday's and today's. */
  deferredIndex: (sendAfter: string, id: string) => ({ GSI1PK: deferredPartition(sendAfter.slice(0, 10)), GSI1SK: `${sendAfter}#${id}` }),
  deferredPartition,
  deadIndex: (at: string, id: string) => ({ GSI1PK: DEAD, GSI1SK: `${at}#${id}` }),
  deadPartition: DEAD,
  /** GSI2: every message to one person, oldest first (their copy, their erasure). */
  recipientIndex: (recipientId: string, createdAt: string, id: string) => ({ GSI2PK: `NOTIFTO#${recipientId}`, GSI2SK: `${createdAt}#${id}` }),
  recipientPartition: (recipientId: string) => `NOTIFTO#${recipientId}`,
};

export const notification = /* @__PURE__ */ defineEntity({
  name: NOTIFICATION,
  schema: OutboxRecord,
  keys: notificationKeys,
  accessPatterns: [
    {
      pattern: 'write a notification once, before sending it (dedupe)',
      key: 'Put PK = NOTIF#<dedupe key>, SK = NOTIF if attribute_not_exists(PK)',
      index: 'table',
      operation: 'PutItem',
    },
    {
      pattern: 'record a send result / take over an abandoned send',
      key: 'Update PK = NOTIF#<id>, SK = NOTIF if status = sending (AND leaseUntil = <seen>)',
      index: 'table',
      operation: 'UpdateItem',
    },
    { pattern: 'deferred (quiet hours) SMS that are due', key: 'GSI1PK = NOTIF#DEFERRED#<yyyy-mm-dd> AND GSI1SK <= <now>', index: 'GSI1', operation: 'Query' },
    { pattern: 'dead-lettered notifications, newest first', key: 'GSI1PK = NOTIF#DEAD', index: 'GSI1', operation: 'Query' },
    { pattern: "messages to one person (personal-data copy and erasure); kept 1 year (TTL)", key: 'GSI2PK = NOTIFTO#<recipientId>', index: 'GSI2', operation: 'Query' },
  ],
});
