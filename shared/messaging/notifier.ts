/**
 * The one path every notification takes, on the side of the function that asks for it:
 *
 * 1. resolve the recipient (volunteer profile: contact, consent, locale, quiet hours; or a
 *    bare address) and the suppression list (SMS STOP, bounces, complaints);
 * 2. per channel, decide send / defer (quiet hours) / suppress (shared/domain/notifications/policy.ts);
 * 3. write the outbox record under its deterministic dedupe key with `attribute_not_exists`:
 *    a second request for the same message finds it and queues nothing. A message to send now
 *    is written `queued` together with its `NotificationQueued` event (one transaction), so it
 *    is never without the event that gets it sent.
 *
 * The `DeliverNotifications` consumer (shared/messaging/sender.ts) renders and sends what was
 * queued, with retries, dead letters and leases. Issue 17: the functions that ask for messages
 * (consumers, schedules, workflow steps) carry neither the templates nor SES nor the SMS
 * client; only the delivery consumer does.
 */
import { dedupeKey, decideChannel, type Contact } from '../domain/notifications/policy.js';
import { checkedRequest } from '../domain/notifications/request.js';
import type { Channel, NotificationRequest, OutboxRecord, Params, ParsedNotificationRequest, RecipientRef } from '../domain/notifications/schema.js';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { env } from '../env.js';
import { notificationContacts, suppressionKey, type ContactStore } from '../db/notification-contacts.js';
import { outboxWrites, type OutboxWrites } from '../db/outbox-writes.js';
import { ulid } from 'ulid';
import { domainEvent, type DomainEvent } from '../domain/events.js';
import { appUrl } from './links.js';
import { hasSms } from './templates/channels.js';

export type Outcome = 'queued' | 'sent' | 'failed' | 'dead' | 'suppressed' | 'deferred' | 'duplicate';

export interface ChannelResult {
  readonly channel: Channel;
  readonly id: string;
  readonly outcome: Outcome;
  readonly reason?: string;
}


export interface NotifierPorts {
  /** Writes only: the notifier's side reads no outbox record (issue 17). */
  readonly outbox: OutboxWrites;
  readonly contacts: ContactStore;
  readonly clock?: Clock;
  /** Makes a request's app path absolute. @default the stage's app base URL (shared/messaging/links.ts) */
  readonly appUrl?: (path: string) => string;
}

export interface Notifier {
  notify(request: NotificationRequest): Promise<ChannelResult[]>;
  /** `notify` of many requests at once, reading and writing in batches; the results in the order of the requests. */
  notifyMany(requests: readonly NotificationRequest[]): Promise<ChannelResult[][]>;
}

/** The `NotificationQueued` event of a record to send: written with it, taken by the delivery consumer. */
export const queuedEvent = (record: Pick<OutboxRecord, 'id' | 'type' | 'channel'>, time: Date): DomainEvent =>
  domainEvent('NotificationQueued', { notificationId: record.id, type: record.type, channel: record.channel }, { id: ulid(time.getTime()), time });

const recipientIdOf = (to: RecipientRef): string => (to.kind === 'volunteer' ? `volunteer:${to.volunteerId}` : `email:${to.email.toLowerCase()}`);

export const recipientOf = (recipientId: string, record?: OutboxRecord): RecipientRef => {
  if (recipientId.startsWith('volunteer:')) return { kind: 'volunteer', volunteerId: recipientId.slice('volunteer:'.length) };
  return { kind: 'address', email: recipientId.slice('email:'.length), locale: record?.locale ?? 'ar' };
};

export const addressContact = (to: Extract<RecipientRef, { kind: 'address' }>): Contact => ({
  recipientId: recipientIdOf(to),
  locale: to.locale,
  email: to.email,
  ...(to.name && { name: { ar: to.name, en: to.name } }),
  // A bare address belongs to an organisation's contact or a ministry reviewer: email only.
  consent: { email: true, sms: false },
});

export const createNotifier = (ports: NotifierPorts): Notifier => {
  const clock = ports.clock ?? systemClock;

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
      status: decision.action === 'send' ? 'queued' : decision.action === 'defer' ? 'deferred' : 'suppressed',
      ...(decision.action === 'suppress' && { reason: decision.reason }),
      ...(request.timeCritical && { timeCritical: request.timeCritical }),
      attempts: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      ...(decision.action === 'defer' && { sendAfter: decision.sendAfter.toISOString() }),
      ...(request.staleAfter && { staleAfter: request.staleAfter }),
    };
  };

  /**
   * Every channel of every request: one read of the recipients, one of the suppression list,
   * then the outbox records, each to send with its NotificationQueued event. A batch (more than
   * one request, the reminders job) reads and writes in BatchGetItem calls and transactions of
   * up to 100 items; a single request writes its records one by one. A record whose dedupe key
   * was already written is a duplicate: queued, sent or decided before, and the delivery
   * consumer owns whatever is left to do with it.
   */
  const notifyAll = async (inputs: readonly NotificationRequest[]): Promise<ChannelResult[][]> => {
    const requests = inputs.map((input) => checkedRequest(input));
    const batch = requests.length > 1;
    const now = clock.now();
    const volunteerIds = requests.flatMap((r) => (r.to.kind === 'volunteer' ? [r.to.volunteerId] : []));
    const profiles = batch && volunteerIds.length > 0 ? await ports.contacts.volunteerContacts(volunteerIds) : undefined;
    const contacts = await Promise.all(
      requests.map((r) => (r.to.kind === 'volunteer' ? (profiles ? profiles.get(r.to.volunteerId) : ports.contacts.volunteerContact(r.to.volunteerId)) : addressContact(r.to))),
    );
    const channels = requests.map((request) => request.channels.filter((channel) => channel === 'email' || hasSms(request.type)));
    const addresses = channels.flatMap((list, i) =>
      list.flatMap((channel) => {
        const address = channel === 'email' ? contacts[i]?.email : contacts[i]?.phone;
        return address ? [{ channel, address }] : [];
      }),
    );
    const suppressed = await ports.contacts.suppressions(addresses);
    const records = requests.flatMap((request, i) => channels[i]!.map((channel) => ({ request: i, record: recordOf(request, contacts[i], channel, suppressed, now) })));
    const events = records.map(({ record }) => (record.status === 'queued' ? queuedEvent(record, now) : undefined));

    const created: boolean[] = [];
    if (batch) created.push(...(await ports.outbox.createMany(records.map((r) => r.record), events)));
    else for (const [index, { record }] of records.entries()) created.push(await ports.outbox.create(record, events[index]));

    const results = records.map(({ record }, index): ChannelResult => {
      if (!created[index]) return { channel: record.channel, id: record.id, outcome: 'duplicate' };
      const outcome = record.status === 'queued' ? 'queued' : record.status === 'deferred' ? 'deferred' : 'suppressed';
      return { channel: record.channel, id: record.id, outcome, ...(record.reason && { reason: record.reason }) };
    });
    return requests.map((_, i) => results.filter((_, index) => records[index]!.request === i));
  };

  return {
    async notify(input) {
      return (await notifyAll([input]))[0]!;
    },

    notifyMany: notifyAll,
  };
};

const cached = /* @__PURE__ */ new Map<string, Notifier>();

const build = (clock?: Clock): Notifier =>
  createNotifier({
    outbox: outboxWrites(),
    contacts: notificationContacts(),
    ...(clock && { clock }),
  });

/**
 * The notifier of this process: the table (outbox, contacts, suppressions). One per table and
 * mode (a test process may point at several tables in turn). A scheduled job passes its clock
 * (the schedule's time), so a retried invocation decides quiet hours exactly as the first one did.
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
