/**
 * Display spoofing (issue 10 §5): lone surrogates, bidi overrides and zero-width characters
 * were accepted in names, titles and reasons and reached emails. Every free-text field is a
 * `boundedText` now: 422 naming the field. One request per kind of free text.
 */
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opportunityBody } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

/** JSON.stringify writes a lone surrogate as the escape `\ud800`, as a probing client would send it. */
const send = async (method: string, path: string, token: string, body: unknown) => platform.request(method, path, { token, body });

describe('free text that would display as something else', () => {
  it('refuses a volunteer name with a zero-width space (422 nameEn)', async () => {
    const token = await platform.token({ sub: `v-${ulid()}`, groups: [] });
    const body = { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nameEn: 'Huda\u200BAlharbi' };
    const response = await send('POST', '/v1/volunteers', token, body);
    expect(response.status).toBe(422);
    expect(paths(response.body)).toEqual(['nameEn']);
  });

  it('refuses an organisation name with a right-to-left override (422 nameEn)', async () => {
    const token = await platform.token({ sub: `o-${ulid()}`, groups: [] });
    const body = {
      nameAr: 'جمعية الخير',
      nameEn: 'Al Khair \u202Eyteicos',
      licenseNumber: '5123456789',
      city: 'dammam',
      contactEmail: 'contact@alkhair.org.sa',
      phone: '+966138123456',
      causes: ['education'],
    };
    const response = await send('POST', '/v1/organizations', token, body);
    expect(response.status).toBe(422);
    expect(paths(response.body)).toEqual(['nameEn']);
  });

  it('refuses an opportunity title with a bidi isolate (422 titleAr)', async () => {
    const orgId = ulid();
    const token = await platform.token({ sub: `m-${ulid()}`, groups: ['org-manager'], orgId });
    const body = opportunityBody(undefined, { titleAr: 'تنظيف \u2067الشاطئ\u2069', skills: [], professions: [] });
    const response = await send('POST', `/v1/organizations/${orgId}/opportunities`, token, body);
    expect(response.status).toBe(422);
    expect(paths(response.body)).toEqual(['titleAr']);
  });

  it('refuses a decision reason with a lone surrogate (422 reason)', async () => {
    const token = await platform.token({ sub: `r-${ulid()}`, groups: ['ministry-reviewer'] });
    const response = await send('POST', `/v1/organizations/${ulid()}/decision`, token, { decision: 'reject', reason: 'ab\ud800cd' });
    expect(response.status).toBe(422);
    expect(paths(response.body)).toEqual(['reason']);
  });

  it('refuses an application motivation with a right-to-left mark (422 motivation)', async () => {
    const token = await platform.token({ sub: `v-${ulid()}`, groups: ['volunteer'] });
    const response = await send('POST', `/v1/opportunities/${ulid()}/applications`, token, { shiftId: ulid(), motivation: 'I am a nurse\u200F' });
    expect(response.status).toBe(422);
    expect(paths(response.body)).toEqual(['motivation']);
  });
});
