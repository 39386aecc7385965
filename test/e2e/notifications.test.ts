import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFromNow } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { emailsTo, seedApprovedSeat, seedVolunteer } from '../integration/notifications-support.js';

let platform: TestPlatform;
beforeAll(async () => {
  process.env.LOCAL_CRON = 'off';
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());


describe('GET /v1/volunteers/me/calendar.ics', () => {
  it('lists the caller’s approved shifts with stable UIDs', async () => {
    const volunteer = await seedVolunteer();
    const seat = await seedApprovedSeat({ volunteerId: volunteer.id, start: hoursFromNow(48), end: hoursFromNow(52) });
    const token = await platform.token({ sub: volunteer.id, groups: ['volunteer'] });

    const first = await platform.request('GET', '/v1/volunteers/me/calendar.ics', { token });
    const second = await platform.request('GET', '/v1/volunteers/me/calendar.ics', { token });

    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    const uid = `UID:shift-${seat.shiftId}@tatawwu.sa`;
    expect(String(first.body).split(uid)).toHaveLength(2);
    expect(String(second.body)).toContain(uid);
    expect(String(first.body)).toContain('BEGIN:VCALENDAR');
  });

  it('shows nobody else’s shifts', async () => {
    const owner = await seedVolunteer();
    const seat = await seedApprovedSeat({ volunteerId: owner.id, start: hoursFromNow(48), end: hoursFromNow(52) });
    const token = await platform.token({ sub: 'someone-else', groups: ['volunteer'] });

    const response = await platform.request('GET', '/v1/volunteers/me/calendar.ics', { token });

    expect(response.status).toBe(200);
    expect(String(response.body)).not.toContain(seat.shiftId);
  });

  it('refuses a caller who is not a volunteer', async () => {
    const token = await platform.token({ sub: 'manager', groups: ['org-manager'] });

    expect((await platform.request('GET', '/v1/volunteers/me/calendar.ics', { token })).status).toBe(403);
  });

  it('refuses a request without a token', async () => {
    expect((await platform.request('GET', '/v1/volunteers/me/calendar.ics')).status).toBe(401);
  });
});

describe('local SMS outbox and STOP keyword', () => {
  it('opts a number out with STOP and says so', async () => {
    const response = await platform.request('POST', '/local/sms/inbound', { body: { from: '+966501112233', body: 'STOP' } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ action: 'opted-out', keyword: 'STOP', profiles: 0 });
  });

  it('refuses an inbound SMS without a valid number, naming the field', async () => {
    const response = await platform.request('POST', '/local/sms/inbound', { body: { from: '0501112233', body: 'STOP' } });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: 'from', message: 'must be an E.164 number' }]);
  });

  it('lists sent SMS as JSON and as a page', async () => {
    const json = await platform.request('GET', '/local/sms');
    const html = await platform.request('GET', '/local/sms', { headers: { accept: 'text/html' } });

    expect(json.status).toBe(200);
    expect(Array.isArray(json.body.items)).toBe(true);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('lists dead-lettered notifications', async () => {
    const response = await platform.request('GET', '/local/outbox?status=dead');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [] });
  });
});

describe('POST /local/schedules/reminders', () => {
  it('runs the reminders job and reminds a volunteer whose shift starts tomorrow', async () => {
    const volunteer = await seedVolunteer();
    await seedApprovedSeat({ volunteerId: volunteer.id, start: hoursFromNow(20), end: hoursFromNow(23) });

    const response = await platform.request('POST', '/local/schedules/reminders');

    expect(response.status).toBe(200);
    expect(response.body.summary.windows['24h'].bookings).toBe(1);
    expect(await emailsTo(volunteer.email)).toHaveLength(1);
  });
});
