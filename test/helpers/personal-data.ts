/**
 * A volunteer who has lived on the platform, built through the gateway (and, where a route
 * needs a past state, the same seeds the other suites use): registered, consents changed,
 * charter accepted, an approved seat on a future shift with someone waitlisted behind, hours
 * worked, verified and in the register, a certificate, a first-shift badge and its points,
 * evaluations both ways, a training completion, messages; an employee of a company (joined with
 * a code sent to their work address, a second code still pending, the future seat taken as
 * volunteer time off under a programme, the hours counted in the company's report). Each
 * identifying value is unique to
 * this volunteer, so a test can look for it anywhere.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import { documentClient } from '../../shared/db/client.js';
import { completionPut } from '../../shared/db/training-repository.js';
import { luhnCheckDigit } from '../../shared/domain/volunteers/national-id.js';
import { env } from '../../shared/env.js';
import { approvedCompany, lastCode } from './companies.js';
import type { TestPlatform } from './platform.js';

type Support = typeof import('../integration/applications-support.js');
type HoursSupport = typeof import('../integration/hours-support.js');

export const newNationalId = (): string => {
  const payload = `1${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  return payload + luhnCheckDigit(payload);
};

export interface LivedVolunteer {
  readonly sub: string;
  readonly token: string;
  readonly nationalId: string;
  readonly email: string;
  readonly phone: string;
  readonly nameAr: string;
  readonly nameEn: string;
  readonly orgId: string;
  readonly managerSub: string;
  readonly managerToken: string;
  readonly pastShiftId: string;
  readonly futureShiftId: string;
  readonly opportunityId: string;
  readonly applicationId: string;
  readonly hoursId: string;
  readonly certificateCode: string;
  /** The company they work for: its id, its admin's token, their work address and programme participation. */
  readonly company: { readonly id: string; readonly admin: string; readonly workEmail: string; readonly participationId: string };
  /** Another volunteer, waitlisted on the same future shift. */
  readonly waitlisted: { readonly sub: string; readonly applicationId: string; readonly email: string; readonly nameEn: string };
}

const until = async <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

export const livedVolunteer = async (platform: TestPlatform, support: Support, hours: HoursSupport): Promise<LivedVolunteer> => {
  const sub = randomUUID();
  const tag = sub.slice(0, 8);
  const nationalId = newNationalId();
  const email = `pdpl-${tag}@example.com`;
  const phone = `+9665${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  const nameEn = `Pdpl Person ${tag}`;
  const nameAr = `شخص ${tag}`;
  const token = await platform.token({ sub, groups: ['volunteer'], email });
  const body = { ...(JSON.parse(registerEvent.body) as Record<string, unknown>), nationalId, email, phone, nameEn, nameAr };
  expect((await platform.request('POST', '/v1/volunteers', { token: await platform.token({ sub, groups: [] }), body })).status).toBe(201);
  const patched = await platform.request('PATCH', '/v1/volunteers/me', {
    token,
    body: { preferences: { email: true, sms: false, locale: 'en', showAchievements: false } },
  });
  expect(patched.status).toBe(200);
  const charter = await platform.request('GET', '/v1/charter');
  expect((await platform.request('POST', '/v1/volunteers/me/charter-acceptances', { token, body: { version: charter.body.version } })).status).toBe(201);

  const seeded = await support.seedOpportunity({
    requiresApproval: false,
    shifts: [
      { start: support.hoursFromNow(-5), end: support.hoursFromNow(-2), capacity: 5 },
      { start: support.hoursFromNow(72), end: support.hoursFromNow(75), capacity: 1 },
    ],
  });
  const [past, future] = seeded.shifts as [(typeof seeded.shifts)[0], (typeof seeded.shifts)[0]];
  const orgId = seeded.opportunity.orgId;
  const managerSub = `manager-${orgId}`;
  const managerToken = await platform.token({ sub: managerSub, groups: ['org-manager'], orgId });

  // An approved seat on the future shift (auto-approved), and someone waitlisted behind it.
  const applied = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, { token, body: { shiftId: future.id, motivation: `motivation of ${tag}` } });
  expect(applied.status).toBe(202);
  const applicationId = applied.body.id as string;
  await until('the approval', () => platform.request('GET', `/v1/applications/${applicationId}`, { token }), (r) => r.body?.status === 'approved');
  const otherSub = await support.seedVolunteer();
  const otherToken = await platform.token({ sub: otherSub, groups: ['volunteer'] });
  const otherApplied = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, { token: otherToken, body: { shiftId: future.id } });
  expect(otherApplied.status).toBe(202);
  await until('the waitlist', () => platform.request('GET', `/v1/applications/${otherApplied.body.id}`, { token: otherToken }), (r) => r.body?.status === 'waitlisted');

  // An employee of a company: invited twice (the second code stays pending), joined with the first,
  // the future seat taken as time off under a programme; their hours below count for the company.
  const company = await approvedCompany(platform);
  const workEmail = `pdpl-${tag}@${company.domain}`;
  const invite = () => platform.request('POST', `/v1/companies/${company.id}/employees`, { token: company.admin, body: { email: workEmail } });
  expect((await invite()).status).toBe(202);
  const { code } = await lastCode(platform, workEmail);
  expect((await invite()).status).toBe(202);
  expect((await platform.request('POST', `/v1/companies/${company.id}/join`, { token, body: { code } })).status).toBe(201);
  const futureDay = new Date(Date.parse(future.start) + 3 * 3_600_000).toISOString().slice(0, 10);
  const program = await platform.request('POST', `/v1/companies/${company.id}/programs`, {
    token: company.admin,
    body: { nameAr: 'برنامج العطاء', nameEn: 'Giving programme', hoursPerEmployee: 16, from: futureDay.slice(0, 8) + '01', to: '2099-12-31', causes: ['environment'] },
  });
  expect(program.status).toBe(201);
  const participation = await platform.request('POST', `/v1/companies/${company.id}/programs/${program.body.id}/participations`, { token, body: { applicationId } });
  expect(participation.status).toBe(201);

  // Hours on the past shift: the roster, then the managers' approval (register, badge, points, messages follow).
  await hours.seedSeat(sub, seeded, past);
  const roster = await platform.request('POST', `/v1/shifts/${past.id}/attendance`, { token: managerToken, body: { volunteerId: sub, status: 'present' } });
  expect(roster.status).toBe(200);
  const hoursId = roster.body.hoursId as string;
  expect((await platform.request('POST', `/v1/hours/${hoursId}/decision`, { token: managerToken, body: { decision: 'approve' } })).status).toBe(200);
  await platform.flushEvents();

  const certificate = await platform.request('POST', '/v1/volunteers/me/certificates', { token, body: {} });
  expect(certificate.status).toBe(201);
  expect((await platform.request('POST', `/v1/shifts/${past.id}/evaluations`, { token, body: { rating: 5, comment: `comment of ${tag}` } })).status).toBe(201);
  expect(
    (await platform.request('POST', `/v1/shifts/${past.id}/evaluations`, { token: managerToken, body: { volunteerId: sub, rating: 4, note: `note about ${tag}` } })).status,
  ).toBe(201);
  await documentClient().send(
    new PutCommand(completionPut(env.tableName, { volunteerId: sub, trainingId: `training-${tag}`, version: 1, completedAt: new Date().toISOString(), method: 'practical', confirmedBy: managerSub }).Put as never),
  );
  await platform.flushEvents();
  // Milestone badges (and their points) come from the daily awards run.
  const awards = await fetch(`${platform.apiUrl}/local/schedules/awards`, { method: 'POST' });
  expect(awards.status).toBe(200);
  await platform.flushEvents();
  return {
    sub,
    token,
    nationalId,
    email,
    phone,
    nameAr,
    nameEn,
    orgId,
    managerSub,
    managerToken,
    pastShiftId: past.id,
    futureShiftId: future.id,
    opportunityId: seeded.opportunity.id,
    applicationId,
    hoursId,
    certificateCode: certificate.body.code as string,
    company: { id: company.id, admin: company.admin, workEmail, participationId: participation.body.id as string },
    waitlisted: { sub: otherSub, applicationId: otherApplied.body.id as string, email: `${otherSub}@example.sa`, nameEn: 'Sarah Alotaibi' },
  };
};
