/**
 * A secret, revocable calendar feed URL per volunteer (issue 11): a calendar app subscribes to
 * it without a bearer header; issuing a new URL or revoking ends the old one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFromNow } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let seats: typeof import('../integration/notifications-support.js');
beforeAll(async () => {
  process.env.LOCAL_CRON = 'off';
  platform = await startTestPlatform();
  seats = await import('../integration/notifications-support.js');
});
afterAll(async () => platform?.stop());

const pathOf = (url: string) => new URL(url).pathname;

/** A volunteer with an approved seat, and their token. */
const volunteerWithSeat = async () => {
  const volunteer = await seats.seedVolunteer();
  const seat = await seats.seedApprovedSeat({ volunteerId: volunteer.id, start: hoursFromNow(48), end: hoursFromNow(52) });
  return { seat, token: await platform.token({ sub: volunteer.id, groups: ['volunteer'] }) };
};

describe('the secret calendar feed URL', () => {
  it('serves the volunteer’s shifts without a bearer token', async () => {
    const { seat, token } = await volunteerWithSeat();

    const issued = await platform.request('POST', '/v1/volunteers/me/calendar-feed', { token });
    const feed = await platform.request('GET', pathOf(issued.body.url));

    expect(issued.status).toBe(201);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(String(feed.body)).toContain(`UID:shift-${seat.shiftId}@tatawwu.sa`);
  });

  it('stops serving the previous URL once a new one is issued', async () => {
    const { token } = await volunteerWithSeat();
    const first = await platform.request('POST', '/v1/volunteers/me/calendar-feed', { token });

    const second = await platform.request('POST', '/v1/volunteers/me/calendar-feed', { token });

    expect((await platform.request('GET', pathOf(first.body.url))).status).toBe(404);
    expect((await platform.request('GET', pathOf(second.body.url))).status).toBe(200);
  });

  it('stops serving the URL once revoked', async () => {
    const { token } = await volunteerWithSeat();
    const issued = await platform.request('POST', '/v1/volunteers/me/calendar-feed', { token });

    const revoked = await platform.request('DELETE', '/v1/volunteers/me/calendar-feed', { token });

    expect(revoked.status).toBe(204);
    expect((await platform.request('GET', pathOf(issued.body.url))).status).toBe(404);
  });

  it('answers 404 to an unknown secret and 400 naming the path to a malformed one', async () => {
    expect((await platform.request('GET', `/v1/calendar-feeds/${'A'.repeat(43)}/calendar.ics`)).status).toBe(404);
    const bad = await platform.request('GET', '/v1/calendar-feeds/short/calendar.ics');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['path.secret']);
  });

  it('is issued only to a signed-in volunteer', async () => {
    expect((await platform.request('POST', '/v1/volunteers/me/calendar-feed')).status).toBe(401);
    expect((await platform.request('POST', '/v1/volunteers/me/calendar-feed', { token: await platform.token({ sub: 'm', groups: ['org-manager'] }) })).status).toBe(403);
  });
});
