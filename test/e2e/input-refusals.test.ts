/**
 * Input that should be refused is refused (issue 11): 422 problem+json naming the field, and
 * nothing written. Free-form skills, names with lone surrogates or control characters and
 * shifts longer than 24 h were already refused; a Latin-only `nameAr`, two identical shifts and
 * a location far outside the given city are refused now.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { documentClient } from '../../shared/db/client.js';
import { volunteer } from '../../shared/db/entities/volunteer.js';
import { organizationRepository } from '../../shared/db/organization-repository.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { opportunityBody, seedOrganization } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

let serial = 0;
const newNationalId = (): string => {
  serial += 1;
  const payload = `1${String(Date.now() % 1e5).padStart(5, '0')}${String(500 + serial).padStart(3, '0')}`;
  return payload + luhnCheckDigit(payload);
};
const registration = (overrides: Record<string, unknown> = {}) => ({ ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId: newNationalId(), ...overrides });
const errorPaths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
const profileOf = async (sub: string) => (await documentClient().send(new GetCommand({ TableName: platform.tableName, Key: volunteer.keys.item(sub) }))).Item;

/** A point in Jeddah and one in Riyadh (850 km apart). */
const JEDDAH = { lat: 21.5433, lon: 39.1728 };
const RIYADH = { lat: 24.7136, lon: 46.6753 };

describe('POST /v1/volunteers refuses', () => {
  it.each([
    ['a Latin-only nameAr', { nameAr: 'Huda Alharbi' }, 'nameAr'],
    ['a lone surrogate in nameEn', { nameEn: 'Huda \ud800 Alharbi' }, 'nameEn'],
    ['a control character in nameAr', { nameAr: 'هدى\u0007 الحربي' }, 'nameAr'],
    ['a free-form skill', { skills: [{ name: 'being nice', level: 'advanced' }] }, 'skills.0.name'],
    ['a location far outside the given city', { city: 'jeddah', location: RIYADH }, 'location'],
  ])('%s (422 naming the field, nothing written)', async (_, overrides, path) => {
    const sub = randomUUID();

    const response = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body: registration(overrides) });

    expect(response.status).toBe(422);
    expect(errorPaths(response.body)).toEqual([path]);
    expect(await profileOf(sub)).toBeUndefined();
  });

  it('accepts an Arabic name with a Latin word in it, and a location inside the city', async () => {
    const sub = randomUUID();
    const response = await platform.request('POST', '/v1/volunteers', {
      token: await platform.token({ sub, groups: [] }),
      body: registration({ nameAr: 'هدى الحربي Jr', location: JEDDAH }),
    });
    expect(response.status).toBe(201);
  });
});

describe('PATCH /v1/volunteers/me refuses', () => {
  it.each([
    ['a Latin-only nameAr', { nameAr: 'Huda' }, 'nameAr'],
    ['a location far outside the profile’s city', { location: RIYADH }, 'location'],
    ['a city far from the profile’s location', { city: 'riyadh' }, 'location'],
  ])('%s (422 naming the field, profile unchanged)', async (_, patch, path) => {
    const sub = randomUUID();
    await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body: registration({ location: JEDDAH }) });
    const before = await profileOf(sub);

    const response = await platform.request('PATCH', '/v1/volunteers/me', { token: await platform.token({ sub, groups: ['volunteer'] }), body: patch });

    expect(response.status).toBe(422);
    expect(errorPaths(response.body)).toEqual([path]);
    expect(await profileOf(sub)).toEqual(before);
  });
});

describe('POST /v1/organizations refuses', () => {
  it('a Latin-only nameAr (422 naming it, licence not taken)', async () => {
    const licenseNumber = String(6_100_000_000 + Math.floor(Math.random() * 800_000_000));
    const response = await platform.request('POST', '/v1/organizations', {
      token: await platform.token({ sub: randomUUID(), groups: [] }),
      body: { nameAr: 'Al Khair Society', nameEn: 'Al Khair Society', licenseNumber, city: 'dammam', contactEmail: 'contact@alkhair.org.sa', phone: '+966138123456', causes: ['education'] },
    });

    expect(response.status).toBe(422);
    expect(errorPaths(response.body)).toEqual(['nameAr']);
    expect(await organizationRepository().licenseHolder(licenseNumber)).toBeUndefined();
  });
});

describe('POST /v1/organizations/{orgId}/opportunities refuses', () => {
  // One clock reading for the whole table: two calls of shift(48, 52) must give the same instants,
  // not instants a millisecond apart (the flake CI met: "identical" shifts that were not).
  const now = Date.now();
  const inHours = (h: number) => new Date(now + h * 3_600_000).toISOString();
  const shift = (from: number, to: number) => ({ start: inHours(from), end: inHours(to), capacity: 5 });
  const opportunitiesOf = async (orgId: string) =>
    (await documentClient().send(new ScanCommand({ TableName: platform.tableName, FilterExpression: 'entity = :e AND orgId = :o', ExpressionAttributeValues: { ':e': 'Opportunity', ':o': orgId } }))).Items ?? [];

  it.each([
    ['two identical shifts', { shifts: [shift(48, 52), shift(24, 28), shift(48, 52)] }, 'shifts.2.start'],
    ['a location far outside the given city', { city: 'jeddah', location: RIYADH }, 'location'],
    ['a shift longer than 24 hours', { shifts: [shift(48, 73)] }, 'shifts.0.end'],
    ['a free-form skill', { skills: ['being nice'] }, 'skills.0'],
  ])('%s (422 naming the field, nothing written)', async (_, overrides, path) => {
    const orgId = await seedOrganization();
    const body = opportunityBody([shift(48, 52)], overrides);

    const response = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: await platform.token({ sub: `m-${orgId}`, groups: ['org-manager'], orgId }), body });

    expect(response.status).toBe(422);
    expect(errorPaths(response.body)).toEqual([path]);
    expect(await opportunitiesOf(orgId)).toEqual([]);
  });
});
