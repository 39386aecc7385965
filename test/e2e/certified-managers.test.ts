/**
 * Issue 11 (certified managers) and issue 16 (the KPI "organisations with a certified manager"):
 * a manager's certification number and expiry are recorded; the organisation shows whether its
 * volunteer department has a certified manager; an organisation gaining its first or losing its
 * last certified manager raises OrganizationCertifiedManagerChanged, which the impact aggregates
 * count; the daily `manager-certifications` job reminds 30 days before expiry and lapses expired
 * certifications.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedule } from '../../infra/local/jobs.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { riyadhDate } from '../../shared/domain/time.js';
import { seedOrganization as seedOrganizationWith } from '../helpers/builders.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
const DAY = 86_400_000;
const dayFromNow = (days: number) => riyadhDate(new Date(Date.now() + days * DAY));

const seedOrganization = (city: OrganizationRecord['city'] = 'riyadh'): Promise<string> => seedOrganizationWith({ city, causes: ['health'], department: true });

const addManager = async (orgId: string, body: Record<string, unknown>) =>
  platform.request('POST', `/v1/organizations/${orgId}/managers`, { token: await platform.token({ sub: `m-${orgId}`, groups: ['org-manager'], orgId }), body });

const manager = (certification?: { number: string; expires?: string }) => ({
  sub: `manager-${ulid()}`,
  email: `manager-${ulid().toLowerCase()}@example.sa`,
  ...(certification && { certificationNumber: certification.number }),
  ...(certification?.expires && { certificationExpiresAt: certification.expires }),
});

const changes = (orgId: string) => localBus.published.filter((e) => e.type === 'OrganizationCertifiedManagerChanged' && e.detail.orgId === orgId).map((e) => e.detail);
const shows = async (orgId: string) => (await platform.request('GET', `/v1/organizations/${orgId}`)).body.hasCertifiedManager;

const nationalCertified = async (): Promise<number> => {
  const response = await platform.request('GET', '/v1/stats/national', { token: await platform.token({ sub: 'reviewer-1', groups: ['ministry-reviewer'] }) });
  expect(response.status).toBe(200);
  return response.body.organizationsWithCertifiedManager as number;
};

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

describe('certified volunteer managers', () => {
  it('shows whether the department has a certified manager and raises the change once per transition', async () => {
    const orgId = await seedOrganization();
    expect(await shows(orgId)).toBe(false);
    expect((await addManager(orgId, manager())).status).toBe(201);
    expect(await shows(orgId)).toBe(false);

    const first = manager({ number: 'VM-2026-0001', expires: dayFromNow(400) });
    expect((await addManager(orgId, first)).status).toBe(201);
    expect((await addManager(orgId, manager({ number: 'VM-2026-0002' }))).status).toBe(201);
    expect(await shows(orgId)).toBe(true);
    await platform.flushEvents();
    expect(changes(orgId)).toEqual([expect.objectContaining({ hasCertifiedManager: true, sub: first.sub, cause: 'manager-certified' })]);
    const managers = await platform.request('GET', `/v1/organizations/${orgId}/managers`, { token: await platform.token({ sub: 'a', groups: ['ministry-admin'] }) });
    expect(managers.body.items).toContainEqual(expect.objectContaining({ sub: first.sub, certificationNumber: 'VM-2026-0001', certificationExpiresAt: dayFromNow(400) }));
  });

  it('counts organisations with a certified manager in the national KPI (gained, then lost)', async () => {
    const before = await nationalCertified();
    const orgId = await seedOrganization('jeddah');
    const certified = manager({ number: 'VM-2026-0100' });
    await addManager(orgId, certified);
    await platform.flushEvents();
    expect(await nationalCertified()).toBe(before + 1);

    // The same manager recorded again without a certification: the organisation has none left.
    await addManager(orgId, { sub: certified.sub, email: certified.email });
    await platform.flushEvents();
    expect(await shows(orgId)).toBe(false);
    expect(changes(orgId).map((c) => c.hasCertifiedManager)).toEqual([true, false]);
    expect(await nationalCertified()).toBe(before);
  });

  it('reminds a manager 30 days before the certification expires, once', async () => {
    const orgId = await seedOrganization();
    const expiring = manager({ number: 'VM-2026-0200', expires: dayFromNow(30) });
    await addManager(orgId, expiring);
    const first = (await runSchedule('manager-certifications')) as { reminded: number };
    const again = (await runSchedule('manager-certifications')) as { reminded: number };
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    // Messages are queued, then sent by the DeliverNotifications consumer: deliver what was queued first.
    await platform.flushEvents();
    const store = (await (await fetch(`${platform.sesUrl}/store`)).json()) as { emails: { destination: { to: string[] }; subject: string }[] };
    const reminders = store.emails.filter((e) => e.destination.to.includes(expiring.email));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain('VM-2026-0200');
    expect(again.reminded).toBe(first.reminded - 1);
  });

  it('lapses an expired certification: the organisation loses its certified manager', async () => {
    const orgId = await seedOrganization();
    const lastDay = dayFromNow(2);
    await addManager(orgId, manager({ number: 'VM-2026-0300', expires: lastDay }));
    expect(await shows(orgId)).toBe(true);

    const summary = (await runSchedule('manager-certifications', new Date(Date.now() + 3 * DAY))) as { lapsed: number; lostCertifiedManager: number };
    expect(summary.lostCertifiedManager).toBeGreaterThanOrEqual(1);
    expect(await shows(orgId)).toBe(false);
    await platform.flushEvents();
    expect(changes(orgId)).toEqual([
      expect.objectContaining({ hasCertifiedManager: true, cause: 'manager-certified' }),
      expect.objectContaining({ hasCertifiedManager: false, cause: 'certification-expired' }),
    ]);
  });
});
