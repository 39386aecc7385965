import { describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';
import { emailsTo, seedApprovedSeat, seedVolunteer } from './notifications-support.js';
import { deliverQueued } from '../helpers/deliver-queued.js';

await createTestTable();
const { handler } = await import('../../functions/schedules/reminders.js');
const { notificationRepository } = await import('../../shared/db/notification-repository.js');
const repository = notificationRepository();

const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
const smsTo = async (phone: string) => (await deliverQueued(), await repository.listLocalSms(1000)).filter((sms) => sms.to === phone);
const run = (scheduledAt: string) => handler({ name: 'reminders', scheduledAt });

// Each test uses its own day, so the job's window cursors of one test never cover another's shifts.
describe('reminders job', () => {
  it('reminds an approved volunteer a day before, by email with the invite and by SMS', async () => {
    const now = '2031-01-05T07:00:00.000Z'; // 10:00 Riyadh
    const volunteer = await seedVolunteer({ locale: 'en' });
    const { shiftId } = await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 20), end: hours(now, 24) });

    const summary = await run(now);

    expect(summary.windows['24h']).toMatchObject({ bookings: 1, sent: 2 });
    const [email, ...others] = await emailsTo(volunteer.email);
    expect(others).toHaveLength(0);
    expect(email!.subject).toBe('Reminder: your volunteer shift tomorrow - Food basket distribution');
    const invite = Buffer.from(email!.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content, 'base64').toString('utf8');
    expect(invite).toContain(`UID:shift-${shiftId}@tatawwu.sa`);
    expect((await smsTo(volunteer.phone))[0]!.body).toContain('Food basket distribution');
  });

  it('sends once when it runs twice, or again fifteen minutes later', async () => {
    const now = '2031-01-06T07:00:00.000Z';
    const volunteer = await seedVolunteer();
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 20), end: hours(now, 24) });

    await run(now);
    await run(now);
    await run(hours(now, 0.25));

    expect(await emailsTo(volunteer.email)).toHaveLength(1);
    expect(await smsTo(volunteer.phone)).toHaveLength(1);
  });

  it('sends nothing new when another run already sent the reminder and the cursor was lost', async () => {
    const now = '2031-01-07T07:00:00.000Z';
    const volunteer = await seedVolunteer();
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 20), end: hours(now, 24) });
    await run(now);
    const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/db/client.js');
    const { jobCursor } = await import('../../shared/db/entities/job-cursor.js');
    await documentClient().send(new DeleteCommand({ TableName: process.env.TABLE_NAME, Key: jobCursor.keys.item('reminders', '24h') }));

    const summary = await run(now);

    expect(summary.windows['24h']).toMatchObject({ duplicate: 2, sent: 0 });
    expect(await emailsTo(volunteer.email)).toHaveLength(1);
  });

  it('sends the 2-hour reminder SMS at night, because it is time-critical', async () => {
    const now = '2031-01-08T01:00:00.000Z'; // 04:00 Riyadh, quiet hours
    const volunteer = await seedVolunteer();
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 1.5), end: hours(now, 4) });

    await run(now);

    expect(await smsTo(volunteer.phone)).toHaveLength(1);
  });

  it('holds the 24-hour reminder SMS of the night until 07:00 but emails at once', async () => {
    const now = '2031-01-09T20:00:00.000Z'; // 23:00 Riyadh
    const volunteer = await seedVolunteer();
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 23), end: hours(now, 26) });

    await run(now);
    expect(await smsTo(volunteer.phone)).toHaveLength(0);
    expect(await emailsTo(volunteer.email)).toHaveLength(1);

    await run('2031-01-10T04:00:00.000Z');
    expect(await smsTo(volunteer.phone)).toHaveLength(1);
  });

  it('does not remind by SMS a volunteer who opted out of SMS', async () => {
    const now = '2031-01-11T07:00:00.000Z';
    const volunteer = await seedVolunteer({ sms: false });
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 20), end: hours(now, 24) });

    await run(now);

    expect(await smsTo(volunteer.phone)).toHaveLength(0);
    expect(await emailsTo(volunteer.email)).toHaveLength(1);
  });

  it('does not remind anyone of a closed opportunity', async () => {
    const now = '2031-01-12T07:00:00.000Z';
    const volunteer = await seedVolunteer();
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 20), end: hours(now, 24), opportunityStatus: 'closed' });

    await run(now);

    expect(await emailsTo(volunteer.email)).toHaveLength(0);
  });

  it('reads recipients and writes the outbox in batches: at most 3 DynamoDB requests per reminder (issue 17)', async () => {
    const now = '2031-01-14T07:00:00.000Z';
    const first = await seedVolunteer();
    const shift = await seedApprovedSeat({ volunteerId: first.id, start: hours(now, 20), end: hours(now, 24) });
    // 20 seats on one shift (the run's own reads — cursors, queries, the digest — are shared by them).
    const others = await Promise.all(Array.from({ length: 19 }, () => seedVolunteer()));
    await Promise.all(others.map((v) => seedApprovedSeat({ volunteerId: v.id, start: hours(now, 20), end: hours(now, 24), on: shift })));
    const { documentClient } = await import('../../shared/db/client.js');
    let requests = 0;
    documentClient().middlewareStack.add((next) => (args) => ((requests += 1), next(args)), { step: 'initialize', name: 'countReminderRequests' });

    const summary = await run(now).finally(() => documentClient().middlewareStack.remove('countReminderRequests'));

    expect(summary.windows['24h']).toMatchObject({ bookings: 20, sent: 40, failed: 0 });
    expect(requests / 20).toBeLessThanOrEqual(3);
    expect(await emailsTo(others[18]!.email)).toHaveLength(1);
    expect(await smsTo(others[18]!.phone)).toHaveLength(1);
  });

  it('leaves a shift outside both windows alone', async () => {
    const now = '2031-01-13T07:00:00.000Z';
    const volunteer = await seedVolunteer();
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hours(now, 30), end: hours(now, 33) });

    await run(now);

    expect(await emailsTo(volunteer.email)).toHaveLength(0);
  });
});

describe('reminders job: pending decisions', () => {
  it('sends an organisation’s managers one digest a day about every application waiting for them (issue 11)', async () => {
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/db/client.js');
    const { application } = await import('../../shared/db/entities/application.js');
    const { organizationRepository } = await import('../../shared/db/organization-repository.js');
    const { seedOrganization } = await import('../helpers/builders.js');
    const put = (Item: Record<string, unknown>) => documentClient().send(new PutCommand({ TableName: process.env.TABLE_NAME, Item }));
    const manager = `nudge-${Math.random().toString(36).slice(2, 8)}@manager.example.sa`;
    const at = '2031-01-01T00:00:00.000Z';
    const orgId = await seedOrganization({ names: { ar: 'جمعية إطعام', en: 'Itaam Association' }, department: true, at });
    await organizationRepository().putManager({ orgId, sub: 'm1', email: manager, addedBy: 'system', addedAt: at });
    for (const [id, at] of [['a1', '2031-02-01T06:00:00.000Z'], ['a2', '2031-02-01T06:30:00.000Z'], ['a3', '2031-02-02T06:30:00.000Z']] as const) {
      await put({ ...application.keys.item(id + orgId), ...application.keys.reviewQueue(orgId, 'pending', at, id + orgId), entity: 'Application', status: 'pending' });
    }

    await run('2031-02-02T07:00:00.000Z');
    await run('2031-02-02T07:15:00.000Z');

    const emails = await emailsTo(manager);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe('طلبات تطوع بانتظار قرارك (3)');
  });
});
