/**
 * GET /v1/volunteers/me/export through the local gateway: a volunteer who has lived on the
 * platform gets every kind of record held about them, as JSON and as a ZIP of CSV files, with
 * no one else's identity in it; the consent history shows each grant and withdrawal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../../shared/formats/zip.js';
import { livedVolunteer, type LivedVolunteer } from '../helpers/personal-data.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let person: LivedVolunteer;

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  platform = await startTestPlatform();
  const support = await import('../integration/applications-support.js');
  const hours = await import('../integration/hours-support.js');
  person = await livedVolunteer(platform, support, hours);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

const exportOf = (token: string, headers: Record<string, string> = {}) => platform.request('GET', '/v1/volunteers/me/export', { token, headers });

describe('GET /v1/volunteers/me/export', () => {
  it('holds a record of every kind the volunteer has', async () => {
    const response = await exportOf(person.token);

    expect(response.status).toBe(200);
    const copy = response.body;
    expect(copy.profile).toMatchObject({ id: person.sub, email: person.email, phone: person.phone, nameEn: person.nameEn });
    for (const section of ['consentHistory', 'charterAcceptances', 'applications', 'hours', 'register', 'certificates', 'badges', 'points', 'trainings', 'evaluationsGiven', 'evaluationsReceived', 'messages', 'companies']) {
      expect(copy[section], section).not.toHaveLength(0);
    }
    expect(copy.applications.map((a: { id: string }) => a.id)).toContain(person.applicationId);
    expect(copy.hours.map((h: { id: string }) => h.id)).toContain(person.hoursId);
    expect(copy.certificates[0]).toMatchObject({ code: person.certificateCode });
    expect(Object.keys(copy.other)).toEqual(expect.arrayContaining(['Booking']));
  });

  it('holds the company employment: membership, employee record, the pending join code, the participation and time off', async () => {
    const { body } = await exportOf(person.token);

    const kinds = body.companies.map((c: { kind: string }) => c.kind).sort();
    expect(kinds).toEqual(['CompanyEmployee', 'CompanyMembership', 'JoinCode', 'VtoHoursPointer', 'VtoParticipation', 'VtoQuota']);
    const of = (kind: string) => body.companies.find((c: { kind: string }) => c.kind === kind);
    expect(of('CompanyEmployee')).toMatchObject({ companyId: person.company.id, workEmail: person.company.workEmail, status: 'current' });
    expect(of('JoinCode')).toEqual({ kind: 'JoinCode', companyId: person.company.id, email: person.company.workEmail, via: 'invitation', validUntil: expect.any(String) });
    expect(of('VtoParticipation')).toMatchObject({ id: person.company.participationId, applicationId: person.applicationId });
    expect(of('VtoQuota')).toMatchObject({ quota: 960 });
  });

  it('shows each consent grant and withdrawal with its time and how it was given', async () => {
    const { body } = await exportOf(person.token);

    const history = body.consentHistory.map((c: Record<string, unknown>) => [c.channel, c.granted, c.via]);
    expect(history).toEqual(
      expect.arrayContaining([
        ['email', true, 'registration'],
        ['sms', true, 'registration'],
        ['publication', true, 'registration'],
        ['companyReports', true, 'registration'],
        ['sms', false, 'profile-update'],
        ['publication', false, 'profile-update'],
      ]),
    );
    expect(body.consentHistory.every((c: { at: string }) => !Number.isNaN(Date.parse(c.at)))).toBe(true);
  });

  it('holds no other person’s identity: not the managers who decided or rated, not the waitlisted volunteer', async () => {
    const { body } = await exportOf(person.token);

    const text = JSON.stringify(body);
    expect(text).not.toContain(person.managerSub);
    expect(text).not.toContain(person.waitlisted.sub);
    expect(text).not.toContain(person.waitlisted.email);
    expect(body.evaluationsReceived[0]).not.toHaveProperty('by');
    expect(body.profile).not.toHaveProperty('nationalIdHash');
    expect(text).not.toContain(person.nationalId);
  });

  it('answers Accept: application/zip with a ZIP of CSV files, one per section', async () => {
    const response = await fetch(`${platform.apiUrl}/v1/volunteers/me/export`, { headers: { authorization: `Bearer ${person.token}`, accept: 'application/zip' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['profile.csv', 'consentHistory.csv', 'applications.csv', 'hours.csv', 'certificates.csv', 'messages.csv', 'export.json']));
    const profile = files.get('profile.csv')!.toString('utf8');
    expect(profile.startsWith('\uFEFF')).toBe(true);
    expect(profile).toContain(person.email);
    expect(files.get('consentHistory.csv')!.toString('utf8').split('\r\n').filter(Boolean).length).toBe(7);
  });

  it('answers 404 to a signed-in volunteer with no profile', async () => {
    const response = await exportOf(await platform.token({ sub: 'nobody-here', groups: ['volunteer'] }));

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a caller outside the volunteer group (403) and without a token (401)', async () => {
    expect((await exportOf(await platform.token({ sub: person.sub, groups: [] }))).status).toBe(403);
    expect((await platform.request('GET', '/v1/volunteers/me/export')).status).toBe(401);
  });
});
