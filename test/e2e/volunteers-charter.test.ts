/** GET /v1/charter, GET /v1/guide and POST /v1/volunteers/me/charter-acceptances through the local gateway. */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { documentClient } from '../../shared/db/client.js';
import { charterAcceptance } from '../../shared/db/entities/charter-acceptance.js';
import { charters } from '../../shared/domain/volunteers/documents/index.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const current = charters.at(-1)!.version;
const path = '/v1/volunteers/me/charter-acceptances';

let serial = 0;
/** A registered volunteer, with a token in the volunteer group. */
const volunteer = async () => {
  serial += 1;
  const sub = randomUUID();
  const payload = `2${String(Date.now() % 1e5).padStart(5, '0')}${String(serial).padStart(3, '0')}`;
  const body = { ...(JSON.parse(registerEvent.body) as object), nationalId: payload + luhnCheckDigit(payload) };
  const registered = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body });
  expect(registered.status).toBe(201);
  return { sub, token: await platform.token({ sub, groups: ['volunteer'] }) };
};

const acceptanceItem = async (sub: string, version: string) =>
  (await documentClient().send(new GetCommand({ TableName: platform.tableName, Key: charterAcceptance.keys.item(sub, version) }))).Item;

const profile = async (token: string) => (await platform.request('GET', '/v1/volunteers/me', { token })).body;

describe('GET /v1/charter', () => {
  it('serves the current charter to anyone, without a token', async () => {
    const response = await platform.request('GET', '/v1/charter');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: current, publishedAt: expect.any(String) });
    expect(response.body.textAr).toContain('النزاهة');
    expect(response.body.textEn).toContain('Safeguarding children and vulnerable people');
  });

  it('ignores a token, even an expired one', async () => {
    const expired = await platform.token({ sub: 'x', groups: [], expiresIn: -60 });
    expect((await platform.request('GET', '/v1/charter', { token: expired })).status).toBe(200);
  });
});

describe('GET /v1/guide', () => {
  it('serves duties, responsibilities and rights in both languages', async () => {
    const response = await platform.request('GET', '/v1/guide');
    expect(response.status).toBe(200);
    expect(response.body.version).toBe('2026-1');
    for (const section of ['duties', 'responsibilities', 'rights']) {
      expect(response.body[section].length).toBeGreaterThan(0);
      expect(response.body[section][0]).toMatchObject({ titleAr: expect.any(String), titleEn: expect.any(String), textAr: expect.any(String), textEn: expect.any(String) });
    }
  });
});

describe('POST /v1/volunteers/me/charter-acceptances', () => {
  it('records the acceptance (201) and marks the profile', async () => {
    const { sub, token } = await volunteer();
    const response = await platform.request('POST', path, { token, body: { version: current } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ version: current, acceptedAt: expect.any(String) });
    expect(await profile(token)).toMatchObject({ acceptedCharterVersion: current, charterAcceptedAt: response.body.acceptedAt });
    await expect(acceptanceItem(sub, current)).resolves.toMatchObject({ acceptedAt: response.body.acceptedAt });
  });

  it('answers 200 with the first acceptance time when the version is accepted again', async () => {
    const { token } = await volunteer();
    const first = await platform.request('POST', path, { token, body: { version: current } });
    const again = await platform.request('POST', path, { token, body: { version: current } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('replays the first answer for the same Idempotency-Key', async () => {
    const { token } = await volunteer();
    const headers = { 'idempotency-key': randomUUID() };
    const first = await platform.request('POST', path, { token, body: { version: current }, headers });
    const replay = await platform.request('POST', path, { token, body: { version: current }, headers });
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body).toEqual(first.body);
  });

  it('refuses an unknown version (422 on version), writing nothing', async () => {
    const { sub, token } = await volunteer();
    const response = await platform.request('POST', path, { token, body: { version: '1999-1' } });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['version']);
    await expect(acceptanceItem(sub, '1999-1')).resolves.toBeUndefined();
    expect(await profile(token)).not.toHaveProperty('acceptedCharterVersion');
  });

  it('refuses a missing version (422 on version), writing nothing', async () => {
    const { token } = await volunteer();
    const response = await platform.request('POST', path, { token, body: {} });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['version']);
    expect(await profile(token)).not.toHaveProperty('acceptedCharterVersion');
  });

  it('refuses a version of the wrong type (422 on version), writing nothing', async () => {
    const { token } = await volunteer();
    const response = await platform.request('POST', path, { token, body: { version: 20261 } });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['version']);
    expect(await profile(token)).not.toHaveProperty('acceptedCharterVersion');
  });

  it('refuses malformed JSON (400), writing nothing', async () => {
    const { sub, token } = await volunteer();
    const response = await platform.request('POST', path, { token, rawBody: '{"version":', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    await expect(acceptanceItem(sub, current)).resolves.toBeUndefined();
  });

  it('refuses an oversized body (413), writing nothing', async () => {
    const { sub, token } = await volunteer();
    const response = await platform.request('POST', path, { token, body: { version: current, note: 'x'.repeat(70_000) } });
    expect(response.status).toBe(413);
    await expect(acceptanceItem(sub, current)).resolves.toBeUndefined();
  });

  it('answers 404 for a volunteer-group caller without a profile, writing nothing', async () => {
    const sub = randomUUID();
    const token = await platform.token({ sub, groups: ['volunteer'] });
    const response = await platform.request('POST', path, { token, body: { version: current } });
    expect(response.status).toBe(404);
    await expect(acceptanceItem(sub, current)).resolves.toBeUndefined();
  });

  it('refuses a caller outside the volunteer group (403), writing nothing', async () => {
    const { sub } = await volunteer();
    const token = await platform.token({ sub, groups: [] });
    expect((await platform.request('POST', path, { token, body: { version: current } })).status).toBe(403);
    await expect(acceptanceItem(sub, current)).resolves.toBeUndefined();
  });

  it('refuses an expired token (401), writing nothing', async () => {
    const { sub } = await volunteer();
    const token = await platform.token({ sub, groups: ['volunteer'], expiresIn: -60 });
    expect((await platform.request('POST', path, { token, body: { version: current } })).status).toBe(401);
    await expect(acceptanceItem(sub, current)).resolves.toBeUndefined();
  });

  it('refuses a request without a token (401)', async () => {
    expect((await platform.request('POST', path, { body: { version: current } })).status).toBe(401);
  });
});
