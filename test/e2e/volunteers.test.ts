/**
 * POST /v1/volunteers and GET/PATCH /v1/volunteers/me through the local gateway, route by
 * route: success, then every kind of bad input, each checked for its status, the field it
 * names, and that nothing was written.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { documentClient } from '../../shared/db/client.js';
import { nationalIdClaim, volunteer } from '../../shared/db/entities/volunteer.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { hashNationalId } from '../../shared/security/national-id-protector.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

let serial = 0;
/** A valid national ID no other test uses. */
const newNationalId = (): string => {
  serial += 1;
  const payload = `1${String(Date.now() % 1e5).padStart(5, '0')}${String(serial).padStart(3, '0')}`;
  return payload + luhnCheckDigit(payload);
};

/** The sample registration of events/http/register-volunteer.json with a fresh national ID. */
const registration = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...(JSON.parse(registerEvent.body) as Record<string, unknown>),
  nationalId: newNationalId(),
  ...overrides,
});

/** A fresh user: a token without groups (to register) and one with `volunteer` (to use /me). */
const newUser = async () => {
  const sub = randomUUID();
  return {
    sub,
    token: await platform.token({ sub, groups: [] }),
    volunteerToken: await platform.token({ sub, groups: ['volunteer'], email: 'huda.alharbi@example.com' }),
  };
};

const item = async (key: Record<string, string>) =>
  (await documentClient().send(new GetCommand({ TableName: platform.tableName, Key: key }))).Item;

/** Neither a profile for `sub` nor a claim on `nationalId` exists. */
const expectNothingWritten = async (user: { sub: string; volunteerToken: string }, nationalId?: unknown) => {
  expect((await platform.request('GET', '/v1/volunteers/me', { token: user.volunteerToken })).status).toBe(404);
  await expect(item(volunteer.keys.item(user.sub))).resolves.toBeUndefined();
  if (typeof nationalId === 'string') {
    await expect(item(nationalIdClaim.keys.item(hashNationalId(nationalId, process.env.NATIONAL_ID_PEPPER!)))).resolves.toBeUndefined();
  }
};

const errorPaths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe('POST /v1/volunteers', () => {
  it('creates the caller’s profile (201) with the national ID masked', async () => {
    const user = await newUser();
    const body = registration();
    const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/v1/volunteers/me');
    const nationalId = body.nationalId as string;
    expect(response.body).toMatchObject({ id: user.sub, nationalIdMasked: `******${nationalId.slice(-4)}`, city: 'jeddah', age: expect.any(Number) });
    expect(JSON.stringify(response.body)).not.toContain(nationalId);
  });

  it('stores the national ID only as a keyed hash and a masked form', async () => {
    const user = await newUser();
    const body = registration();
    await platform.request('POST', '/v1/volunteers', { token: user.token, body });
    const stored = await item(volunteer.keys.item(user.sub));
    expect(stored?.nationalIdHash).toBe(hashNationalId(body.nationalId as string, process.env.NATIONAL_ID_PEPPER!));
    expect(JSON.stringify(stored)).not.toContain(body.nationalId as string);
    await expect(item(nationalIdClaim.keys.item(stored?.nationalIdHash as string))).resolves.toMatchObject({ volunteerId: user.sub });
  });

  it('publishes VolunteerRegistered', async () => {
    const user = await newUser();
    await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration() });
    await platform.flushEvents();
    const event = localBus.published.find((e) => e.type === 'VolunteerRegistered' && e.detail.volunteerId === user.sub);
    expect(event?.detail).toMatchObject({ city: 'jeddah', region: 'makkah', locale: 'ar' });
  });

  it('refuses a second profile for the same user (409)', async () => {
    const user = await newUser();
    await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration() });
    const second = registration();
    const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body: second });
    expect(response.status).toBe(409);
    expect(response.body.type).toMatch(/\/volunteer-already-registered$/);
    await expect(item(nationalIdClaim.keys.item(hashNationalId(second.nationalId as string, process.env.NATIONAL_ID_PEPPER!)))).resolves.toBeUndefined();
  });

  it('refuses a national ID that another user registered (409), without revealing it', async () => {
    const first = await newUser();
    const body = registration();
    await platform.request('POST', '/v1/volunteers', { token: first.token, body });
    const second = await newUser();
    const response = await platform.request('POST', '/v1/volunteers', { token: second.token, body });
    expect(response.status).toBe(409);
    expect(response.body.type).toMatch(/\/national-id-taken$/);
    expect(JSON.stringify(response.body)).not.toContain(body.nationalId as string);
    await expectNothingWritten(second);
  });

  it('lets exactly one of two simultaneous registrations of one national ID through', async () => {
    const body = registration();
    const users = [await newUser(), await newUser()];
    const responses = await Promise.all(users.map((u) => platform.request('POST', '/v1/volunteers', { token: u.token, body })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = users[responses.findIndex((r) => r.status === 409)]!;
    await expectNothingWritten(loser);
  });

  describe('with an Idempotency-Key', () => {
    it('replays the same response for the same key and body, creating one profile', async () => {
      const user = await newUser();
      const body = registration();
      const headers = { 'idempotency-key': randomUUID() };
      const first = await platform.request('POST', '/v1/volunteers', { token: user.token, body, headers });
      const replay = await platform.request('POST', '/v1/volunteers', { token: user.token, body, headers });
      expect(first.status).toBe(201);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      await platform.flushEvents();
      expect(localBus.published.filter((e) => e.type === 'VolunteerRegistered' && e.detail.volunteerId === user.sub)).toHaveLength(1);
    });

    it('refuses the same key with another body (422)', async () => {
      const user = await newUser();
      const headers = { 'idempotency-key': randomUUID() };
      await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration(), headers });
      const other = registration({ city: 'riyadh' });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body: other, headers });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toEqual(['headers.idempotency-key']);
      await expect(item(nationalIdClaim.keys.item(hashNationalId(other.nationalId as string, process.env.NATIONAL_ID_PEPPER!)))).resolves.toBeUndefined();
    });

    it('keeps two users’ equal keys apart', async () => {
      const headers = { 'idempotency-key': 'same-key-for-both' };
      const [a, b] = [await newUser(), await newUser()];
      const first = await platform.request('POST', '/v1/volunteers', { token: a.token, body: registration(), headers });
      const second = await platform.request('POST', '/v1/volunteers', { token: b.token, body: registration(), headers });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.id).toBe(b.sub);
    });
  });

  describe('refuses bad input and writes nothing', () => {
    it('malformed JSON (400)', async () => {
      const user = await newUser();
      const response = await platform.request('POST', '/v1/volunteers', {
        token: user.token,
        rawBody: '{"nameAr": "هدى", ',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(errorPaths(response.body)).toEqual(['(body)']);
      await expectNothingWritten(user);
    });

    it('a missing body (400)', async () => {
      const user = await newUser();
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token });
      expect(response.status).toBe(400);
      await expectNothingWritten(user);
    });

    it('a body that is not JSON (400 on the content type)', async () => {
      const user = await newUser();
      const response = await platform.request('POST', '/v1/volunteers', {
        token: user.token,
        rawBody: 'nameAr=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(400);
      expect(errorPaths(response.body)).toEqual(['headers.content-type']);
      await expectNothingWritten(user);
    });

    it('wrong types (422 naming each field)', async () => {
      const user = await newUser();
      const body = registration({ nameAr: 42, skills: 'first-aid', preferences: { email: 'yes', sms: true } });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toEqual(['nameAr', 'skills', 'preferences.email']);
      await expectNothingWritten(user, body.nationalId);
    });

    it('missing fields (422 naming each one)', async () => {
      const user = await newUser();
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body: { nameEn: 'Huda Alharbi' } });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toEqual(
        expect.arrayContaining(['nationalId', 'nameAr', 'birthDate', 'email', 'phone', 'city', 'skills', 'preferences']),
      );
      await expectNothingWritten(user);
    });

    it('an unknown field (422 naming it)', async () => {
      const user = await newUser();
      const body = registration({ groups: ['ministry-admin'] });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ path: 'groups', message: 'unknown field' }]);
      await expectNothingWritten(user, body.nationalId);
    });

    it('an oversized string (422 naming the field)', async () => {
      const user = await newUser();
      const body = registration({ nameEn: 'H'.repeat(101) });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toEqual(['nameEn']);
      await expectNothingWritten(user, body.nationalId);
    });

    it('an oversized body (413)', async () => {
      const user = await newUser();
      const body = registration({ nameEn: 'H'.repeat(70_000) });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
      expect(response.status).toBe(413);
      expect(response.body.type).toMatch(/\/payload-too-large$/);
      await expectNothingWritten(user, body.nationalId);
    });

    it('a bad national ID checksum (422 on nationalId), never echoed', async () => {
      const user = await newUser();
      const valid = newNationalId();
      const bad = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration({ nationalId: bad }) });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ path: 'nationalId', message: 'check digit does not match' }]);
      expect(JSON.stringify(response.body)).not.toContain(bad);
      await expectNothingWritten(user, bad);
    });

    it('a national ID with a wrong first digit (422 on nationalId)', async () => {
      const user = await newUser();
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration({ nationalId: '3234567891' }) });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toEqual(['nationalId']);
      await expectNothingWritten(user);
    });

    it('a phone number that is not E.164 (422 on phone)', async () => {
      const user = await newUser();
      const body = registration({ phone: '0501234567' });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toContain('phone');
      await expectNothingWritten(user, body.nationalId);
    });

    it('a volunteer younger than the minimum age (422 on birthDate)', async () => {
      const user = await newUser();
      const body = registration({ birthDate: `${new Date().getUTCFullYear() - 5}-01-01` });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toEqual(['birthDate']);
      await expectNothingWritten(user, body.nationalId);
    });

    it('a birth date in the future (422 on birthDate)', async () => {
      const user = await newUser();
      const body = registration({ birthDate: `${new Date().getUTCFullYear() + 1}-01-01` });
      const response = await platform.request('POST', '/v1/volunteers', { token: user.token, body });
      expect(response.status).toBe(422);
      expect(errorPaths(response.body)).toEqual(['birthDate']);
      await expectNothingWritten(user, body.nationalId);
    });
  });

  describe('refuses callers without a valid token (401) and writes nothing', () => {
    it('no token', async () => {
      const user = await newUser();
      const body = registration();
      const response = await platform.request('POST', '/v1/volunteers', { body });
      expect(response.status).toBe(401);
      await expectNothingWritten(user, body.nationalId);
    });

    it('a token signed by another key', async () => {
      const user = await newUser();
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT({ 'cognito:groups': ['volunteer'], token_use: 'id' })
        .setProtectedHeader({ alg: 'RS256', kid: 'tatawwu-local-1' })
        .setSubject(user.sub)
        .setIssuer(platform.issuer.issuer)
        .setAudience(platform.issuer.audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      const body = registration();
      const response = await platform.request('POST', '/v1/volunteers', { token: forged, body });
      expect(response.status).toBe(401);
      await expectNothingWritten(user, body.nationalId);
    });

    it('an expired token', async () => {
      const user = await newUser();
      const expired = await platform.token({ sub: user.sub, groups: [], expiresIn: -60 });
      const body = registration();
      const response = await platform.request('POST', '/v1/volunteers', { token: expired, body });
      expect(response.status).toBe(401);
      await expectNothingWritten(user, body.nationalId);
    });

    it('a malformed token', async () => {
      const user = await newUser();
      const body = registration();
      const response = await platform.request('POST', '/v1/volunteers', { token: 'not.a.jwt', body });
      expect(response.status).toBe(401);
      await expectNothingWritten(user, body.nationalId);
    });
  });
});

describe('GET /v1/volunteers/me', () => {
  it('returns the caller’s profile', async () => {
    const user = await newUser();
    const created = await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration() });
    const response = await platform.request('GET', '/v1/volunteers/me', { token: user.volunteerToken });
    expect(response.status).toBe(200);
    const { tokenRefreshRequired: _refresh, ...profile } = created.body as Record<string, unknown>;
    expect(response.body).toEqual(profile);
  });

  it('answers 404 (problem+json) for a caller without a profile', async () => {
    const user = await newUser();
    const response = await platform.request('GET', '/v1/volunteers/me', { token: user.volunteerToken });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a caller outside the volunteer group (403)', async () => {
    const user = await newUser();
    await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration() });
    const manager = await platform.token({ sub: user.sub, groups: ['org-manager'], orgId: 'org-1' });
    const response = await platform.request('GET', '/v1/volunteers/me', { token: manager });
    expect(response.status).toBe(403);
  });

  it('refuses a request without a token (401)', async () => {
    expect((await platform.request('GET', '/v1/volunteers/me')).status).toBe(401);
  });

  it('refuses an expired token (401)', async () => {
    const expired = await platform.token({ sub: randomUUID(), groups: ['volunteer'], expiresIn: -60 });
    expect((await platform.request('GET', '/v1/volunteers/me', { token: expired })).status).toBe(401);
  });
});

describe('PATCH /v1/volunteers/me', () => {
  const registered = async () => {
    const user = await newUser();
    const created = await platform.request('POST', '/v1/volunteers', { token: user.token, body: registration() });
    // The 201 to a token without the volunteer group also says to refresh it; the profile is the rest.
    const { tokenRefreshRequired: _refresh, ...profile } = created.body as Record<string, unknown>;
    return { ...user, profile };
  };
  const patch = (token: string, body: unknown) => platform.request('PATCH', '/v1/volunteers/me', { token, body });
  const unchanged = async (user: { volunteerToken: string; profile: Record<string, unknown> }) =>
    expect((await platform.request('GET', '/v1/volunteers/me', { token: user.volunteerToken })).body).toEqual(user.profile);

  it('updates the given fields and keeps the others', async () => {
    const user = await registered();
    // A move to another city brings its location along (the Jeddah location is refused with Makkah).
    const response = await patch(user.volunteerToken, { city: 'makkah', location: { lat: 21.42, lon: 39.83 }, languages: ['ar'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ city: 'makkah', languages: ['ar'], nameEn: 'Huda Alharbi', nationalIdMasked: user.profile.nationalIdMasked });
    expect((await platform.request('GET', '/v1/volunteers/me', { token: user.volunteerToken })).body).toEqual(response.body);
  });

  it('records an SMS opt-out with its time', async () => {
    const user = await registered();
    const before = Date.now();
    const response = await patch(user.volunteerToken, { preferences: { email: true, sms: false, locale: 'ar' } });
    expect(response.body.consent.sms.granted).toBe(false);
    expect(Date.parse(response.body.consent.sms.changedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(response.body.consent.email).toEqual((user.profile.consent as { email: unknown }).email);
  });

  it('answers 404 for a caller without a profile, creating nothing', async () => {
    const user = await newUser();
    const response = await patch(user.volunteerToken, { city: 'riyadh' });
    expect(response.status).toBe(404);
    await expectNothingWritten(user);
  });

  it('refuses a change of the national ID (422 naming it), changing nothing', async () => {
    const user = await registered();
    const response = await patch(user.volunteerToken, { nationalId: newNationalId() });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: 'nationalId', message: 'unknown field' }]);
    await unchanged(user);
  });

  it('refuses an empty patch (422), changing nothing', async () => {
    const user = await registered();
    const response = await patch(user.volunteerToken, {});
    expect(response.status).toBe(422);
    expect(response.body.errors).toHaveLength(1);
    await unchanged(user);
  });

  it('refuses wrong types (422 naming the field), changing nothing', async () => {
    const user = await registered();
    const response = await patch(user.volunteerToken, { city: 7, availability: [{ day: 'sun', from: '18:00', to: '09:00' }] });
    expect(response.status).toBe(422);
    expect(errorPaths(response.body)).toEqual(['city', 'availability.0.to']);
    await unchanged(user);
  });

  it('refuses an oversized string (422), changing nothing', async () => {
    const user = await registered();
    const response = await patch(user.volunteerToken, { nameAr: 'ه'.repeat(101) });
    expect(response.status).toBe(422);
    expect(errorPaths(response.body)).toEqual(['nameAr']);
    await unchanged(user);
  });

  it('refuses an oversized body (413), changing nothing', async () => {
    const user = await registered();
    const response = await patch(user.volunteerToken, { nameAr: 'ه'.repeat(40_000) });
    expect(response.status).toBe(413);
    await unchanged(user);
  });

  it('refuses malformed JSON (400), changing nothing', async () => {
    const user = await registered();
    const response = await platform.request('PATCH', '/v1/volunteers/me', {
      token: user.volunteerToken,
      rawBody: '{"city": riyadh}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    await unchanged(user);
  });

  it('refuses a caller outside the volunteer group (403), changing nothing', async () => {
    const user = await registered();
    const other = await platform.token({ sub: user.sub, groups: ['company-admin'], companyId: 'c-1' });
    expect((await patch(other, { city: 'riyadh' })).status).toBe(403);
    await unchanged(user);
  });

  it('refuses a forged token (401), changing nothing', async () => {
    const user = await registered();
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ 'cognito:groups': ['volunteer'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'tatawwu-local-1' })
      .setSubject(user.sub)
      .setIssuer(platform.issuer.issuer)
      .setAudience(platform.issuer.audience)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await patch(forged, { city: 'riyadh' })).status).toBe(401);
    await unchanged(user);
  });
});
