/**
 * The one path every notification takes:
 *
 * 1. resolve the recipient (volunteer profile: contact, consent, locale, quiet hours; or a
 *    bare address) and the suppression list (SMS STOP, bounces, complaints);
 * 2. per channel, decide send / defer (quiet hours) / suppress (shared/domain/notifications/policy.ts);
 * 3. write the outbox record under its deterministic dedupe key with `attribute_not_exists`
 *    BEFORE sending: a second request for the same message finds it and sends nothing;
 * 4. render (shared/messaging/render.ts) and send with retries and exponential backoff
 *    (full jitter), then record the result: `sent`, `failed` (permanent refusal, with reason),
 *    or `dead` after the last try — dead-lettered (NotificationDeadLettered event → SQS DLQ in
 *    the cloud; listed at GET /local/outbox locally). The record keeps everything needed to
 *    send it again, so nothing is lost.
 *
 * A record stuck in `sending` (the process died mid-send) is taken over once its lease has
 * passed. That is the one case where a message can go out twice: SES and SMS have no
 * idempotency token, so "never twice" holds for everything we can observe, and the lease
 * makes the remaining window seconds wide.
 */
import { dedupeKey, decideChannel, type Contact } from '../domain/notifications/policy.js';
import {
  NotificationRequest,
  SuppressionReason,
  type Channel,
  type OutboxRecord,
  type Params,
  type ParsedNotificationRequest,
  type RecipientRef,
} from '../domain/notifications/schema.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { inParallel } from '../concurrency.js';
import { env } from '../env.js';
import { notificationContacts, suppressionKey, type ContactStore } from '../db/notification-contacts.js';
import { notificationOutbox, type OutboxStore, type SendResult } from '../db/notification-outbox.js';
import { describeError, isPermanent } from './delivery.js';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { ulid } from 'ulid';
import { metrics } from '../powertools/index.js';
import { domainEvent } from '../domain/events.js';
import { appUrl } from './links.js';
import { buildCalendar, methodOf } from './ics.js';
import { renderBilingualEmail, renderEmail, renderSms } from './render.js';
import { sesEmailTransport, type EmailTransport } from './ses-email.js';
import { smsSender, type SmsSender } from './sms.js';
import { templates } from './templates/index.js';

export type Outcome = 'sent' | 'failed' | 'dead' | 'suppressed' | 'deferred' | 'duplicate';

export interface ChannelResult {
  readonly channel: Channel;
  readonly id: string;
  readonly outcome: Outcome;
  readonly reason?: string;
}

export interface RetryPolicy {
  /** Tries per message, the first included. @default 4 */
  readonly attempts: number;
  /** First backoff; doubles each try, with full jitter. @default 200 */
  readonly baseDelayMs: number;
}

export interface NotifierPorts {
  readonly outbox: OutboxStore;
  readonly contacts: ContactStore;
  readonly email: EmailTransport;
  readonly sms: SmsSender;
  readonly clock?: Clock;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long a sender holds a record before another may take it over. @default 120000 */
  readonly leaseMs?: number;
  /** Makes a request's app path absolute. @default the stage's app base URL (shared/messaging/links.ts) */
  readonly appUrl?: (path: string) => string;
  /** Told of every message that ended `failed` or `dead` (the EmailFailed / SmsFailed metrics of the dashboard). */
  readonly onFailure?: (channel: Channel, outcome: 'failed' | 'dead') => void;
}

/**
 * Another delivery holds this message (`sending`, lease not passed): it may be sending it right
 * now, or its process died mid-send. Transient: the caller's retry (a consumer's, a step's)
 * finds it sent, or takes it over once the lease has passed — instead of reporting a
 * duplicate and losing a message whose sender crashed.
 */
export class NotificationInFlightError extends Error {
  override readonly name = 'NotificationInFlightError';
  constructor(readonly notificationId: string, readonly leaseUntil: string) {
    super(`notification ${notificationId} is being sent by another delivery (lease until ${leaseUntil}); try again later`);
  }
}

export interface Notifier {
  notify(request: NotificationRequest): Promise<ChannelResult[]>;
  /** `notify` of many requests at once, reading and writing in batches; the results in the order of the requests. */
  notifyMany(requests: readonly NotificationRequest[]): Promise<ChannelResult[][]>;
  /**
   * Sends again the dead-lettered messages (`dead`, newest first, at most `limit`): each is
   * claimed back to `sending` first, so two re-drives never send one twice.
   */
  redriveDead(limit?: number): Promise<ChannelResult[]>;
  /** Sends the deferred (quiet-hours) SMS that are due, re-checking consent first. */
  flushDeferred(limit?: number): Promise<ChannelResult[]>;
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

const recipientIdOf = (to: RecipientRef): string => (to.kind === 'volunteer' ? `volunteer:${to.volunteerId}` : `email:${to.email.toLowerCase()}`);

const recipientOf = (recipientId: string, record?: OutboxRecord): RecipientRef => {
  if (recipientId.startsWith('volunteer:')) return { kind: 'volunteer', volunteerId: recipientId.slice('volunteer:'.length) };
  return { kind: 'address', email: recipientId.slice('email:'.length), locale: record?.locale ?? 'ar' };
};

const addressContact = (to: Extract<RecipientRef, { kind: 'address' }>): Contact => ({
  recipientId: recipientIdOf(to),
  locale: to.locale,
  email: to.email,
  ...(to.name && { name: { ar: to.name, en: to.name } }),
  // A bare address belongs to an organisation's contact or a ministry reviewer: email only.
  consent: { email: true, sms: false },
});

export const createNotifier = (ports: NotifierPorts): Notifier => {
  const clock = ports.clock ?? systemClock;
  const retry: RetryPolicy = { attempts: 4, baseDelayMs: 200, ...ports.retry };
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const leaseMs = ports.leaseMs ?? 120_000;

  const resolveContact = async (to: RecipientRef): Promise<Contact | undefined> =>
    to.kind === 'volunteer' ? ports.contacts.volunteerContact(to.volunteerId) : addressContact(to);

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

  const paramsFor = (contact: Contact | undefined, params: Params): Params => ({
    ...(contact?.name?.ar && { nameAr: contact.name.ar }),
    ...(contact?.name?.en && { nameEn: contact.name.en }),
    ...params,
  });

  /** The outbox record of one channel of a request, with the decision taken for it. */
  const recordOf = (request: ParsedNotificationRequest, contact: Contact | undefined, channel: Channel, suppressed: Map<string, string>, now: Date): OutboxRecord => {
    const recipientId = contact?.recipientId ?? recipientIdOf(request.to);
    const address = channel === 'email' ? contact?.email : contact?.phone;
    const decision = decideChannel({
      channel,
      contact,
      suppressed: address ? suppressed.get(suppressionKey(channel, address)) : undefined,
      now,
      timeCritical: request.timeCritical,
      staleAfter: request.staleAfter ? new Date(request.staleAfter) : undefined,
    });
    return {
      id: dedupeKey({ type: request.type, recipientId, channel, about: request.about, window: request.window }),
      type: request.type,
      channel,
      recipientId,
      ...((decision.action !== 'suppress' || decision.address) && { address: decision.address }),
      locale: contact?.locale ?? (request.to.kind === 'address' ? request.to.locale : 'ar'),
      ...(request.to.kind === 'address' && request.to.bilingual && { bilingual: true }),
      about: request.about,
      ...(request.window && { window: request.window }),
      params: { ...paramsFor(contact, request.params), ...(request.link && { appLink: (ports.appUrl ?? appUrl)(request.link) }) },
      ...(request.calendar && { calendar: request.calendar }),
      ...(request.rendered && { rendered: request.rendered }),
      ...(request.attachments && { attachments: request.attachments }),
      status: decision.action === 'send' ? 'sending' : decision.action === 'defer' ? 'deferred' : 'suppressed',
      ...(decision.action === 'suppress' && { reason: decision.reason }),
      ...(request.timeCritical && { timeCritical: request.timeCritical }),
      attempts: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      ...(decision.action === 'send' && { leaseUntil: new Date(now.getTime() + leaseMs).toISOString() }),
      ...(decision.action === 'defer' && { sendAfter: decision.sendAfter.toISOString() }),
      ...(request.staleAfter && { staleAfter: request.staleAfter }),
    };
  };

  /**
   * A record whose dedupe key was already written: sent or decided before (a duplicate), or
   * abandoned mid-send (taken over once its lease has passed: returned to be sent again), or
   * held by another delivery right now (NotificationInFlightError).
   */
  const existing = async (record: OutboxRecord, now: Date): Promise<ChannelResult | OutboxRecord> => {
    const found = await ports.outbox.get(record.id);
    const abandoned = found?.status === 'sending' && found.leaseUntil !== undefined && new Date(found.leaseUntil) <= now;
    if (found && abandoned) {
      const lease = new Date(now.getTime() + leaseMs).toISOString();
      if (await ports.outbox.takeOver(record.id, found.leaseUntil!, lease)) return { ...found, leaseUntil: lease };
    }
    if (found?.status === 'sending' && found.leaseUntil !== undefined && !abandoned) throw new NotificationInFlightError(record.id, found.leaseUntil);
    return { channel: record.channel, id: record.id, outcome: 'duplicate' };
  };

  /**
   * Every channel of every request: one read of the recipients, one of the suppression list,
   * the outbox records written before anything is sent, then the sends and their outcomes. A
   * batch (more than one request, the reminders job) reads and writes in BatchGetItem calls and
   * transactions of up to 100 items and sends up to 16 messages at once; a single request
   * writes its records one by one and sends its channels in order.
   */
  const notifyAll = async (inputs: readonly NotificationRequest[]): Promise<ChannelResult[][]> => {
    const requests = inputs.map((input) => NotificationRequest.parse(input));
    const batch = requests.length > 1;
    const now = clock.now();
    const volunteerIds = requests.flatMap((r) => (r.to.kind === 'volunteer' ? [r.to.volunteerId] : []));
    const profiles = batch && volunteerIds.length > 0 ? await ports.contacts.volunteerContacts(volunteerIds) : undefined;
    const contacts = await Promise.all(
      requests.map((r) => (r.to.kind === 'volunteer' ? (profiles ? profiles.get(r.to.volunteerId) : ports.contacts.volunteerContact(r.to.volunteerId)) : addressContact(r.to))),
    );
    const channels = requests.map((request) => request.channels.filter((channel) => channel === 'email' || templates[request.type].sms !== undefined));
    const addresses = channels.flatMap((list, i) =>
      list.flatMap((channel) => {
        const address = channel === 'email' ? contacts[i]?.email : contacts[i]?.phone;
        return address ? [{ channel, address }] : [];
      }),
    );
    const suppressed = await ports.contacts.suppressions(addresses);
    const records = requests.flatMap((request, i) => channels[i]!.map((channel) => ({ request: i, record: recordOf(request, contacts[i], channel, suppressed, now) })));

    const created: boolean[] = [];
    if (batch) created.push(...(await ports.outbox.createMany(records.map((r) => r.record))));
    else for (const { record } of records) created.push(await ports.outbox.create(record));

    const results: ChannelResult[] = new Array(records.length);
    const toSend: { index: number; record: OutboxRecord }[] = [];
    let inFlight: unknown;
    for (const [index, { record }] of records.entries()) {
      if (!created[index]) {
        try {
          const outcome = await existing(record, now);
          if ('outcome' in outcome) results[index] = outcome;
          else toSend.push({ index, record: outcome });
        } catch (error) {
          inFlight ??= error;
        }
      } else if (record.status === 'sending') toSend.push({ index, record });
      else results[index] = { channel: record.channel, id: record.id, outcome: record.status === 'deferred' ? 'deferred' : 'suppressed', ...(record.reason && { reason: record.reason }) };
    }

    // What was sent is recorded even when another send of the batch threw.
    const completions: { id: string; result: SendResult }[] = [];
    let failure: unknown;
    await inParallel(toSend, batch ? 16 : 1, async ({ index, record }) => {
      try {
        const { result, completion } = await attempt(record);
        results[index] = result;
        if (completion) completions.push(completion);
      } catch (error) {
        failure ??= error;
      }
    });
    if (batch) await ports.outbox.completeMany(completions);
    else for (const { id, result } of completions) await ports.outbox.complete(id, result);
    if (failure ?? inFlight) throw failure ?? inFlight;
    return requests.map((_, i) => results.filter((_, index) => records[index]!.request === i));
  };

  return {
    async notify(input) {
      return (await notifyAll([input]))[0]!;
    },

    notifyMany: notifyAll,

    async redriveDead(limit = 100) {
      const results: ChannelResult[] = [];
      for (const record of await ports.outbox.listDead(limit)) {
        const lease = new Date(clock.now().getTime() + leaseMs).toISOString();
        if (!(await ports.outbox.reviveDead(record.id, lease))) continue;
        results.push(await deliver({ ...record, status: 'sending', leaseUntil: lease }));
      }
      return results;
    },

    async flushDeferred(limit = 500) {
      const now = clock.now();
      const due = await ports.outbox.dueDeferred(now, limit);
      const results: ChannelResult[] = [];
      for (const record of due) {
        if (!(await ports.outbox.claimDeferred(record.id, new Date(now.getTime() + leaseMs).toISOString()))) continue;
        // Consent may have changed overnight: decide again with the current profile and suppressions.
        const contact = await resolveContact(recipientOf(record.recipientId, record));
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
        results.push(await deliver({ ...record, address: decision.address, status: 'sending' }));
      }
      return results;
    },
  };
};

const cached = /* @__PURE__ */ new Map<string, Notifier>();

const build = (clock?: Clock): Notifier => {
  return createNotifier({
    outbox: notificationOutbox(),
    contacts: notificationContacts(),
    email: sesEmailTransport(),
    sms: smsSender(),
    ...(clock && { clock }),
    ...(process.env.NOTIFICATION_LEASE_MS && { leaseMs: Number(process.env.NOTIFICATION_LEASE_MS) }),
    onFailure: (channel) => metrics.addMetric(channel === 'sms' ? 'SmsFailed' : 'EmailFailed', MetricUnit.Count, 1),
  });
};

/**
 * The notifier of this process: SES, the region's SMS sender, the table, the domain bus.
 * One per table and mode (a test process may point at several tables in turn). A scheduled
 * job passes its clock (the schedule's time), so a retried invocation decides quiet hours
 * exactly as the first one did.
 */
export const notifier = (clock?: Clock): Notifier => {
  if (clock) return build(clock);
  const key = `${env.tableName}|${env.mode}`;
  let instance = cached.get(key);
  if (!instance) {
    instance = build();
    cached.set(key, instance);
  }
  return instance;
};
