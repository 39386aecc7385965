import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localUserDirectory } from '../../shared/identity/user-directory.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';

describe('AssignVolunteerGroup consumer', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => platform?.stop());

  it('puts a newly registered volunteer in the volunteer group', async () => {
    const token = await platform.token({ sub: 'group-joiner', groups: [] });
    const response = await platform.request('POST', '/v1/volunteers', { token, body: { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId: '204817263' + luhnCheckDigit('204817263') } });
    await platform.flushEvents();
    expect(response.status).toBe(201);
    expect(localUserDirectory.volunteers.has('group-joiner')).toBe(true);
  });

  it('leaves users who did not register out of the group', () => {
    expect(localUserDirectory.volunteers.has('someone-else')).toBe(false);
  });
});
