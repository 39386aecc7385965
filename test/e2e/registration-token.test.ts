/**
 * A first registration with a token without the `volunteer` group (issue 11): the 201 says the
 * token must be refreshed, and the group is granted in the same request (locally the user
 * directory stand-in records it; in the cloud it is Cognito AdminAddUserToGroup).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { localUserDirectory } from '../../shared/identity/user-directory.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  process.env.LOCAL_CRON = 'off';
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

let serial = 0;
const registration = () => {
  serial += 1;
  const payload = `1${String(Date.now() % 1e5).padStart(5, '0')}${String(900 + serial).padStart(3, '0')}`;
  return { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId: payload + luhnCheckDigit(payload) };
};

describe('POST /v1/volunteers with a token without the volunteer group', () => {
  it('answers 201 saying the token must be refreshed, and grants the group in the same request', async () => {
    const sub = randomUUID();

    const response = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body: registration() });

    expect(response.status).toBe(201);
    expect(response.body.tokenRefreshRequired).toBe(true);
    expect(localUserDirectory.volunteers.has(sub)).toBe(true);
  });

  it('says nothing of a refresh to a caller already in the group', async () => {
    const sub = randomUUID();

    const response = await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: ['volunteer'] }), body: registration() });

    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty('tokenRefreshRequired');
  });
});
