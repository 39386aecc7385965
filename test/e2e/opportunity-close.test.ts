/**
 * Closing an opportunity (issue 11, "state that stays right after a change"): its future seats
 * are cancelled — approved, waitlisted and pending applications end as `cancelled`, the seats
 * and bookings are freed, and the volunteer's calendar feed and email show the shift cancelled
 * with its UID. Through the local gateway, the outbox relay and the real consumer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');
let review: typeof import('../../shared/domain/applications/review.js');
let mail: typeof import('../integration/notifications-support.js');

beforeAll(async () => {
  process.env.LOCAL_CRON = 'off';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
  review = await import('../../shared/domain/applications/review.js');
  mail = await import('../integration/notifications-support.js');
});
afterAll(async () => platform?.stop());

const volunteerToken = (sub: string) => platform.token({ sub, groups: ['volunteer'] });
const managerToken = (orgId: string) => platform.token({ sub: `manager-${orgId}`, groups: ['org-manager'], orgId });

/** An active organisation (named in the emails), through the shared builder. */
const seedOrganization = async () => (await import('../helpers/builders.js')).seedOrganization({ names: { ar: 'جمعية إطعام', en: 'Itaam Association' } });

/** One shift of capacity 1: an approved seat, a waitlisted and a pending application; then the managers close it. */
const closeWithApplications = async () => {
  const seeded = await support.seedOpportunity({ orgId: await seedOrganization(), shifts: [{ start: support.hoursFromNow(72), end: support.hoursFromNow(76), capacity: 1 }] });
  const [approvedSub, waitingSub, pendingSub] = [await support.seedVolunteer(), await support.seedVolunteer(), await support.seedVolunteer()];
  const approved = await support.seedApprovedDecision(approvedSub, seeded);
  await review.reserveSeat(support.reviewDeps(), { applicationId: approved.id });
  const waiting = await support.seedApprovedDecision(waitingSub, seeded);
  await review.reserveSeat(support.reviewDeps(), { applicationId: waiting.id });
  const pending = await support.seedApplication(pendingSub, seeded);
  await support.reviewDeps().repo.transition(pending, { to: 'pending', at: new Date().toISOString(), by: 'system', reason: 'waiting' });
  const orgToken = await managerToken(seeded.opportunity.orgId);
  const closed = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/close`, { token: orgToken, body: {} });
  expect(closed.status).toBe(200);
  await platform.flushEvents();
  return { seeded, orgToken, approved: { id: approved.id, sub: approvedSub }, waiting: { id: waiting.id, sub: waitingSub }, pending: { id: pending.id, sub: pendingSub } };
};

describe('POST /v1/opportunities/{id}/close cancels the future seats', () => {
  it('ends approved, waitlisted and pending applications as cancelled, with the reason in their history', async () => {
    const { approved, waiting, pending } = await closeWithApplications();

    for (const { id, sub } of [approved, waiting, pending]) {
      const response = await platform.request('GET', `/v1/applications/${id}`, { token: await volunteerToken(sub) });
      expect(response.body.status).toBe('cancelled');
      expect(response.body.history.at(-1)).toMatchObject({ status: 'cancelled', by: 'system', reason: 'the organisation closed the opportunity' });
    }
  });

  it('frees the seats and removes the bookings and waitlist items', async () => {
    const { seeded, orgToken, approved, waiting, pending } = await closeWithApplications();

    const opportunity = await platform.request('GET', `/v1/opportunities/${seeded.opportunity.id}`, { token: orgToken });
    const account = await support.accountFor(seeded, [approved.id, waiting.id, pending.id]);

    expect(opportunity.body.shifts[0].seatsLeft).toBe(1);
    expect(account).toMatchObject({ seatsTaken: 0, waiting: 0, waitItems: [], bookings: 0, byStatus: { cancelled: 3 } });
  });

  it('shows the shift cancelled in the calendar feed, with the same UID', async () => {
    const { seeded, approved } = await closeWithApplications();

    const feed = String((await platform.request('GET', '/v1/volunteers/me/calendar.ics', { token: await volunteerToken(approved.sub) })).body);

    expect(feed).toContain(`UID:shift-${seeded.shifts[0]!.id}@tatawwu.sa`);
    expect(feed).toContain('STATUS:CANCELLED');
    expect(feed).not.toContain('STATUS:CONFIRMED');
  });

  it('emails the approved volunteer an iTIP cancellation of the shift', async () => {
    const { seeded, approved } = await closeWithApplications();

    const invites = (await mail.emailsTo(`${approved.sub}@example.sa`)).flatMap((email) => email.attachments.map((a) => Buffer.from(a.content, 'base64').toString('utf8')));
    const invite = invites.find((text) => text.includes('STATUS:CANCELLED')) ?? '';

    expect(invite).toContain('METHOD:CANCEL');
    expect(invite).toContain(`UID:shift-${seeded.shifts[0]!.id}@tatawwu.sa`);
    expect(invite).toContain('STATUS:CANCELLED');
  });

  it('refuses to withdraw a cancelled application (409) and changes nothing', async () => {
    const { approved } = await closeWithApplications();

    const response = await platform.request('POST', `/v1/applications/${approved.id}/withdraw`, { token: await volunteerToken(approved.sub) });

    expect(response.status).toBe(409);
    expect(response.body.type).toMatch(/application-not-withdrawable$/);
  });
});
