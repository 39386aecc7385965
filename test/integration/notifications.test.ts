import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';
import { emailsTo, fixedClock, seedVolunteer } from './notifications-support.js';

await createTestTable();
const { notificationRepository } = await import('../../shared/db/notification-repository.js');
const { createNotifier } = await import('../../shared/messaging/notifier.js');
const { createDeferredFlusher } = await import('../../shared/messaging/deferred.js');
const { createSender, NotificationInFlightError } = await import('../../shared/messaging/sender.js');
const { sesEmailTransport } = await import('../../shared/messaging/ses-email.js');
const { localSmsSender } = await import('../../shared/messaging/sms.js');
const { DeliveryError } = await import('../../shared/messaging/delivery.js');
const { handleInboundSms } = await import('../../shared/domain/notifications/service.js');
const { notifierEmailSender } = await import('../../shared/messaging/email.js');
import type { SmsSender } from '../../shared/messaging/sms.js';
import type { NotificationRequest } from '../../shared/domain/notifications/schema.js';
import type { ChannelResult } from '../../shared/messaging/notifier.js';

const repository = notificationRepository();
// 10:00 in Riyadh: outside quiet hours.
const DAYTIME = '2030-03-13T07:00:00.000Z';
// 23:30 in Riyadh: inside the platform's quiet hours (22:00–07:00).
const NIGHT = '2030-03-13T20:30:00.000Z';

/** The delivery consumer's sender at `iso` (shared/messaging/sender.ts), with `sms` as the SMS provider. */
const senderAt = (iso: string, sms: SmsSender = localSmsSender(repository)) =>
  createSender({ outbox: repository, email: sesEmailTransport(), sms, clock: fixedClock(iso), retry: { attempts: 3, baseDelayMs: 1 } });

/**
 * The notifier at `iso`, each call followed by what its NotificationQueued events make the
 * delivery consumer do: the queued records handed to the sender. The outcomes are the delivered
 * ones (`sent`, `dead`…) for what was queued, the notifier's own for the rest.
 */
const notifierAt = (iso: string, sms?: SmsSender) => {
  const notifier = createNotifier({ outbox: repository, contacts: repository, clock: fixedClock(iso) });
  const delivered = async (results: ChannelResult[]) => {
    const queued = results.filter((r) => r.outcome === 'queued');
    const outcomes = await senderAt(iso, sms).deliver(queued.map((r) => r.id));
    return results.map((r) => outcomes.find((o) => o.id === r.id) ?? r);
  };
  return {
    notify: async (request: NotificationRequest) => delivered(await notifier.notify(request)),
    flushDeferred: async () => delivered(await createDeferredFlusher({ outbox: repository, contacts: repository, clock: fixedClock(iso) })()),
    redriveDead: (limit?: number) => senderAt(iso, sms).redriveDead(limit),
  };
};

const approved = (volunteerId: string, about = `app-${Math.random()}`): NotificationRequest => ({
  type: 'application-approved',
  to: { kind: 'volunteer', volunteerId },
  about,
  channels: ['email', 'sms'],
  params: {
    titleAr: 'توزيع السلال الغذائية',
    titleEn: 'Food basket distribution',
    orgNameAr: 'جمعية إطعام',
    orgNameEn: 'Itaam Association',
    start: '2030-03-14T05:30:00.000Z',
    end: '2030-03-14T09:00:00.000Z',
  },
  calendar: {
    uid: 'shift-s1@tatawwu.sa',
    start: '2030-03-14T05:30:00.000Z',
    end: '2030-03-14T09:00:00.000Z',
    summary: 'Food basket distribution',
  },
});

/** The events in the table's outbox (what the stream carries to the bus). */
const outboxEvents = async () => {
  const { documentClient } = await import('../../shared/db/client.js');
  const { outboxEvent, EVENT_OUTBOX_SHARDS } = await import('../../shared/db/entities/outbox-event.js');
  const { env } = await import('../../shared/env.js');
  const events: { type: string; detail: Record<string, unknown> }[] = [];
  for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) {
    const page = await documentClient().send(
      new QueryCommand({ TableName: env.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': outboxEvent.keys.shard(shard) } }),
    );
    events.push(...(page.Items ?? []).map((item) => outboxEvent.fromItem(item).event));
  }
  return events;
};
const deadLetteredEvents = async () => (await outboxEvents()).filter((e) => e.type === 'NotificationDeadLettered');
const queuedEvents = async () => (await outboxEvents()).filter((e) => e.type === 'NotificationQueued');

const smsTo = async (phone: string) => (await repository.listLocalSms(1000)).filter((sms) => sms.to === phone);

describe('notifier', () => {
  it('emails a volunteer in Arabic, right to left, with the calendar invite attached', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar' });

    await notifierAt(DAYTIME).notify(approved(volunteer.id));

    const [email, ...others] = await emailsTo(volunteer.email);
    expect(others).toHaveLength(0);
    expect(email!.subject).toBe('تم قبولك للتطوع في توزيع السلال الغذائية');
    expect(email!.body.html).toContain('<html dir="rtl" lang="ar">');
    expect(email!.body.text).toContain('سارة القحطاني');
    const invite = email!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(Buffer.from(invite!.content, 'base64').toString('utf8')).toContain('UID:shift-s1@tatawwu.sa');
  });

  it('emails a volunteer whose locale is English in English', async () => {
    const volunteer = await seedVolunteer({ locale: 'en' });

    await notifierAt(DAYTIME).notify({ ...approved(volunteer.id), calendar: undefined });

    const [email] = await emailsTo(volunteer.email);
    expect(email!.subject).toBe('You are approved: Food basket distribution');
    expect(email!.body.html).toContain('<html dir="ltr" lang="en">');
  });

  it('sends the SMS to the volunteer’s phone in their language', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar' });

    await notifierAt(DAYTIME).notify(approved(volunteer.id));

    const [sms, ...others] = await smsTo(volunteer.phone);
    expect(others).toHaveLength(0);
    expect(sms!.body).toBe('تم قبولك في «توزيع السلال الغذا…» موعدك 14/03 08:30 - تطوع لإيقافها أرسل إيقاف');
  });

  it('sends nothing the second time the same message is asked for', async () => {
    const volunteer = await seedVolunteer();
    const request = approved(volunteer.id, 'app-once');

    await notifierAt(DAYTIME).notify(request);
    const second = await notifierAt(DAYTIME).notify(request);

    expect(second.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(await emailsTo(volunteer.email)).toHaveLength(1);
    expect(await smsTo(volunteer.phone)).toHaveLength(1);
  });

  it('never uses a channel the volunteer opted out of', async () => {
    const volunteer = await seedVolunteer({ sms: false });

    const results = await notifierAt(DAYTIME).notify(approved(volunteer.id));

    expect(results.find((r) => r.channel === 'sms')).toMatchObject({ outcome: 'suppressed', reason: 'no-consent' });
    expect(await smsTo(volunteer.phone)).toHaveLength(0);
    expect(await emailsTo(volunteer.email)).toHaveLength(1);
  });

  it('defers an SMS in quiet hours to 07:00 Riyadh instead of sending it', async () => {
    const volunteer = await seedVolunteer();

    const results = await notifierAt(NIGHT).notify(approved(volunteer.id));

    expect(results.find((r) => r.channel === 'sms')?.outcome).toBe('deferred');
    expect(await smsTo(volunteer.phone)).toHaveLength(0);
    const record = await repository.get(results.find((r) => r.channel === 'sms')!.id);
    expect(record).toMatchObject({ status: 'deferred', sendAfter: '2030-03-14T04:00:00.000Z' });
  });

  it('sends a deferred SMS once quiet hours are over, and only then', async () => {
    const volunteer = await seedVolunteer();
    await notifierAt(NIGHT).notify(approved(volunteer.id));

    await notifierAt('2030-03-14T03:59:00.000Z').flushDeferred();
    expect(await smsTo(volunteer.phone)).toHaveLength(0);
    await notifierAt('2030-03-14T04:00:00.000Z').flushDeferred();
    await notifierAt('2030-03-14T04:15:00.000Z').flushDeferred();

    expect(await smsTo(volunteer.phone)).toHaveLength(1);
  });

  it('does not send a deferred SMS to a number that sent STOP overnight', async () => {
    const volunteer = await seedVolunteer();
    const [, sms] = await notifierAt(NIGHT).notify(approved(volunteer.id));
    await handleInboundSms({ suppressions: repository, clock: fixedClock(NIGHT) }, { from: volunteer.phone, body: 'STOP' });

    await notifierAt('2030-03-14T04:00:00.000Z').flushDeferred();

    expect(await smsTo(volunteer.phone)).toHaveLength(0);
    expect(await repository.get(sms!.id)).toMatchObject({ status: 'suppressed', reason: 'opted-out' });
  });

  it('honours the volunteer’s own quiet hours', async () => {
    const volunteer = await seedVolunteer({ quietHours: { from: '09:00', to: '12:00' } });

    const results = await notifierAt(DAYTIME).notify(approved(volunteer.id));

    expect(results.find((r) => r.channel === 'sms')?.outcome).toBe('deferred');
    expect(await repository.get(results.find((r) => r.channel === 'sms')!.id)).toMatchObject({ sendAfter: '2030-03-13T09:00:00.000Z' });
  });

  it('sends a time-critical SMS in quiet hours, recording why', async () => {
    const volunteer = await seedVolunteer();

    const results = await notifierAt(NIGHT).notify({ ...approved(volunteer.id), timeCritical: 'the shift starts within two hours' });

    expect(await smsTo(volunteer.phone)).toHaveLength(1);
    expect(await repository.get(results.find((r) => r.channel === 'sms')!.id)).toMatchObject({
      status: 'sent',
      timeCritical: 'the shift starts within two hours',
    });
  });

  it('drops a quiet-hours SMS that would be pointless by 07:00', async () => {
    const volunteer = await seedVolunteer();

    const results = await notifierAt(NIGHT).notify({ ...approved(volunteer.id), staleAfter: '2030-03-14T02:00:00.000Z' });

    expect(results.find((r) => r.channel === 'sms')).toMatchObject({ outcome: 'suppressed', reason: 'quiet-hours-stale-by-morning' });
  });

  it('stops SMS to a number after STOP, records when, and resumes after START', async () => {
    const volunteer = await seedVolunteer();
    await handleInboundSms({ suppressions: repository, clock: fixedClock(DAYTIME) }, { from: volunteer.phone, body: 'stop please' });

    const results = await notifierAt(DAYTIME).notify(approved(volunteer.id, 'after-stop'));
    expect(results.find((r) => r.channel === 'sms')).toMatchObject({ outcome: 'suppressed', reason: 'opted-out' });
    expect(await repository.getSuppression('sms', volunteer.phone)).toMatchObject({ at: DAYTIME, source: 'sms-keyword:STOP' });

    await handleInboundSms({ suppressions: repository, clock: fixedClock(DAYTIME) }, { from: volunteer.phone, body: 'START' });
    await notifierAt(DAYTIME).notify(approved(volunteer.id, 'after-start'));
    expect(await smsTo(volunteer.phone)).toHaveLength(1);
  });

  describe('with a failing SMS provider', () => {
    // The one mock of these tests: a provider that fails has no local stand-in (the local SMS
    // box and the SES emulator always accept), so this SmsSender throws what AWS would.
    const failing = (error: () => Error) => {
      const calls: string[] = [];
      const sender: SmsSender = {
        async send(message) {
          calls.push(message.to);
          throw error();
        },
      };
      return { sender, calls };
    };
    const throttled = () => Object.assign(new Error('rate exceeded'), { name: 'ThrottlingException', $fault: 'client' as const });

    it('retries, then dead-letters the message after the last try with everything needed to send it again', async () => {
      const volunteer = await seedVolunteer();
      const { sender, calls } = failing(throttled);

      const results = await notifierAt(DAYTIME, sender).notify(approved(volunteer.id));

      const sms = results.find((r) => r.channel === 'sms')!;
      expect(sms.outcome).toBe('dead');
      expect(calls).toHaveLength(3);
      const record = await repository.get(sms.id);
      expect(record).toMatchObject({ status: 'dead', attempts: 3, address: volunteer.phone, reason: expect.stringContaining('ThrottlingException') });
      expect(record!.params.titleAr).toBe('توزيع السلال الغذائية');
      expect((await repository.listDead()).map((r) => r.id)).toContain(sms.id);
      expect((await deadLetteredEvents()).map((e) => e.detail.notificationId)).toContain(sms.id);
    });

    it('writes the dead letter and its NotificationDeadLettered event in one transaction: no event when the record is not being sent', async () => {
      const volunteer = await seedVolunteer();
      const results = await notifierAt(DAYTIME).notify(approved(volunteer.id));
      const sent = results.find((r) => r.channel === 'email')!;
      const { domainEvent } = await import('../../shared/domain/events.js');
      const event = domainEvent(
        'NotificationDeadLettered',
        { notificationId: sent.id, type: 'application-approved', channel: 'email', recipientId: `volunteer:${volunteer.id}`, about: 'x', attempts: 3, reason: 'r' },
        { id: `01J${Math.random().toString(36).slice(2, 12).toUpperCase()}`, time: new Date() },
      );

      const write = repository.deadLetter(sent.id, { attempts: 3, at: new Date().toISOString(), reason: 'late' }, event);

      await expect(write).rejects.toThrow();
      expect(await repository.get(sent.id)).toMatchObject({ status: 'sent' });
      expect((await deadLetteredEvents()).map((e) => e.detail.notificationId)).not.toContain(sent.id);
    });

    it('re-drives a dead message once its cause is gone, and two re-drives at once send it once', async () => {
      const volunteer = await seedVolunteer();
      const { sender } = failing(throttled);
      const dead = (await notifierAt(DAYTIME, sender).notify(approved(volunteer.id))).find((r) => r.channel === 'sms')!;

      const [first, second] = await Promise.all([notifierAt(DAYTIME).redriveDead(1000), notifierAt(DAYTIME).redriveDead(1000)]);

      expect([...first!, ...second!].filter((r) => r.id === dead.id).map((r) => r.outcome)).toEqual(['sent']);
      expect(await repository.get(dead.id)).toMatchObject({ status: 'sent' });
      expect(await smsTo(volunteer.phone)).toHaveLength(1);
      expect((await repository.listDead(1000)).map((r) => r.id)).not.toContain(dead.id);
    });

    it('still delivers the other channel', async () => {
      const volunteer = await seedVolunteer();
      const { sender } = failing(throttled);

      await notifierAt(DAYTIME, sender).notify(approved(volunteer.id));

      expect(await emailsTo(volunteer.email)).toHaveLength(1);
    });

    it('does not retry a permanent refusal and records its reason', async () => {
      const volunteer = await seedVolunteer();
      const { sender, calls } = failing(() => new DeliveryError('destination number is not a mobile number', { permanent: true }));

      const results = await notifierAt(DAYTIME, sender).notify(approved(volunteer.id));

      expect(calls).toHaveLength(1);
      expect(await repository.get(results.find((r) => r.channel === 'sms')!.id)).toMatchObject({
        status: 'failed',
        reason: expect.stringContaining('not a mobile number'),
      });
    });

    it('succeeds on a later try and sends exactly once', async () => {
      const volunteer = await seedVolunteer();
      let tries = 0;
      const flaky: SmsSender = {
        async send(message) {
          tries += 1;
          if (tries < 3) throw throttled();
          return localSmsSender(repository).send(message);
        },
      };

      const results = await notifierAt(DAYTIME, flaky).notify(approved(volunteer.id));

      expect(await repository.get(results.find((r) => r.channel === 'sms')!.id)).toMatchObject({ status: 'sent', attempts: 3 });
      expect(await smsTo(volunteer.phone)).toHaveLength(1);
    });
  });

  it('queues a message with its NotificationQueued event in one write, and sends nothing itself', async () => {
    const volunteer = await seedVolunteer();
    const notifier = createNotifier({ outbox: repository, contacts: repository, clock: fixedClock(DAYTIME) });

    const results = await notifier.notify(approved(volunteer.id));

    expect(results.map((r) => r.outcome)).toEqual(['queued', 'queued']);
    for (const { id } of results) expect(await repository.get(id)).toMatchObject({ status: 'queued' });
    expect((await queuedEvents()).filter((e) => results.some((r) => r.id === e.detail.notificationId)).map((e) => e.detail.channel).sort()).toEqual(['email', 'sms']);
    expect(await smsTo(volunteer.phone)).toHaveLength(0);
  });

  it('sends a queued message once however often its NotificationQueued event is delivered', async () => {
    const volunteer = await seedVolunteer();
    const [email] = await createNotifier({ outbox: repository, contacts: repository, clock: fixedClock(DAYTIME) }).notify({ ...approved(volunteer.id), channels: ['email'] });

    const first = await senderAt(DAYTIME).deliver([email!.id, email!.id]);
    const again = await senderAt(DAYTIME).deliver([email!.id]);

    expect([...first, ...again].map((r) => r.outcome)).toEqual(['sent', 'duplicate']);
    expect(await emailsTo(volunteer.email)).toHaveLength(1);
    expect(await repository.get(email!.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('takes over a send abandoned mid-way once its lease has passed', async () => {
    const volunteer = await seedVolunteer();
    const hanging: SmsSender = { send: () => new Promise(() => undefined) };
    const request = { ...approved(volunteer.id, 'abandoned'), channels: ['sms' as const] };
    const [queued] = await createNotifier({ outbox: repository, contacts: repository, clock: fixedClock(DAYTIME) }).notify(request);
    void senderAt(DAYTIME, hanging).deliver([queued!.id]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    await expect(senderAt('2030-03-13T07:01:00.000Z').deliver([queued!.id])).rejects.toBeInstanceOf(NotificationInFlightError);
    const late = await senderAt('2030-03-13T07:03:00.000Z').deliver([queued!.id]);

    expect(late[0]!.outcome).toBe('sent');
    expect(await smsTo(volunteer.phone)).toHaveLength(1);
    expect((await repository.get(queued!.id))?.takeovers).toBe(1);
  });

  it('emails a bare address (an organisation contact) in the requested language, never by SMS', async () => {
    const address = `contact-${Math.random().toString(36).slice(2)}@org.example.sa`;

    const results = await notifierAt(DAYTIME).notify({
      type: 'organization-approved',
      to: { kind: 'address', email: address, locale: 'en' },
      about: 'org-1',
      channels: ['email', 'sms'],
      params: { orgNameAr: 'جمعية إطعام', orgNameEn: 'Itaam Association' },
    });

    expect(results.map((r) => r.channel)).toEqual(['email']);
    expect((await emailsTo(address))[0]!.subject).toBe('Itaam Association is approved on Tatawwu');
  });
});

describe('the email port of other areas (shared/messaging/email.ts)', () => {
  const sender = notifierEmailSender(() => createNotifier({ outbox: repository, contacts: repository, clock: fixedClock(DAYTIME) }));

  it('sends a free-form message once, however often a step repeats it', async () => {
    const address = `reviewers-${Math.random().toString(36).slice(2)}@moh.example.sa`;
    const message = { to: [address], subject: 'New organisation to review — Itaam', text: 'Itaam registered.\nDecide in the dashboard.' };

    await sender.send(message);
    await sender.send(message);

    const emails = await emailsTo(address);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('New organisation to review — Itaam');
    expect(emails[0]!.body.html).toContain('<html dir="ltr" lang="en">');
  });

  it('sends the bilingual template when the message names one', async () => {
    const address = `contact-${Math.random().toString(36).slice(2)}@org.example.sa`;

    await sender.send({
      to: [address],
      subject: 'Your organisation is approved — Itaam',
      text: 'approved',
      template: { type: 'organization-approved', about: 'org-42', params: { orgNameAr: 'جمعية إطعام', orgNameEn: 'Itaam' } },
    });

    const [email] = await emailsTo(address);
    expect(email!.subject).toBe('تم اعتماد جمعية إطعام في منصة تطوع');
    expect(email!.body.html).toContain('<html dir="rtl" lang="ar">');
  });
});
