import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursApproved, hoursReversed } from '../integration/register-support.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

describe('GET /v1/volunteers/me/transcript', () => {
  let platform: TestPlatform;
  let token: string;
  const volunteerId = 'transcript-vol';

  beforeAll(async () => {
    platform = await startTestPlatform();
    token = await platform.token({ sub: volunteerId, groups: ['volunteer'] });
    const { handler } = await import('../../functions/consumers/register-hours.js');
    const approvals = [1, 2, 3, 4, 5].map((i) => hoursApproved({ volunteerId, orgId: i % 2 ? 'org-a' : 'org-b', minutes: i * 60, valueSar: i * 10.5 }));
    for (const a of approvals) await handler(a.envelope);
    await handler(hoursReversed({ volunteerId, hoursId: approvals[0]!.hoursId, orgId: 'org-a', minutes: 60, valueSar: 10.5 }).envelope);
  });
  afterAll(async () => platform?.stop());

  it('answers the running totals with the first page of entries, newest first', async () => {
    const response = await platform.request('GET', '/v1/volunteers/me/transcript?limit=4', { token });

    expect(response.status).toBe(200);
    expect({
      totalMinutes: response.body.totalMinutes,
      totalValueSar: response.body.totalValueSar,
      byOrganization: response.body.byOrganization.map((o: { orgId: string; minutes: number }) => [o.orgId, o.minutes]),
      kinds: response.body.entries.map((e: { kind: string }) => e.kind),
      more: typeof response.body.nextCursor,
    }).toEqual({
      totalMinutes: 840,
      totalValueSar: 147,
      byOrganization: [
        ['org-a', 480],
        ['org-b', 360],
      ],
      kinds: ['reversal', 'approval', 'approval', 'approval'],
      more: 'string',
    });
  });

  it('continues with nextCursor until every entry was listed once', async () => {
    const first = await platform.request('GET', '/v1/volunteers/me/transcript?limit=4', { token });
    const second = await platform.request('GET', `/v1/volunteers/me/transcript?limit=4&cursor=${first.body.nextCursor}`, { token });

    expect({ ids: new Set([...first.body.entries, ...second.body.entries].map((e: { id: string }) => e.id)).size, next: second.body.nextCursor }).toEqual({
      ids: 6,
      next: undefined,
    });
  });

  it('refuses a tampered cursor with a 400 naming query.cursor', async () => {
    const cursor = Buffer.from(JSON.stringify({ after: 'TOTAL#all#all' })).toString('base64url');
    const response = await platform.request('GET', `/v1/volunteers/me/transcript?cursor=${cursor}`, { token });
    expect([response.status, response.body.errors?.[0]?.path]).toEqual([400, 'query.cursor']);
  });

  it('shows an empty record to a volunteer without hours', async () => {
    const other = await platform.token({ sub: 'nobody-yet', groups: ['volunteer'] });
    const response = await platform.request('GET', '/v1/volunteers/me/transcript', { token: other });
    expect([response.body.totalMinutes, response.body.entries]).toEqual([0, []]);
  });
});
