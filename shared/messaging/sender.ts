/**
 * The delivery half of the notifier (issue 17): the `DeliverNotifications` consumer takes the
 * `NotificationQueued` events and, for each, the outbox record the notifier wrote:
 *
 * 1. claims it (`queued` → `sending`, with a lease), or takes over a `sending` record whose
 *    lease has passed (its sender died mid-send); a record already sent, failed or dead is
 *    left alone (a redelivered event sends nothing);
 * 2. renders it (shared/messaging/render.ts) and sends it with retries and exponential backoff
 *    (full jitter), then records the result: `sent`, `failed` (permanent refusal, with reason),
 *    or `dead` after the last try — dead-lettered (NotificationDeadLettered event → SQS DLQ in
 *    the cloud; listed at GET /local/outbox locally). The record keeps everything needed to
 *    send it again, so nothing is lost.
 *
 * A record stuck in `sending` is the one case where a message can go out twice: SES and SMS
 * have no idempotency token, so "never twice" holds for everything we can observe, and the
 * lease makes the remaining window seconds wide. Only this module (and the functions that
 * deliver) carries the templates, SES and the SMS client.
 */
import type { Channel, OutboxRecord } from '../domain/notifications/schema.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { inParallel } from '../concurrency.js';
import { env } from '../env.js';
import { notificationOutbox, type OutboxStore, type SendResult } from '../db/notification-outbox.js';
import { describeError, isPermanent } from './delivery.js';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { ulid } from 'ulid';
import { metrics } from '../powertools/index.js';
import { domainEvent } from '../domain/events.js';
import { buildCalendar, methodOf } from './ics.js';
import { renderBilingualEmail, renderEmail, renderSms } from './render.js';
import { sesEmailTransport, type EmailTransport } from './ses-email.js';
import { smsSender, type SmsSender } from './sms.js';
import { templates } from './templates/index.js';
import type { ChannelResult } from './notifier.js';

export interface RetryPolicy {
  /** Tries per message, the first included. @default 4 */
  readonly attempts: number;
  /** First backoff; doubles each try, with full jitter. @default 200 */
  readonly baseDelayMs: number;
}

export interface SenderPorts {
  readonly outbox: OutboxStore;
  readonly email: EmailTransport;
  readonly sms: SmsSender;
  readonly clock?: Clock;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long a sender holds a record before another may take it over. @default 120000 */
  readonly leaseMs?: number;
  /** Told of every message that ended `failed` or `dead` (the EmailFailed / SmsFailed metrics of the dashboard). */
  readonly onFailure?: (channel: Channel, outcome: 'failed' | 'dead') => void;
}

/**
 * Another delivery holds this message (`sending`, lease not passed): it may be sending it right
 * now, or its process died mid-send. Transient: the consumer's retry (the queue's redelivery)
 * finds it sent, or takes it over once the lease has passed — instead of dropping a message
 * whose sender crashed.
 */
export class NotificationInFlightError extends Error {
  override readonly name = 'NotificationInFlightError';
  constructor(readonly notificationId: string, readonly leaseUntil: string) {
    super(`notification ${notificationId} is being sent by another delivery (lease until ${leaseUntil}); try again later`);
  }
}

export interface Sender {
  /**
   * Sends the queued records `ids` (the NotificationQueued events of a batch), up to 16 at
   * once; a record not queued any more is left alone (`duplicate`). Throws after the others
   * went out if one is held by another delivery (NotificationInFlightError) or could not be
   * recorded: the batch is delivered again and finds the rest done.
   */
  deliver(ids: readonly string[]): Promise<ChannelResult[]>;
  /**
   * Sends again the dead-lettered messages (`dead`, newest first, at most `limit`): each is
   * claimed back to `sending` first, so two re-drives never send one twice.
   */
  redriveDead(limit?: number): Promise<ChannelResult[]>;
}

/**
 * The `NotificationDeadLettered` event of a record that failed every try: written in the
 * transaction that marks the record dead (OutboxStore.deadLetter), and routed by an
 * EventBridge rule to the notifications DLQ (SQS) in the cloud.
 */
const deadLetteredEvent = (record: OutboxRecord, attempts: number, reason: string, time: Date) =>
  domainEvent(
    'NotificationDeadLettered',
    { notificationId: record.id, type: record.type, channel: record.channel, recipientId: record.recipientId, about: record.about, attempts, reason },
    { id: ulid(time.getTime()), time },
  );

export const createSender = (ports: SenderPorts): Sender => {
  const clock = ports.clock ?? systemClock;
  const retry: RetryPolicy = { attempts: 4, baseDelayMs: 200, ...ports.retry };
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const leaseMs = ports.leaseMs ?? 120_000;
  const transmit = async (record: OutboxRecord): Promise<string> => {
    const template = templates[record.type];
    if (record.channel === 'sms') {
      const body = renderSms(template, record.locale, record.params);
      if (body === undefined) throw new Error(`template ${record.type} has no SMS`);
      return (await ports.sms.send({ to: record.address!, body })).messageId;
    }
    // A report rendered by its area (HTML bars) is sent as it is; everything else by its template.
    const email = record.rendered ?? (record.bilingual ? renderBilingualEmail(template, record.params) : renderEmail(template, record.locale, record.params));
    const attachments = [
      ...(record.attachments ?? []),
      ...(template.calendar && record.calendar
        ? [
            {
              filename: 'invite.ics',
              contentType: `text/calendar; method=${methodOf([record.calendar], {})}`,
              content: buildCalendar([record.calendar], { stamp: record.createdAt }),
            },
          ]
        : []),
    ];
    const { messageId } = await ports.email.send({
      to: record.address!,
      ...email,
      attachments,
      tags: { type: record.type, notification: record.id },
    });
    return messageId;
  };

  /**
   * Sends a record this process holds (`sending`), with retries. A message that failed every
   * try is dead-lettered here (with its event, one transaction); the outcome of the others is
   * returned for the caller to record (`complete`, one by one or in a batch).
   */
  const attempt = async (record: OutboxRecord): Promise<{ result: ChannelResult; completion?: { id: string; result: SendResult } }> => {
    let lastError = '';
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      try {
        const providerMessageId = await transmit(record);
        return {
          result: { channel: record.channel, id: record.id, outcome: 'sent' },
          completion: { id: record.id, result: { status: 'sent', attempts: attempt, at: clock.now().toISOString(), providerMessageId } },
        };
      } catch (error) {
        lastError = describeError(error);
        if (isPermanent(error)) {
          ports.onFailure?.(record.channel, 'failed');
          return {
            result: { channel: record.channel, id: record.id, outcome: 'failed', reason: lastError },
            completion: { id: record.id, result: { status: 'failed', attempts: attempt, at: clock.now().toISOString(), reason: lastError } },
          };
        }
        if (attempt < retry.attempts) await sleep(Math.random() * retry.baseDelayMs * 2 ** (attempt - 1));
      }
    }
    const at = clock.now();
    await ports.outbox.deadLetter(record.id, { attempts: retry.attempts, at: at.toISOString(), reason: lastError }, deadLetteredEvent(record, retry.attempts, lastError, at));
    ports.onFailure?.(record.channel, 'dead');
    return { result: { channel: record.channel, id: record.id, outcome: 'dead', reason: lastError } };
  };

  /** Sends a record this process holds (`sending`) and records the result. */
  const deliver = async (record: OutboxRecord): Promise<ChannelResult> => {
    const { result, completion } = await attempt(record);
    if (completion) await ports.outbox.complete(completion.id, completion.result);
    return result;
  };

  /**
   * The record held by this process (`sending`, its lease), or the outcome that makes sending
   * it wrong: claimed when `queued`, taken over when its lease has passed, left alone when it
   * was sent or decided already. `found` is the record as read (re-read when a claim lost a race).
   */
  const claim = async (id: string, found: OutboxRecord | undefined): Promise<OutboxRecord | ChannelResult> => {
    if (!found) throw new Error(`notification ${id} is queued but has no outbox record`);
    const now = clock.now();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    if (found.status === 'queued') {
      if (await ports.outbox.claimQueued(id, lease)) return { ...found, status: 'sending', leaseUntil: lease };
      return claim(id, await ports.outbox.get(id));
    }
    if (found.status === 'sending' && found.leaseUntil !== undefined) {
      if (new Date(found.leaseUntil) > now) throw new NotificationInFlightError(id, found.leaseUntil);
      if (await ports.outbox.takeOver(id, found.leaseUntil, lease)) return { ...found, leaseUntil: lease };
      return claim(id, await ports.outbox.get(id));
    }
    return { channel: found.channel, id, outcome: 'duplicate' };
  };

  return {
    async deliver(input) {
      const ids = [...new Set(input)];
      // One read of every record of the batch, one claim each, the sends, then their results in transactions of 100.
      const found = new Map((await ports.outbox.getMany(ids)).map((record) => [record.id, record]));
      const results: ChannelResult[] = [];
      const completions: { id: string; result: SendResult }[] = [];
      let failure: unknown;
      await inParallel(ids, 16, async (id) => {
        try {
          const held = await claim(id, found.get(id));
          if ('outcome' in held) {
            results.push(held);
            return;
          }
          const { result, completion } = await attempt(held);
          results.push(result);
          if (completion) completions.push(completion);
        } catch (error) {
          failure ??= error;
        }
      });
      // What was sent is recorded even when another message of the batch failed.
      await ports.outbox.completeMany(completions);
      if (failure) throw failure;
      return ids.flatMap((id) => results.filter((r) => r.id === id));
    },

    async redriveDead(limit = 100) {
      const results: ChannelResult[] = [];
      for (const record of await ports.outbox.listDead(limit)) {
        const lease = new Date(clock.now().getTime() + leaseMs).toISOString();
        if (!(await ports.outbox.reviveDead(record.id, lease))) continue;
        results.push(await deliver({ ...record, status: 'sending', leaseUntil: lease }));
      }
      return results;
    },
  };
};

const cached = /* @__PURE__ */ new Map<string, Sender>();

/** The sender of this process: SES, the region's SMS sender, the table. One per table and mode. */
export const sender = (): Sender => {
  const key = `${env.tableName}|${env.mode}`;
  let instance = cached.get(key);
  if (!instance) {
    instance = createSender({
      outbox: notificationOutbox(),
      email: sesEmailTransport(),
      sms: smsSender(),
      ...(process.env.NOTIFICATION_LEASE_MS && { leaseMs: Number(process.env.NOTIFICATION_LEASE_MS) }),
      onFailure: (channel) => metrics.addMetric(channel === 'sms' ? 'SmsFailed' : 'EmailFailed', MetricUnit.Count, 1),
    });
    cached.set(key, instance);
  }
  return instance;
};
