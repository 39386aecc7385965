/**
 * The training-expiry job against DynamoDB Local and the SES emulator: a volunteer is reminded
 * 30 and 7 days before a completion expires when an approved seat after the expiry needs it,
 * once per completion and step however often the job runs; not when no seat needs it.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

await createTestTable();
const { handler } = await import('../../functions/schedules/training-expiry.js');
const { trainingRepository } = await import('../../shared/db/training-repository.js');
const { documentClient } = await import('../../shared/db/client.js');
const { booking } = await import('../../shared/db/entities/booking.js');
const { domainEvent } = await import('../../shared/domain/events.js');
const { seedVolunteer, emailsTo } = await import('./notifications-support.js');
const { seedOpportunity } = await import('./applications-support.js');

const DAY = 86_400_000;
const at = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
const run = (scheduledAt: string) => handler({ name: 'training-expiry', scheduledAt });

const complete = async (volunteerId: string, trainingId: string, completedAt: string, validUntil: string) => {
  const detail = { volunteerId, trainingId, version: 1, completedAt, validUntil };
  await trainingRepository().recordCompletion({ ...detail, method: 'quiz', score: 100 }, domainEvent('TrainingCompleted', detail, { id: ulid(), time: new Date(completedAt) }));
};

/** An approved seat (the applications area's BOOKING item) on a shift of an opportunity requiring `modules`. */
const seat = async (volunteerId: string, modules: string[], start: string) => {
  const seeded = await seedOpportunity({ trainingModules: modules, shifts: [{ start, end: at(start, 0.2), capacity: 5 }] });
  const shift = seeded.shifts[0]!;
  await documentClient().send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: {
        PK: `VOL#${volunteerId}`,
        SK: `BOOKING#${start}#${shift.id}`,
        ...booking.keys.startIndex(start, shift.id, volunteerId),
        entity: 'Booking',
        volunteerId,
        applicationId: ulid(),
        opportunityId: seeded.opportunity.id,
        orgId: seeded.opportunity.orgId,
        shiftId: shift.id,
        start,
        end: shift.end,
      },
    }),
  );
};

describe('training-expiry job', () => {
  it('reminds 30 days before expiry when a later approved seat needs the module, once however often it runs', async () => {
    const now = '2031-03-01T06:00:00.000Z';
    const volunteer = await seedVolunteer({ locale: 'en' });
    const module = ulid().toLowerCase();
    const validUntil = at(now, 30);
    await complete(volunteer.id, module, at(now, -335), validUntil);
    await seat(volunteer.id, [module], at(now, 40));

    const first = await run(now);
    const second = await run(now);
    const nextDay = await run(at(now, 1));

    expect(first).toMatchObject({ reminders: 1 });
    expect(second).toMatchObject({ reminders: 0, alreadySent: 1 });
    expect(nextDay).toMatchObject({ reminders: 0, alreadySent: 1 });
    const emails = await emailsTo(volunteer.email);
    expect(emails.map((e) => e.subject)).toEqual([expect.stringMatching(/^Your training expires in 30 days/)]);
    expect(emails[0]!.body.text).toContain(`/t/${module}`);
  });

  it('reminds again at the 7-day step, once', async () => {
    const now = '2031-04-01T06:00:00.000Z';
    const volunteer = await seedVolunteer({ locale: 'en' });
    const module = ulid().toLowerCase();
    await complete(volunteer.id, module, at(now, -358), at(now, 7));
    await seat(volunteer.id, [module], at(now, 10));

    await run(now);
    await run(now);

    const subjects = (await emailsTo(volunteer.email)).map((e) => e.subject);
    expect(subjects).toEqual([expect.stringMatching(/^Your training expires in 7 days/)]);
  });

  it('does not remind when the only seat needing the module is before the expiry, or needs other modules', async () => {
    const now = '2031-05-01T06:00:00.000Z';
    const volunteer = await seedVolunteer({ locale: 'en' });
    const module = ulid().toLowerCase();
    await complete(volunteer.id, module, at(now, -335), at(now, 30));
    await seat(volunteer.id, [module], at(now, 20));
    await seat(volunteer.id, ['another-module'], at(now, 45));

    const summary = await run(now);

    expect(summary).toMatchObject({ reminders: 0, notNeeded: 1 });
    expect(await emailsTo(volunteer.email)).toEqual([]);
  });

  it('catches up a missed day: a completion expiring in 29 days gets its 30-day reminder', async () => {
    const now = '2031-06-01T06:00:00.000Z';
    const volunteer = await seedVolunteer({ locale: 'en' });
    const module = ulid().toLowerCase();
    await complete(volunteer.id, module, at(now, -336), at(now, 29));
    await seat(volunteer.id, [module], at(now, 35));

    const summary = await run(now);

    expect(summary).toMatchObject({ reminders: 1 });
  });
});
