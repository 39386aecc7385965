/**
 * Issue 11: managers are emailed when applications wait for them — one digest per organisation
 * and day (the reminders job, from 08:00 Riyadh), not one mail per application. The nudges sent
 * 0 before: the only managers a digest could reach were the ones a ministry-admin added by hand
 * (now the registrant is the first manager), and only applications older than a day counted.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedule } from '../../infra/local/jobs.js';
import { seedVolunteer } from '../integration/notifications-support.js';
import { applicationRepository } from '../../shared/db/application-repository.js';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import type { ApplicationRecord } from '../../shared/domain/applications/schema.js';
import { hoursFromNow, seedOrganization } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;

/** The next 08:05 in Riyadh (05:05 UTC) after now: the digest's first run of that day. */
const nextDigestRun = (): Date => {
  const next = new Date();
  next.setUTCHours(5, 5, 0, 0);
  if (next.getTime() <= Date.now()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};

const seedOrganizationWithManager = async (managerEmail: string, managerSub = `manager-${ulid()}`): Promise<string> => {
  const orgId = await seedOrganization({ city: 'riyadh', causes: ['health'], department: true });
  await organizationRepository().putManager({ orgId, sub: managerSub, email: managerEmail, addedBy: 'system', addedAt: new Date().toISOString() });
  return orgId;
};

const pendingApplication = async (orgId: string): Promise<void> => {
  const at = new Date().toISOString();
  const application: ApplicationRecord = {
    id: ulid(),
    volunteerId: `vol-${ulid()}`,
    opportunityId: ulid(),
    orgId,
    shiftId: ulid(),
    shiftStart: hoursFromNow(72),
    shiftEnd: hoursFromNow(75),
    requiresApproval: true,
    status: 'pending',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await applicationRepository().create(application, { version: 1, status: 'pending', at, by: 'system' });
};

const mailsTo = async (address: string) => {
  // Messages are queued, then sent by the DeliverNotifications consumer: deliver what was queued first.
  await platform.flushEvents();
  const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[] };
  return store.emails.filter((e) => e.destination.to.includes(address));
};

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe("the managers' daily digest", () => {
  it('sends one digest per organisation and day with every application waiting, linking the review queue', async () => {
    const email = `manager-${ulid().toLowerCase()}@example.sa`;
    const orgId = await seedOrganizationWithManager(email);
    await pendingApplication(orgId);
    await pendingApplication(orgId);
    const at = nextDigestRun();

    const first = (await runSchedule('reminders', at)) as { nudges: number };
    await runSchedule('reminders', new Date(at.getTime() + 15 * 60_000));

    expect(first.nudges).toBeGreaterThanOrEqual(1);
    const digests = await mailsTo(email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toContain('(2)');
    expect(digests[0]!.body.text).toContain(`/org/${orgId}/applications`);
  });

  it("is written in the manager's own locale (their profile's), with the link of the review queue", async () => {
    const manager = await seedVolunteer({ locale: 'en' });
    const email = `manager-${ulid().toLowerCase()}@example.sa`;
    const orgId = await seedOrganizationWithManager(email, manager.id);
    await pendingApplication(orgId);

    await runSchedule('reminders', nextDigestRun());

    const [digest] = await mailsTo(email);
    expect(digest?.subject).toMatch(/^Volunteer applications waiting for your decision/);
    expect(digest?.body.text).toContain(`/org/${orgId}/applications`);
  });

  it('sends nothing before the digest time of the day', async () => {
    const email = `manager-${ulid().toLowerCase()}@example.sa`;
    const orgId = await seedOrganizationWithManager(email);
    await pendingApplication(orgId);
    const early = new Date(nextDigestRun().getTime() - 2 * 3_600_000);
    await runSchedule('reminders', early);
    expect(await mailsTo(email)).toHaveLength(0);
  });
});
