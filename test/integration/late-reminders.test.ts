/**
 * Reminders of a seat approved after the reminders job's window cursor passed its shift's
 * start (issue 11): approved 19 h or 1.5 h before, it still gets each reminder whose time has
 * not passed, exactly once. The seat is reserved through the applications repository (which
 * indexes a late booking by its approval time); the job runs at given times.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';
import { emailsTo } from './notifications-support.js';

await createTestTable();
const { handler } = await import('../../functions/schedules/reminders.js');
const support = await import('./applications-support.js');
const review = await import('../../shared/domain/applications/review.js');
const { seedOrganization } = await import('../helpers/builders.js');

const run = (at: Date) => handler({ name: 'reminders', scheduledAt: at.toISOString() });
const minutes = (m: number) => new Date(Date.now() + m * 60_000);

/** A volunteer approved now for a shift starting in `hours`. */
const approvedNow = async (hours: number) => {
  const seeded = await support.seedOpportunity({ orgId: await seedOrganization(), shifts: [{ start: support.hoursFromNow(hours), end: support.hoursFromNow(hours + 3), capacity: 5 }] });
  const sub = await support.seedVolunteer();
  const decided = await support.seedApprovedDecision(sub, seeded);
  await review.reserveSeat(support.reviewDeps(), { applicationId: decided.id });
  return `${sub}@example.sa`;
};

// One timeline for both seats: the job's cursors are the table's, shared by the tests of this file.
describe('reminders of a seat approved late', () => {
  let dayBefore: string;
  let hoursBefore: string;
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    await run(minutes(-5)); // the windows now cover up to 23 h 55 min and 1 h 55 min from now
    dayBefore = await approvedNow(19);
    hoursBefore = await approvedNow(1.5);
    first = await run(minutes(10));
    await run(minutes(25));
  }, 60_000);

  it('finds both seats in the late pass of the next run', () => {
    expect(first.windows.late).toMatchObject({ bookings: 2 });
  });

  it('sends the 24-hour reminder of a seat approved 19 hours before its shift, once', async () => {
    const subjects = (await emailsTo(dayBefore)).map((e) => e.subject);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatch(/^تذكير: مناوبتك التطوعية غداً/);
  });

  it('sends the 2-hour reminder of a seat approved 1.5 hours before its shift, once, and not the 24-hour one', async () => {
    const subjects = (await emailsTo(hoursBefore)).map((e) => e.subject);
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatch(/^مناوبتك تبدأ قريباً/);
  });
});
