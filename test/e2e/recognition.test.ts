import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

describe('recognition over HTTP', () => {
  let platform: TestPlatform;
  let volunteer: string;
  let admin: string;
  beforeAll(async () => {
    platform = await startTestPlatform();
    volunteer = await platform.token({ sub: 'rec-volunteer', groups: ['volunteer'] });
    admin = await platform.token({ sub: 'rec-admin', groups: ['ministry-admin'] });
  });
  afterAll(async () => platform?.stop());

  const reward = {
    titleAr: 'تذكرة فعالية',
    titleEn: 'Event ticket',
    descriptionAr: 'تذكرة لحضور فعالية شريكة',
    descriptionEn: 'A ticket to a partner event',
    pointsCost: 100,
    stock: 3,
    validFrom: '2026-01-01T00:00:00+03:00',
    validUntil: '2099-01-01T00:00:00+03:00',
  };

  it('starts a volunteer at a zero balance with an empty ledger', async () => {
    const { status, body } = await platform.request('GET', '/v1/volunteers/me/points', { token: volunteer });

    expect(status).toBe(200);
    expect(body).toEqual({ balance: 0, items: [] });
  });

  it('lets a ministry-admin add a reward that volunteers then see', async () => {
    const createdReward = await platform.request('POST', '/v1/rewards', { token: admin, body: reward });
    const list = await platform.request('GET', '/v1/rewards', { token: volunteer });

    expect(createdReward.status).toBe(201);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(createdReward.body.id);
  });

  it('refuses a reward from a volunteer with 403', async () => {
    const { status } = await platform.request('POST', '/v1/rewards', { token: volunteer, body: reward });

    expect(status).toBe(403);
  });

  it('refuses a redemption without enough points, naming points, and deducts nothing', async () => {
    const createdReward = await platform.request('POST', '/v1/rewards', { token: admin, body: reward });

    const { status, body } = await platform.request('POST', `/v1/rewards/${createdReward.body.id}/redemptions`, { token: volunteer });

    expect(status).toBe(422);
    expect(body.errors[0].path).toBe('points');
    const list = await platform.request('GET', '/v1/rewards', { token: volunteer });
    expect(list.body.items.find((r: { id: string }) => r.id === createdReward.body.id).stockLeft).toBe(3);
  });

  it("refuses a nomination from another organisation's manager with 403", async () => {
    const manager = await platform.token({ sub: 'm-b', groups: ['org-manager'], orgId: '01JB0000000000000000000000' });

    const { status } = await platform.request('POST', '/v1/organizations/01JA0000000000000000000000/nominations', {
      token: manager,
      body: { volunteerId: 'x', award: 'volunteer-of-the-month', month: '2026-11', reasonAr: 'التزام مميز', reasonEn: 'Great commitment' },
    });

    expect(status).toBe(403);
  });

  it('answers a public leaderboard without a token, and names a missing id', async () => {
    const national = await platform.request('GET', '/v1/leaderboard?scope=national&period=year');
    const city = await platform.request('GET', '/v1/leaderboard?scope=city');

    expect(national.status).toBe(200);
    expect(national.body.items).toEqual([]);
    expect(city.status).toBe(400);
    expect(city.body.errors[0].path).toBe('query.id');
  });

  it('runs the awards schedules on demand and answers their summaries', async () => {
    const daily = await platform.request('POST', '/local/schedules/awards');
    const monthly = await platform.request('POST', '/local/schedules/monthly-awards');

    expect([daily.status, monthly.status]).toEqual([200, 200]);
    expect(daily.body.summary).toMatchObject({ volunteers: 0, badgesAwarded: 0 });
    expect(monthly.body.summary).toMatchObject({ awarded: 0, honoursOpened: 0 });
  });
});
