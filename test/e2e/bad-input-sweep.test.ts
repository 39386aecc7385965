/**
 * Every route of the route table, fed malformed input by every kind of caller: the answer is
 * always a 4xx (problem+json from our handlers, or API Gateway's own 401/404), never a 5xx.
 * Derived from the route table, so routes added later are swept too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations as routes } from '../../functions/http/routes.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

const PATH_VALUES = ['nope', '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'x'.repeat(300), '%E2%80%AE%00', "' OR 1=1 --"];
const BODIES: Array<{ label: string; raw: string }> = [
  { label: 'malformed JSON', raw: '{"a":' },
  { label: 'a JSON array', raw: '[1,2,3]' },
  { label: 'JSON null', raw: 'null' },
  { label: 'a JSON string', raw: '"hello"' },
  { label: 'an empty object', raw: '{}' },
  { label: 'wrong types everywhere', raw: JSON.stringify({ shiftId: 7, decision: ['approve'], version: {}, nameAr: 1, start: true, capacity: '10' }) },
  { label: 'deep nesting', raw: '{"a":'.repeat(200) + '1' + '}'.repeat(200) },
  { label: 'huge numbers', raw: JSON.stringify({ capacity: 1e308, limit: -1e308, minAge: Number.MAX_SAFE_INTEGER }) },
];

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value).replace(/%25/g, '%'));

describe('bad input on every route', () => {
  let platform: TestPlatform;
  let tokens: string[];
  beforeAll(async () => {
    platform = await startTestPlatform();
    tokens = await Promise.all([
      platform.token({ sub: 'sweep-everyone', groups: ['volunteer', 'org-manager', 'company-admin', 'ministry-reviewer', 'ministry-admin'], orgId: 'nope', companyId: 'nope' }),
      platform.token({ sub: 'sweep-nobody', groups: [] }),
    ]);
  });
  afterAll(async () => platform?.stop());

  for (const route of routes) {
    it(`${route.method} ${route.path} never answers 5xx`, async () => {
      const statuses: string[] = [];
      let reachedHandler = 0;
      for (const value of PATH_VALUES) {
        for (const token of [...tokens, undefined]) {
          const path = fill(route.path, value);
          const query = `?limit=${encodeURIComponent(value)}&cursor=${encodeURIComponent(value)}&status=${encodeURIComponent(value)}`;
          const bodies = route.method === 'GET' || route.method === 'HEAD' ? [undefined] : BODIES;
          for (const body of bodies) {
            const response = await platform.request(route.method, `${path}${query}`, {
              ...(token && { token }),
              ...(body && { rawBody: body.raw, headers: { 'content-type': 'application/json' } }),
            });
            if (response.status < 300 || response.headers.get('content-type')?.startsWith('application/problem+json')) reachedHandler += 1;
            if (response.status >= 500) statuses.push(`${response.status} for ${path} ${body?.label ?? ''}: ${JSON.stringify(response.body)}`);
          }
        }
      }
      expect(statuses).toEqual([]);
      // The sweep is only worth something if the input got past the gateway into the handler.
      expect(reachedHandler).toBeGreaterThan(0);
    });
  }
});
