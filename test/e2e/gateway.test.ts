import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTarget } from '../../infra/local/gateway.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

describe('local gateway', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => platform?.stop());

  it('answers /health through the real handler', async () => {
    const response = await platform.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('routes a path without parameters before a parameterised route of the same shape, with or without a trailing slash', async () => {
    const token = await platform.token({ sub: 'routing-probe', groups: ['volunteer'] });
    // GET /v1/volunteers/me/ratings (volunteers) vs GET /v1/volunteers/{volunteerId}/ratings (org managers: 403 here).
    for (const path of ['/v1/volunteers/me/ratings', '/v1/volunteers/me/ratings/']) {
      const response = await platform.request('GET', path, { token });
      expect(response.status, path).toBe(200);
      expect(response.body).toMatchObject({ volunteerId: 'routing-probe', count: 0 });
    }
    expect((await platform.request('GET', '/v1/volunteers/someone-else/ratings', { token })).status).toBe(403);
  });

  it('reads the path and query of a request target exactly as new URL does (which it skips for plain targets)', () => {
    const targets = ['/', '/v1/volunteers/me', '/v1/volunteers/me/', '/v1/x//y', '/v1/x?a=1&b=2&a=3', '/v1/x?q=a%20b+c', "/v1/x?q='(x)';y", '//host/x', '/v1/../x', '/v1/./x', '/v1/%41', '/v1/x?q=a b', '/v1/x?q=é', '/v1/x#frag', '/v1/x?q=1#frag'];
    for (const target of targets) {
      const url = new URL(target, 'http://localhost');
      const parsed = parseTarget(target);
      expect({ target, path: parsed.path, query: parsed.query.toString() }).toEqual({ target, path: url.pathname, query: url.searchParams.toString() });
    }
  });

  it('answers an unknown route with 404 like API Gateway', async () => {
    const response = await platform.request('GET', '/v1/nothing-here');
    expect(response.status).toBe(404);
  });

  it.each(['%E0%A4%A', '%', 'a%zz'])('answers 400 like API Gateway to the malformed percent-encoding %s in a path parameter', async (bad) => {
    const token = await platform.token({ sub: 'probe', groups: ['volunteer'] });
    const response = await platform.request('GET', `/v1/opportunities/${bad}`, { token });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: 'Bad Request' });
  });

  it('answers 400 to malformed percent-encoding on a local-only route too', async () => {
    const response = await platform.request('POST', '/local/schedules/%E0%A4%A');
    expect(response.status).toBe(400);
  });

  it('refuses a token request with an unknown group', async () => {
    const response = await platform.request('POST', '/local/token', { body: { sub: 'a', groups: ['king'] } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('groups.0');
  });

  it('runs a schedule on demand, exactly as its schedule would, and answers with its summary', async () => {
    const response = await platform.request('POST', '/local/schedules/matching');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'matching', summary: { opportunities: 0 } });
  });

  it('answers an unknown schedule with a 404 naming the known ones', async () => {
    const response = await platform.request('POST', '/local/schedules/nothing');
    expect(response.status).toBe(404);
    expect(response.body.detail).toContain('reminders');
  });
});
