/**
 * Browsers (issue 11, "clients on the web"): the local gateway applies the CORS policy of the
 * cloud (infra/cors.ts) with any http://localhost:<port> allowed, answers the preflight before
 * any route or authorizer, and answers HEAD /health.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const preflight = (origin: string, path = '/v1/volunteers/me') =>
  platform.request('OPTIONS', path, { headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

describe('CORS on the local gateway', () => {
  it('answers the preflight of a localhost app on any port, before the authorizer', async () => {
    const response = await preflight('http://localhost:5173');

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  });

  it('allows a localhost origin to read the answers, errors included', async () => {
    const ok = await platform.request('GET', '/v1/reference', { headers: { origin: 'http://localhost:3001' } });
    const unauthorized = await platform.request('GET', '/v1/volunteers/me', { headers: { origin: 'http://localhost:3001' } });

    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
  });

  it('allows no other origin', async () => {
    const response = await preflight('https://evil.example.com');
    const answer = await platform.request('GET', '/v1/reference', { headers: { origin: 'https://evil.example.com' } });

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('HEAD /health', () => {
  it('answers 200 without a body', async () => {
    const response = await platform.request('HEAD', '/health');

    expect(response.status).toBe(200);
    expect(response.body).toBeUndefined();
  });
});
