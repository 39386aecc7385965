/**
 * Security headers on every response (issue 10 §5: private JSON without `no-store`, no
 * nosniff, no HSTS, no CSP on HTML). One test per header family and kind of response.
 */
import type { Context } from 'aws-lambda';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import getCharterEvent from '../../events/http/get-charter.json' with { type: 'json' };
import type { HttpEvent } from '../../shared/middleware/http.js';
import { HSTS, securityHeaders, STRICT_HTML_CSP } from '../../shared/middleware/security-headers.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const volunteerToken = () => platform.token({ sub: `v-${ulid()}`, groups: ['volunteer'] });

describe('Cache-Control', () => {
  it('is no-store on a personal answer', async () => {
    const response = await platform.request('GET', '/v1/volunteers/me/applications', { token: await volunteerToken() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is no-store on a problem+json answer', async () => {
    const response = await platform.request('GET', '/v1/volunteers/me', { token: await volunteerToken() });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps what a public, cacheable answer sets itself', async () => {
    const response = await platform.request('GET', '/v1/charter');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it("is no-store on the gateway's own 401", async () => {
    const response = await platform.request('GET', '/v1/volunteers/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('X-Content-Type-Options and Strict-Transport-Security', () => {
  it.each([
    ['a handler answer', '/v1/charter', 200],
    ['a problem+json answer', '/v1/opportunities/not-an-id', 400],
    ["the gateway's own 404", '/v1/nothing-here', 404],
  ])('are set on %s', async (_, path, status) => {
    const response = await platform.request('GET', path, { token: await volunteerToken() });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBe(HSTS);
  });

  it('are set by the Lambda handler itself, without the local gateway (as in the cloud)', async () => {
    const { handler } = (await import('../../functions/http/volunteers/get-charter.js')) as unknown as {
      handler: (event: HttpEvent, context: Context) => Promise<{ headers: Record<string, string> }>;
    };
    const response = await handler(structuredClone(getCharterEvent) as unknown as HttpEvent, { getRemainingTimeInMillis: () => 10_000 } as Context);
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'strict-transport-security': HSTS });
  });
});

describe('Content-Security-Policy', () => {
  it('is the strict policy on HTML that sets none', () => {
    expect(securityHeaders({ 'content-type': 'text/html; charset=utf-8' })['content-security-policy']).toBe(STRICT_HTML_CSP);
  });

  it('is not added to JSON', () => {
    expect(securityHeaders({ 'content-type': 'application/json' })).not.toHaveProperty('content-security-policy');
  });

  it("starts from default-src 'none' on the local HTML pages", async () => {
    for (const [path, accept] of [['/docs', 'text/html'], ['/local/sms', 'text/html']] as const) {
      const response = await platform.request('GET', path, { headers: { accept } });
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy'), path).toMatch(/^default-src 'none'; /);
    }
  });
});
