/**
 * GET /v1/volunteers/me/export through the local gateway: a volunteer who has lived on the
 * platform gets every kind of record held about them, as JSON and as a ZIP of CSV files, with
 * no one else's identity in it; the consent history shows each grant and withdrawal. A copy over
 * the size limit (lowered here through EXPORT_ASYNC_ABOVE_BYTES) is prepared asynchronously: the
 * ZIP is stored — locally in a directory standing in for the S3 bucket, behind the same port,
 * served by signed links like presigned ones (there is no S3 emulator here) — and a one-time link
 * is emailed; the download works once, for its owner, for 24 h.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/db/client.js';
import { exportDownload } from '../../shared/db/entities/export-download.js';
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

describe('GET /v1/volunteers/me/export, a large copy', () => {
  afterEach(() => {
    delete process.env.EXPORT_ASYNC_ABOVE_BYTES;
  });

  /** Asks for a copy over the (lowered) limit; answers the 202 and the link emailed once the consumer ran. */
  const prepared = async () => {
    process.env.EXPORT_ASYNC_ABOVE_BYTES = '1000';
    const response = await exportOf(person.token);
    delete process.env.EXPORT_ASYNC_ABOVE_BYTES;
    await platform.flushEvents();
    const notifications = await import('../integration/notifications-support.js');
    const mail = (await notifications.emailsTo(person.email)).reverse().find((m) => m.body.text?.includes(`/exports/${response.body.exportId}?token=`));
    const [, exportId, token] = /\/exports\/([0-9A-Z]{26})\?token=([A-Za-z0-9_-]{43})/.exec(mail?.body.text ?? '') ?? [];
    return { response, mail, exportId: exportId!, token: token! };
  };
  const download = (exportId: string, token: string, as = person.token) =>
    fetch(`${platform.apiUrl}/v1/volunteers/me/exports/${exportId}?token=${token}`, { headers: { authorization: `Bearer ${as}` }, redirect: 'manual' });

  it('keeps a copy under the limit synchronous (200)', async () => {
    process.env.EXPORT_ASYNC_ABOVE_BYTES = String(JSON.stringify((await exportOf(person.token)).body).length + 10_000);

    const response = await exportOf(person.token);

    expect(response.status).toBe(200);
    expect(response.body.profile.id).toBe(person.sub);
  });

  it('answers a copy over the limit with 202 preparing and emails a one-time link valid 24 h, in the volunteer’s language', async () => {
    const before = Date.now();
    const { response, mail, exportId } = await prepared();

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ exportId: expect.any(String), status: 'preparing', items: expect.any(Number), expiresAt: expect.any(String) });
    expect(response.body.items).toBeGreaterThan(20);
    expect(Date.parse(response.body.expiresAt) - before).toBeGreaterThanOrEqual(24 * 3_600_000 - 1_000);
    expect(Date.parse(response.body.expiresAt) - before).toBeLessThan(24 * 3_600_000 + 60_000);
    expect(mail?.subject).toBe('Your Tatawwu data copy is ready');
    expect(exportId).toBe(response.body.exportId);
  });

  it('downloads the prepared ZIP once: 303 to the file, then 410', async () => {
    const { exportId, token } = await prepared();

    const first = await download(exportId, token);
    expect(first.status).toBe(303);
    const file = await fetch(first.headers.get('location')!);
    expect(file.status).toBe(200);
    const files = unzip(Buffer.from(await file.arrayBuffer()));
    expect(JSON.parse(files.get('export.json')!.toString('utf8')).profile).toMatchObject({ id: person.sub, email: person.email });
    expect(files.has('companies.csv')).toBe(true);

    const second = await download(exportId, token);
    expect(second.status).toBe(410);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 to another volunteer with the link, and to a wrong token, using up nothing', async () => {
    const { exportId, token } = await prepared();
    const other = await platform.token({ sub: person.waitlisted.sub, groups: ['volunteer'] });

    expect((await download(exportId, token, other)).status).toBe(404);
    expect((await download(exportId, token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(404);
    expect((await download(exportId, token)).status).toBe(303);
  });

  it('answers 410 once the 24 hours are over', async () => {
    const { exportId, token } = await prepared();
    await documentClient().send(
      new UpdateCommand({
        TableName: platform.tableName,
        Key: exportDownload.keys.item(person.sub, exportId),
        UpdateExpression: 'SET validUntil = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1_000).toISOString() },
      }),
    );

    const response = await download(exportId, token);

    expect(response.status).toBe(410);
  });

  it('refuses a malformed token (400 naming token)', async () => {
    const response = await platform.request('GET', `/v1/volunteers/me/exports/01JX0E8M5N0P4Q6R9S2T7V1W3Z?token=short`, { token: person.token });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.token']);
  });
});

