/**
 * Quiet-hours SMS that are due (the `reminders` schedule): each deferred outbox record is
 * claimed, decided again with the current profile and suppressions (consent may have changed
 * overnight), then queued for the delivery consumer with its `NotificationQueued` event, or
 * suppressed. Apart from the notifier, so that the functions that only ask for messages carry
 * none of the outbox's reads (issue 17).
 */
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { notificationContacts, suppressionKey, type ContactStore } from '../db/notification-contacts.js';
import { notificationOutbox, type OutboxStore } from '../db/notification-outbox.js';
import { decideChannel } from '../domain/notifications/policy.js';
import { SuppressionReason } from '../domain/notifications/schema.js';
import { addressContact, queuedEvent, recipientOf, type ChannelResult } from './notifier.js';

export interface DeferredFlusherPorts {
  readonly outbox: Pick<OutboxStore, 'dueDeferred' | 'claimDeferred' | 'complete' | 'requeue'>;
  readonly contacts: ContactStore;
  readonly clock?: Clock;
  /** How long a deferred record is held while it is decided again. @default 120000 */
  readonly leaseMs?: number;
}

/** Queues the deferred (quiet-hours) SMS that are due, re-checking consent first; at most `limit` records per run. */
export type DeferredFlusher = (limit?: number) => Promise<ChannelResult[]>;

export const createDeferredFlusher =
  (ports: DeferredFlusherPorts): DeferredFlusher =>
  async (limit = 500) => {
    const now = (ports.clock ?? systemClock).now();
    const leaseMs = ports.leaseMs ?? 120_000;
    const due = await ports.outbox.dueDeferred(now, limit);
    const results: ChannelResult[] = [];
    for (const record of due) {
      if (!(await ports.outbox.claimDeferred(record.id, new Date(now.getTime() + leaseMs).toISOString()))) continue;
      // Consent may have changed overnight: decide again with the current profile and suppressions.
      const to = recipientOf(record.recipientId, record);
      const contact = to.kind === 'volunteer' ? await ports.contacts.volunteerContact(to.volunteerId) : addressContact(to);
      const address = record.channel === 'email' ? contact?.email : contact?.phone;
      const suppressed = address ? await ports.contacts.suppressions([{ channel: record.channel, address }]) : new Map<string, string>();
      const decision = decideChannel({
        channel: record.channel,
        contact,
        suppressed: address ? suppressed.get(suppressionKey(record.channel, address)) : undefined,
        now,
        // Quiet hours are over by construction (sendAfter is their end); only consent and staleness are re-checked.
        timeCritical: 'deferred until the end of quiet hours',
        staleAfter: record.staleAfter ? new Date(record.staleAfter) : undefined,
      });
      if (decision.action !== 'send') {
        const reason = decision.action === 'suppress' ? decision.reason : SuppressionReason.stale;
        await ports.outbox.complete(record.id, { status: 'suppressed', attempts: 0, at: now.toISOString(), reason });
        results.push({ channel: record.channel, id: record.id, outcome: 'suppressed', reason });
        continue;
      }
      await ports.outbox.requeue(record.id, decision.address, queuedEvent(record, now));
      results.push({ channel: record.channel, id: record.id, outcome: 'queued' });
    }
    return results;
  };

/** The flusher of this process: the table's outbox, contacts and suppressions, at the schedule's time. */
export const deferredFlusher = (clock?: Clock): DeferredFlusher =>
  createDeferredFlusher({
    outbox: notificationOutbox(),
    contacts: notificationContacts(),
    ...(clock && { clock }),
    ...(process.env.NOTIFICATION_LEASE_MS && { leaseMs: Number(process.env.NOTIFICATION_LEASE_MS) }),
  });
