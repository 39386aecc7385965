import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateOpportunity } from '../../shared/domain/opportunities/schema.js';
import { Skill } from '../../shared/domain/volunteers/schema.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

describe('GET /v1/reference', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => platform?.stop());

  it('lists the 13 regions, and every city names one of them', async () => {
    const { status, body } = await platform.request('GET', '/v1/reference');

    expect(status).toBe(200);
    expect(body.regions).toHaveLength(13);
    const regionIds = new Set(body.regions.map((r: { id: string }) => r.id));
    expect(body.cities.length).toBeGreaterThan(10);
    expect(body.cities.filter((c: { region: string }) => !regionIds.has(c.region))).toEqual([]);
  });

  it('gives every entry both labels', async () => {
    const { body } = await platform.request('GET', '/v1/reference');

    const all = ['regions', 'cities', 'causes', 'professions', 'skills', 'tracks'].flatMap((list) => body[list]);
    expect(all.filter((e: { nameAr: string; nameEn: string }) => !/[\u0600-\u06FF]/.test(e.nameAr) || !/[A-Za-z]/.test(e.nameEn))).toEqual([]);
  });

  it('is cacheable by anyone', async () => {
    const { headers } = await platform.request('GET', '/v1/reference');

    expect(headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('offers only skills that profiles and opportunities accept', async () => {
    const { body } = await platform.request('GET', '/v1/reference');

    const refused = body.skills.filter((s: { id: string }) => !Skill.safeParse({ name: s.id, level: 'beginner' }).success);
    expect(refused).toEqual([]);
  });
});

describe('skills outside the reference list', () => {
  it('are refused in a profile, naming the field', () => {
    const result = Skill.safeParse({ name: 'juggling', level: 'expert' });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('GET /v1/reference');
  });

  it('are refused in an opportunity, naming the field', () => {
    const result = CreateOpportunity.shape.skills.safeParse(['juggling']);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([0]);
  });
});
