import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerEnvelope } from '../../shared/middleware/consumer.js';
import { consumeImpact, envelope } from '../helpers/impact-events.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

const ORG = ulid();
const OTHER_ORG = ulid();

let platform: TestPlatform;
let consume: (e: ConsumerEnvelope) => Promise<unknown>;
const tokens: Record<string, string> = {};

const approval = (i: number, over: Record<string, unknown> = {}) =>
  envelope('HoursApproved', `e2e-a${i}`, {
    hoursId: `e2e-h${i}`,
    volunteerId: `e2e-v${i % 3}`,
    orgId: ORG,
    opportunityId: 'opp-1',
    shiftId: `shift-${i % 2}`,
    kind: 'shift',
    date: '2026-03-10',
    minutes: 120,
    track: i === 0 ? 'professional' : 'general',
    causes: ['health'],
    city: 'jeddah',
    region: 'makkah',
    valueSar: 100,
    approvedBy: 'm1',
    approvedAt: '2026-03-11T10:00:00.000Z',
    ...over,
  });

beforeAll(async () => {
  platform = await startTestPlatform();
  consume = consumeImpact;
  for (let i = 0; i < 4; i++) await consume(approval(i));
  await consume(approval(4, { date: '2026-04-02', causes: ['education', 'health'], shiftId: undefined, kind: 'claim' }));
  await consume(
    envelope('VolunteerNoShow', 'e2e-ns', {
      volunteerId: 'e2e-v9',
      orgId: ORG,
      opportunityId: 'opp-1',
      shiftId: 'shift-0',
      date: '2026-03-10',
      shiftStart: '2026-03-10T06:00:00.000Z',
      shiftEnd: '2026-03-10T09:00:00.000Z',
      city: 'jeddah',
      region: 'makkah',
      by: 'system',
      disputeUntil: '2026-03-25T09:00:00.000Z',
      at: '2026-03-11T09:00:00.000Z',
    }),
  );
  await consume(envelope('OpportunityClosed', 'e2e-close', { opportunityId: 'opp-1', orgId: ORG, previousStatus: 'published', closedAt: '2026-03-20T09:00:00.000Z', beneficiaries: 75 }));
  for (let i = 0; i < 2; i++) {
    await consume(
      envelope('VolunteerRegistered', `e2e-reg${i}`, {
        volunteerId: `e2e-v${i}`,
        city: 'jeddah',
        region: 'makkah',
        locale: 'ar',
        skills: [],
        professions: [],
        languages: [],
        interests: [],
        registeredAt: '2026-02-01T10:00:00.000Z',
      }),
    );
  }
  tokens.manager = await platform.token({ sub: 'mgr', groups: ['org-manager'], orgId: ORG });
  tokens.otherManager = await platform.token({ sub: 'mgr2', groups: ['org-manager'], orgId: OTHER_ORG });
  tokens.volunteer = await platform.token({ sub: 'vol', groups: ['volunteer'] });
  tokens.company = await platform.token({ sub: 'hr', groups: ['company-admin'], companyId: 'c1' });
  tokens.reviewer = await platform.token({ sub: 'rev', groups: ['ministry-reviewer'] });
  tokens.admin = await platform.token({ sub: 'adm', groups: ['ministry-admin'] });
}, 120_000);
afterAll(async () => platform?.stop());

describe('GET /v1/organizations/{orgId}/impact', () => {
  it("gives the organisation's managers its figures from the aggregates", async () => {
    const { status, body } = await platform.request('GET', `/v1/organizations/${ORG}/impact?from=2026-03&to=2026-04`, { token: tokens.manager });
    expect(status).toBe(200);
    expect({ ...body, byMonth: undefined }).toEqual({
      orgId: ORG,
      from: '2026-03',
      to: '2026-04',
      volunteers: 3,
      shifts: 2,
      approvedMinutes: 600,
      valueSar: 500,
      attendanceRate: 0.8,
      attended: 4,
      noShows: 1,
      beneficiaries: 75,
      topCauses: [
        { cause: 'health', minutes: 600 },
        { cause: 'education', minutes: 120 },
      ],
      byMonth: undefined,
    });
  });

  it.each([
    ['a manager of another organisation', 'otherManager', 404],
    ['a volunteer', 'volunteer', 403],
    ['a company admin', 'company', 403],
    ['a ministry reviewer', 'reviewer', 200],
    ['a ministry admin', 'admin', 200],
  ])('answers %s (%s) with %i', async (_who, token, status) => {
    expect((await platform.request('GET', `/v1/organizations/${ORG}/impact`, { token: tokens[token] })).status).toBe(status);
  });

  it('refuses a range longer than 24 months, naming the field', async () => {
    const { status, body } = await platform.request('GET', `/v1/organizations/${ORG}/impact?from=2023-01&to=2026-01`, { token: tokens.manager });
    expect({ status, paths: body.errors.map((e: { path: string }) => e.path) }).toEqual({ status: 400, paths: ['query.from'] });
  });

  it('exports CSV with a BOM and Arabic headers', async () => {
    const response = await fetch(`${platform.apiUrl}/v1/organizations/${ORG}/impact?from=2026-03&to=2026-04`, {
      headers: { authorization: `Bearer ${tokens.manager}`, accept: 'text/csv' },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect({
      type: response.headers.get('content-type'),
      bom: [...bytes.slice(0, 3)],
      header: text.slice(1).split('\r\n')[0],
    }).toEqual({
      type: 'text/csv; charset=utf-8',
      bom: [0xef, 0xbb, 0xbf],
      header: 'الشهر,المتطوعون,الساعات المعتمدة,القيمة الاقتصادية (ريال),الفترات,نسبة الحضور,حالات الغياب,المستفيدون',
    });
  });
});

describe('GET /v1/stats/national', () => {
  it.each([
    ['a volunteer', 'volunteer', 403],
    ['a company admin', 'company', 403],
    ['an organisation manager', 'manager', 403],
    ['a ministry reviewer', 'reviewer', 200],
    ['a ministry admin', 'admin', 200],
  ])('answers %s (%s) with %i', async (_who, token, status) => {
    expect((await platform.request('GET', '/v1/stats/national?from=2026-01&to=2026-04', { token: tokens[token] })).status).toBe(status);
  });

  it('gives the national figures by region, one group per region of /v1/reference', async () => {
    const { body } = await platform.request('GET', '/v1/stats/national?from=2026-01&to=2026-04&groupBy=region', { token: tokens.reviewer });
    const makkah = body.groups.find((g: { region: string }) => g.region === 'makkah');
    expect({
      groups: body.groups.length,
      registered: body.registeredVolunteers,
      active: body.activeVolunteers,
      minutes: body.approvedMinutes,
      value: body.valueSar,
      professionalShare: body.professionalShare,
      makkah: [makkah.activeVolunteers, makkah.approvedMinutes],
    }).toEqual({ groups: 13, registered: 2, active: 3, minutes: 600, value: 500, professionalShare: 0.2, makkah: [3, 600] });
  });

  it('gives month groups with the rolling 12-month actives at each month', async () => {
    const { body } = await platform.request('GET', '/v1/stats/national?from=2026-02&to=2026-05&groupBy=month', { token: tokens.admin });
    expect(body.groups.map((g: { month: string; activeVolunteers: number; registeredVolunteers: number }) => [g.month, g.activeVolunteers, g.registeredVolunteers])).toEqual([
      ['2026-02', 0, 2],
      ['2026-03', 3, 2],
      ['2026-04', 3, 2],
      ['2026-05', 3, 2],
    ]);
  });

  it('exports CSV with Arabic headers', async () => {
    const response = await fetch(`${platform.apiUrl}/v1/stats/national?from=2026-01&to=2026-04&groupBy=region`, {
      headers: { authorization: `Bearer ${tokens.reviewer}`, accept: 'text/csv' },
    });
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect({ header: lines[0]!.split(',').slice(0, 3), rows: lines.length }).toEqual({ header: ['النطاق', 'المتطوعون المسجلون', 'المتطوعون الجدد'], rows: 15 });
  });
});

describe('PUT /v1/targets', () => {
  it('keeps every target with its date; a view uses the one in force at the end of its range', async () => {
    const put = await platform.request('PUT', '/v1/targets', {
      token: tokens.admin,
      body: {
        targets: [
          { volunteers: 300_000, organizations: 200, effectiveFrom: '2017-01-01' },
          { volunteers: 1_000_000, organizations: 8_400, effectiveFrom: '2026-04-01', noteEn: 'Vision 2030' },
        ],
      },
    });
    const march = await platform.request('GET', '/v1/stats/national?from=2026-01&to=2026-03', { token: tokens.reviewer });
    const april = await platform.request('GET', '/v1/stats/national?from=2026-01&to=2026-04', { token: tokens.reviewer });
    expect({ status: put.status, history: put.body.items.length, march: march.body.targets.volunteers, april: april.body.targets.volunteers, progress: april.body.progress.volunteers }).toEqual({
      status: 200,
      history: 2,
      march: 300_000,
      april: 1_000_000,
      progress: 0,
    });
  });

  it('is for ministry admins only', async () => {
    const body = { targets: [{ volunteers: 1, organizations: 1, effectiveFrom: '2026-01-01' }] };
    expect((await platform.request('PUT', '/v1/targets', { token: tokens.reviewer, body })).status).toBe(403);
  });
});

describe('GET /v1/stats/public', () => {
  it('answers without a token, cacheable', async () => {
    const { status, headers, body } = await platform.request('GET', '/v1/stats/public');
    expect({ status, cache: headers.get('cache-control'), keys: Object.keys(body).sort() }).toEqual({
      status: 200,
      cache: 'public, max-age=300, s-maxage=300, stale-while-revalidate=60',
      keys: ['activeVolunteers', 'approvedHoursLast12Months', 'asOf', 'organizationsWithDepartment', 'registeredVolunteers', 'valueSarLast12Months'],
    });
  });
});
