import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { volunteerRepository } from '../../shared/db/volunteer-repository.js';
import { cityById } from '../../shared/domain/reference/cities.js';
import { testEvent } from '../helpers/events.js';
import { eventPublisher } from '../../shared/messaging/events.js';
import { hoursFromNow, opportunityBody, seedOrganization } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { volunteerRecord } from '../integration/matching-support.js';

let platform: TestPlatform;
let orgId: string;
let otherOrgId: string;
let opportunityId: string;
const VOLUNTEERS = ['match-v1', 'match-v2', 'match-v3'];
const everyDay = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((day) => ({ day, from: '00:00', to: '23:30' }));

const manager = (org: string) => platform.token({ sub: `manager-${org}`, groups: ['org-manager'], orgId: org });
const volunteer = (sub: string) => platform.token({ sub, groups: ['volunteer'] });

beforeAll(async () => {
  platform = await startTestPlatform();
  orgId = await seedOrganization({ city: 'riyadh', causes: ['health'] });
  otherOrgId = await seedOrganization({ city: 'riyadh', causes: ['health'] });
  const now = new Date().toISOString();
  for (const [i, id] of VOLUNTEERS.entries()) {
    const record = volunteerRecord(id, { availability: everyDay, nationalIdHash: `hash-${id}`, createdAt: now, updatedAt: now, nameEn: `Volunteer${i} Family`, nameAr: `متطوع${i} عائلة` });
    await volunteerRepository().create(record, []);
    // A whole VolunteerRegistered detail: consumers check events against their contract (events/catalog.ts).
    const { city, skills, professions, languages, interests, preferences } = record;
    const detail = { volunteerId: id, city, region: cityById(city)!.region, locale: preferences.locale, skills, professions, languages, interests, registeredAt: now };
    await eventPublisher().publish([testEvent('VolunteerRegistered', detail)]);
  }
  const created = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, {
    token: await manager(orgId),
    body: opportunityBody([{ start: hoursFromNow(30), end: hoursFromNow(32), capacity: 5 }], {
      titleAr: 'عيادة مجانية',
      titleEn: 'Free clinic',
      descriptionAr: 'عيادة مجانية في حي العليا لكبار السن.',
      descriptionEn: 'A free clinic in Olaya for the elderly.',
      category: 'health',
      city: 'riyadh',
      skills: ['first-aid'],
      professions: ['doctor'],
    }),
  });
  opportunityId = created.body.id;
  await platform.request('POST', `/v1/opportunities/${opportunityId}/publish`, { token: await manager(orgId) });
  await platform.flushEvents();
  const job = await platform.request('POST', '/local/schedules/matching');
  expect(job.body.summary).toMatchObject({ opportunities: 1, candidates: 3, invited: 3 });
});

afterAll(async () => {
  await platform?.stop();
});

describe('GET /v1/volunteers/me/matches', () => {
  it('answers 401 without a token', async () => {
    expect((await platform.request('GET', '/v1/volunteers/me/matches')).status).toBe(401);
  });

  it('answers 403 to a caller outside the volunteer group', async () => {
    expect((await platform.request('GET', '/v1/volunteers/me/matches', { token: await manager(orgId) })).status).toBe(403);
  });

  it('lists the ranked match with its reasons, invitation and one-step application', async () => {
    const response = await platform.request('GET', '/v1/volunteers/me/matches', { token: await volunteer('match-v1') });
    expect(response.status).toBe(200);
    const [match] = response.body.items;
    expect(match).toMatchObject({
      rank: 1,
      opportunityId,
      titleEn: 'Free clinic',
      reasons: expect.arrayContaining([{ code: 'profession', detail: 'doctor', points: 30 }]),
      invitation: { id: `inv-${opportunityId}-match-v1`, opportunityId, channel: 'email' },
      apply: { method: 'POST', path: `/v1/opportunities/${opportunityId}/applications`, body: { shiftId: match.invitation.shiftId } },
    });
  });

  it('pages with limit and cursor', async () => {
    const token = await volunteer('match-v2');
    const first = await platform.request('GET', '/v1/volunteers/me/matches?limit=1', { token });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await platform.request('GET', `/v1/volunteers/me/matches?limit=1&cursor=${first.body.nextCursor}`, { token });
    expect(second.status).toBe(200);
    expect(second.body.items).toEqual([]);
  });

  it("refuses another volunteer's cursor with 400 naming the field", async () => {
    const first = await platform.request('GET', '/v1/volunteers/me/matches?limit=1', { token: await volunteer('match-v2') });
    const stolen = await platform.request('GET', `/v1/volunteers/me/matches?limit=1&cursor=${first.body.nextCursor}`, { token: await volunteer('match-v3') });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors).toEqual([{ path: 'query.cursor', message: 'not a cursor of this list' }]);
  });
});

describe('GET /v1/opportunities/{id}/candidates', () => {
  it('answers 401 without a token', async () => {
    expect((await platform.request('GET', `/v1/opportunities/${opportunityId}/candidates`)).status).toBe(401);
  });

  it('answers 403 to a volunteer', async () => {
    expect((await platform.request('GET', `/v1/opportunities/${opportunityId}/candidates`, { token: await volunteer('match-v1') })).status).toBe(403);
  });

  it("answers 404 to another organisation's manager", async () => {
    expect((await platform.request('GET', `/v1/opportunities/${opportunityId}/candidates`, { token: await manager(otherOrgId) })).status).toBe(404);
  });

  it('answers 404 for an unknown opportunity', async () => {
    expect((await platform.request('GET', `/v1/opportunities/${ulid()}/candidates`, { token: await manager(orgId) })).status).toBe(404);
  });

  it('shows display data and reasons only, no contact details', async () => {
    const response = await platform.request('GET', `/v1/opportunities/${opportunityId}/candidates`, { token: await manager(orgId) });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(3);
    expect(response.body.items[0]).toEqual({
      rank: 1,
      volunteerId: expect.any(String),
      displayName: expect.stringMatching(/^Volunteer\d F\.$/),
      city: 'riyadh',
      score: expect.any(Number),
      shiftId: expect.any(String),
      reasons: expect.any(Array),
      invited: true,
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('@example.com');
    expect(text).not.toContain('+9665');
    expect(text).not.toContain('1*****4567');
  });

  it('pages the candidates with ranks that continue across pages', async () => {
    const token = await manager(orgId);
    const first = await platform.request('GET', `/v1/opportunities/${opportunityId}/candidates?limit=2`, { token });
    const second = await platform.request('GET', `/v1/opportunities/${opportunityId}/candidates?limit=2&cursor=${first.body.nextCursor}`, { token });
    expect([...first.body.items, ...second.body.items].map((c: { rank: number }) => c.rank)).toEqual([1, 2, 3]);
  });
});
