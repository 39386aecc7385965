/**
 * DELETE /v1/volunteers/me through the local gateway and the Erasure workflow on the local
 * runner: a volunteer who has lived on the platform asks, confirms with the emailed code, and
 * afterwards no item or index entry of the table holds their name, email, phone or national-ID
 * hash; the organisation's and the national figures are unchanged; their certificate says
 * "withdrawn at the holder's request" with no name; their future seat went to the waitlist; the
 * sign-in stand-in refuses them; a replayed event does not bring them back.
 *
 * Logs never hold personal data: the whole file runs with the logger at DEBUG and every line
 * written to the console or stdout/stderr captured (the handlers run in this process and log
 * through Powertools, which writes to the console in dev mode) — the life above, a refused
 * registration carrying the national ID and phone, the review queue that shows an approved
 * volunteer's contact data, an SMS reply from their phone, the export and the erasure — and the
 * last test looks for the national ID, its hash, the emails, the phone and the names in them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localWorkflowRunner } from '../../infra/local/workflows.js';
import { localIdentityEraser } from '../../shared/identity/identity-eraser.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { objectKeyOf } from '../../shared/domain/personal-data/export-jobs.js';
import { localExportDir } from '../../shared/storage/export-files.js';
import { hashNationalId } from '../../shared/security/national-id-protector.js';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { livedVolunteer, newNationalId, type LivedVolunteer } from '../helpers/personal-data.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

// Before any module creates its logger: every logger of this file's process logs at DEBUG.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
});

/** Every line written by this process while the file runs (the console, stdout and stderr), not printed. */
const logLines: string[] = [];
const captureLogs = () => {
  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logLines.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(' '));
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logLines.push(String(chunk));
      return true;
    });
  }
};

let platform: TestPlatform;
let preparedFile: string;
let support: typeof import('../integration/applications-support.js');
let notifications: typeof import('../integration/notifications-support.js');
let person: LivedVolunteer;
let before: { impact: unknown; national: unknown; publicStats: unknown; company: { approvedMinutes: number } };
let ministryToken: string;

const figures = async () => ({
  impact: (await platform.request('GET', `/v1/organizations/${person.orgId}/impact`, { token: person.managerToken })).body,
  national: (await platform.request('GET', '/v1/stats/national', { token: ministryToken })).body,
  // `asOf` is the time of the read, not a figure.
  publicStats: { ...(await platform.request('GET', '/v1/stats/public')).body, asOf: undefined },
  company: (await platform.request('GET', `/v1/companies/${person.company.id}/report`, { token: person.company.admin })).body,
});

const codeIn = async (email: string): Promise<string> => {
  const mails = await notifications.emailsTo(email);
  const subject = mails.map((m) => m.subject).reverse().find((s) => /\d{6}/.test(s));
  return /(\d{6})/.exec(subject ?? '')![1]!;
};

const erase = (body?: unknown, token = person.token) => platform.request('DELETE', '/v1/volunteers/me', { token, ...(body !== undefined && { body }) });

beforeAll(async () => {
  captureLogs();
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
  notifications = await import('../integration/notifications-support.js');
  person = await livedVolunteer(platform, support, await import('../integration/hours-support.js'));
  ministryToken = await platform.token({ sub: 'ministry-1', groups: ['ministry-admin'] });
  before = await figures();
  // More of what logs could leak: a refused registration carrying the national ID and phone, the
  // review queue showing the approved volunteer's contact data, an SMS reply, the export.
  const refused = await platform.request('POST', '/v1/volunteers', {
    token: await platform.token({ sub: person.sub, groups: [] }),
    body: { ...JSON.parse(registerEvent.body), nationalId: person.nationalId, phone: person.phone, email: `not an email ${person.email}` },
  });
  expect(refused.status).toBe(422);
  const queue = await platform.request('GET', `/v1/organizations/${person.orgId}/applications?status=approved`, { token: person.managerToken });
  expect(JSON.stringify(queue.body)).toContain(person.phone);
  expect((await platform.request('POST', '/local/sms/inbound', { body: { from: person.phone, body: 'STOP' } })).status).toBeLessThan(300);
  expect((await platform.request('GET', '/v1/volunteers/me/export', { token: person.token })).status).toBe(200);
  // A prepared (asynchronous) export: its ZIP is stored (locally a directory stands in for the bucket).
  process.env.EXPORT_ASYNC_ABOVE_BYTES = '1000';
  const prepared = await platform.request('GET', '/v1/volunteers/me/export', { token: person.token });
  delete process.env.EXPORT_ASYNC_ABOVE_BYTES;
  expect(prepared.status).toBe(202);
  await platform.flushEvents();
  preparedFile = join(localExportDir(), objectKeyOf(person.sub, prepared.body.exportId));
  expect(existsSync(preparedFile)).toBe(true);
}, 120_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

describe('DELETE /v1/volunteers/me, before confirmation', () => {
  it('emails a 6-digit code in the volunteer’s language and answers 202 code-sent', async () => {
    const response = await erase();

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ status: 'code-sent', expiresAt: expect.any(String) });
    const mails = await notifications.emailsTo(person.email);
    expect(mails.at(-1)?.subject).toMatch(/^Code to confirm deleting your Tatawwu account: \d{6}$/);
  });

  it('refuses a wrong code (422 naming code) and erases nothing', async () => {
    await erase();
    const right = await codeIn(person.email);
    const wrong = right === '000000' ? '000001' : '000000';

    const response = await erase({ code: wrong });

    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['code']);
    expect((await platform.request('GET', '/v1/volunteers/me', { token: person.token })).status).toBe(200);
    expect(localWorkflowRunner().list().filter((e) => e.name === `erasure-${person.sub}`)).toHaveLength(0);
  });

  it('refuses a malformed code (422 naming code), starting nothing', async () => {
    const response = await erase({ code: '12ab' });

    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['code']);
    expect(localWorkflowRunner().list().filter((e) => e.name === `erasure-${person.sub}`)).toHaveLength(0);
  });
});

describe('DELETE /v1/volunteers/me, confirmed', () => {
  let execution: Awaited<ReturnType<ReturnType<typeof localWorkflowRunner>['settled']>>;

  beforeAll(async () => {
    await erase();
    const response = await erase({ code: await codeIn(person.email) });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ status: 'erasing' });
    const [started] = localWorkflowRunner().list().filter((e) => e.name === `erasure-${person.sub}`);
    execution = await localWorkflowRunner().settled(started!.executionId);
    await platform.flushEvents();
  }, 60_000);

  it('runs the Erasure workflow to the end', () => {
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.history.filter((h) => h.type === 'StateEntered').map((h) => h.state)).toEqual([
      'Begin',
      'ReleaseSeats',
      'RevokeCertificates',
      'DeleteExports',
      'EraseRecords',
      'DeleteIdentity',
      'Finish',
      'Erased',
    ]);
  });

  it('leaves no item or index entry holding the name, email, phone or national-ID hash', async () => {
    const hash = hashNationalId(person.nationalId, process.env.NATIONAL_ID_PEPPER!);
    const text = JSON.stringify(await support.allItems());

    for (const secret of [person.nameEn, person.nameAr, person.email, person.phone, person.company.workEmail, hash, person.nationalId, `motivation of ${person.sub.slice(0, 8)}`]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('leaves the organisation’s, the company’s and the national figures unchanged', async () => {
    expect(before.company.approvedMinutes).toBeGreaterThan(0);
    expect(await figures()).toEqual(before);
  });

  it('deletes the stored file of their prepared export', () => {
    expect(existsSync(preparedFile)).toBe(false);
  });

  it('destroys the company items: employee record, membership, join codes, participation and time off', async () => {
    const items = await support.allItems();
    const kinds = ['CompanyEmployee', 'CompanyMembership', 'JoinCode', 'VtoParticipation', 'VtoQuota', 'VtoHoursPointer'];

    expect(items.filter((i) => kinds.includes(String(i.entity)) && JSON.stringify(i).includes(person.sub))).toEqual([]);
    expect(items.filter((i) => i.entity === 'JoinCode' && i.companyId === person.company.id)).toEqual([]);
    const employees = await platform.request('GET', `/v1/companies/${person.company.id}/employees`, { token: person.company.admin });
    expect(employees.body.items).toEqual([]);
  });

  it('revokes the certificate: verification says withdrawn at the holder’s request, with no name', async () => {
    const response = await platform.request('GET', `/v1/certificates/${person.certificateCode}`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ valid: false, status: 'revoked', revocationReason: "withdrawn at the holder's request" });
    expect(response.body.holder).toEqual({ name: 'سُحبت بطلب صاحبها', nameAr: 'سُحبت بطلب صاحبها', nameEn: "Withdrawn at the holder's request" });
  });

  it('frees the future seat: the waitlisted volunteer is promoted', async () => {
    const response = await platform.request('GET', `/v1/applications/${person.waitlisted.applicationId}`, {
      token: await platform.token({ sub: person.waitlisted.sub, groups: ['volunteer'] }),
    });

    expect(response.body.status).toBe('approved');
  });

  it('deletes the sign-in account (the local stand-in refuses a new token)', async () => {
    const response = await fetch(`${platform.apiUrl}/local/token`, { method: 'POST', body: JSON.stringify({ sub: person.sub, groups: ['volunteer'] }) });

    expect(response.status).toBe(403);
    expect(localIdentityEraser.erased.has(person.sub)).toBe(true);
  });

  it('holds nothing more to export (404)', async () => {
    expect((await platform.request('GET', '/v1/volunteers/me/export', { token: person.token })).status).toBe(404);
  });

  it('refuses a new registration under the same sign-in (409), recreating nothing', async () => {
    const response = await platform.request('POST', '/v1/volunteers', { token: person.token, body: { ...JSON.parse(registerEvent.body), nationalId: newNationalId() } });

    expect(response.status).toBe(409);
    expect(response.body.type).toContain('volunteer-erased');
  });

  it('does not recreate the person from a replayed event', async () => {
    const approved = localBus.published.find((e) => e.type === 'HoursApproved' && (e.detail as { volunteerId?: string }).volunteerId === person.sub);
    expect(approved).toBeDefined();

    await localBus.deliver([{ ...approved!, id: ulid() }]);
    await platform.flushEvents();

    const items = await support.allItems();
    // What stays by design: the tombstone, the nameless revoked certificate, the aggregates' id-only
    // bookkeeping, and the audit trail of the erasure itself (ids only).
    const kept = new Set(['ErasureTombstone', 'Certificate', 'VolunteerActivity', 'AuditEntry']);
    expect(items.filter((i) => String(i.PK).endsWith(`#${person.sub}`) && !kept.has(String(i.entity)))).toEqual([]);
  });

  it('answers a repeated confirmation with 202 erasing and the same execution', async () => {
    const response = await erase({ code: '123456' });

    expect(response.status).toBe(202);
    expect(localWorkflowRunner().list().filter((e) => e.name === `erasure-${person.sub}`)).toHaveLength(1);
  });
});

describe('logs', () => {
  it('hold none of the national ID, its hash, the emails, the phone or the names, in any line of the whole run', () => {
    const text = logLines.join('\n');
    // The capture reaches the handlers' logger: the refused registration was logged.
    expect(logLines.some((line) => /"message":\s*"request refused"/.test(line))).toBe(true);

    const hash = hashNationalId(person.nationalId, process.env.NATIONAL_ID_PEPPER!);
    for (const secret of [person.nationalId, hash, person.email, person.company.workEmail, person.phone, person.phone.replace('+966', '0'), person.nameEn, person.nameAr]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
