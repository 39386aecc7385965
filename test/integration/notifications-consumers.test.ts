import { describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';
import { emailsTo, seedApprovedSeat, seedVolunteer } from './notifications-support.js';
import { deliverQueued } from '../helpers/deliver-queued.js';

await createTestTable();
const { toEnvelope } = await import('../../infra/local/jobs.js');
const { testEvent } = await import('../helpers/events.js');
const applications = await import('../../functions/consumers/notify-applications.js');
const closed = await import('../../functions/consumers/notify-opportunity-closed.js');
const { notificationRepository } = await import('../../shared/db/notification-repository.js');
const repository = notificationRepository();
const smsTo = async (phone: string) => (await deliverQueued(), await repository.listLocalSms(1000)).filter((sms) => sms.to === phone);

// Shifts far in the future and events at 10:00 Riyadh would still meet quiet hours through the
// real clock of the notifier, so these tests assert email, and SMS only where the time is fixed.
const START = '2031-06-01T05:00:00.000Z';
const END = '2031-06-01T09:00:00.000Z';

const applicationEvent = (type: string, seat: { shiftId: string; opportunityId: string; orgId: string }, volunteerId: string, extra = {}) =>
  toEnvelope(
    testEvent(type, {
      applicationId: `app-${seat.shiftId}`,
      volunteerId,
      opportunityId: seat.opportunityId,
      shiftId: seat.shiftId,
      orgId: seat.orgId,
      status: 'approved',
      version: 2,
      shiftStart: START,
      shiftEnd: END,
      at: '2031-05-01T07:00:00.000Z',
      by: 'manager-1',
      ...extra,
    }),
  );

describe('notify-applications consumer', () => {
  it('tells the volunteer they are approved, once however often the event is delivered', async () => {
    const volunteer = await seedVolunteer({ locale: 'ar' });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });
    const event = applicationEvent('ApplicationApproved', seat, volunteer.id);

    await applications.handler(event);
    await applications.handler(event);

    const emails = await emailsTo(volunteer.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('تم قبولك للتطوع في توزيع السلال الغذائية');
  });

  it('tells a rejected volunteer the reason in their language', async () => {
    const volunteer = await seedVolunteer({ locale: 'en' });
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });

    await applications.handler(applicationEvent('ApplicationRejected', seat, volunteer.id, { status: 'rejected', reason: 'the shift needs a nurse' }));

    const [email] = await emailsTo(volunteer.email);
    expect(email!.subject).toBe('About your application: Food basket distribution');
    expect(email!.body.text).toContain('Reason: the shift needs a nurse');
  });

  it('confirms a submission by email only', async () => {
    const volunteer = await seedVolunteer();
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });

    const result = await applications.handler(applicationEvent('ApplicationSubmitted', seat, volunteer.id, { status: 'submitted' }));

    expect(result).toEqual({ sent: 1 });
    expect(await smsTo(volunteer.phone)).toHaveLength(0);
  });
});

describe('notify-opportunity-closed consumer', () => {
  it('tells every approved volunteer of a future shift that it is cancelled, with a calendar cancellation', async () => {
    const first = await seedVolunteer({ locale: 'en' });
    const seat = await seedApprovedSeat({ volunteerId: first.id, start: START, end: END });
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/db/client.js');
    const { shift } = await import('../../shared/db/entities/shift.js');
    await documentClient().send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { ...shift.keys.item(seat.opportunityId, seat.shiftId), entity: 'Shift', id: seat.shiftId, opportunityId: seat.opportunityId, orgId: seat.orgId, start: START, end: END, capacity: 5, seatsTaken: 1 },
      }),
    );
    const event = toEnvelope(testEvent('OpportunityClosed', { opportunityId: seat.opportunityId, orgId: seat.orgId, previousStatus: 'published', closedAt: '2031-05-20T07:00:00.000Z' }));

    await closed.handler(event);
    await closed.handler(event);

    const emails = await emailsTo(first.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('Opportunity cancelled: Food basket distribution');
    const invite = Buffer.from(emails[0]!.attachments[0]!.content, 'base64').toString('utf8');
    expect(invite).toContain('STATUS:CANCELLED');
    expect(invite).toContain(`UID:shift-${seat.shiftId}@tatawwu.sa`);
  });
});

describe('email-bounces consumer', () => {
  const snsEvent = (message: unknown, messageId: string = crypto.randomUUID()) =>
    ({ Records: [{ Sns: { MessageId: messageId, Message: JSON.stringify(message), Timestamp: '2031-05-01T07:00:00.000Z' } }] }) as unknown as import('aws-lambda').SNSEvent;

  it('marks a hard-bounced address undeliverable, so it is never emailed again', async () => {
    const bounces = await import('../../functions/consumers/email-bounces.js');
    const volunteer = await seedVolunteer();
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: START, end: END });

    await bounces.handler(snsEvent({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: volunteer.email }] } }));
    await applications.handler(applicationEvent('ApplicationApproved', seat, volunteer.id));

    expect(await repository.getSuppression('email', volunteer.email)).toMatchObject({ reason: 'undeliverable', source: 'ses-bounce' });
    expect(await emailsTo(volunteer.email)).toHaveLength(0);
  });

  it('handles a message SNS delivers again only once (idempotent on its MessageId)', async () => {
    const bounces = await import('../../functions/consumers/email-bounces.js');
    const complaint = snsEvent({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'twice@example.sa' }] } }, 'sns-redelivered-1');

    expect((await bounces.handler(complaint)).suppressed).toBe(1);
    expect((await bounces.handler(complaint)).suppressed).toBe(0);
    expect(await repository.getSuppression('email', 'twice@example.sa')).toMatchObject({ reason: 'opted-out', source: 'ses-complaint' });
  });

  it('refuses a message that breaks its schema, naming the field, and suppresses nothing', async () => {
    const bounces = await import('../../functions/consumers/email-bounces.js');
    const { SnsMessageError } = await import('../../shared/middleware/sns-consumer.js');
    const broken = snsEvent({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ address: 'typo@example.sa' }] } });

    const refusal = bounces.handler(broken);
    await expect(refusal).rejects.toBeInstanceOf(SnsMessageError);
    await expect(refusal).rejects.toThrow(/bounce\.bouncedRecipients\.0\.emailAddress/);
    expect(await repository.getSuppression('email', 'typo@example.sa')).toBeUndefined();
  });

  it('leaves an address with a transient bounce alone', async () => {
    const bounces = await import('../../functions/consumers/email-bounces.js');

    const result = await bounces.handler(snsEvent({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'full@example.sa' }] } }));

    expect(result.suppressed).toBe(0);
    expect(await repository.getSuppression('email', 'full@example.sa')).toBeUndefined();
  });
});
