/**
 * Contribution reports through the real gateway (issue 15): HoursApproved / HoursReversed go
 * through the CompanyHours consumer (called with the events as the bus delivers them); the
 * report, read from the month counters, equals a recount of the ledger; leaving keeps the
 * history; CSV with a BOM and Arabic; another company's admin → 404.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as companyHours } from '../../functions/consumers/company-hours.js';
import type { EventDetail } from '../../events/catalog.js';
import { companyContributionRepository } from '../../shared/db/company-contribution-repository.js';
import { companyEmployeeRepository } from '../../shared/db/company-employee-repository.js';
import { recount } from '../../shared/domain/companies/contributions.js';
import { addMonths, riyadhMonth } from '../../shared/domain/impact/months.js';
import { approvedCompany, employeeOf, type ApprovedCompany } from '../helpers/companies.js';
import { envelope, prng } from '../helpers/impact-events.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { seedVolunteer } from '../integration/applications-support.js';

let platform: TestPlatform;
let acme: ApprovedCompany;
let other: ApprovedCompany;
let staff: { sub: string; token: string }[];
const months = [0, 1, 2].map((n) => addMonths(riyadhMonth(new Date()), n));
const CAUSES = ['environment', 'education', 'health'];
const ORGS = [ulid(), ulid()];

const approval = (volunteerId: string, month: string, minutes: number, cause: string, org: string): EventDetail<'HoursApproved'> => ({
  hoursId: ulid(),
  volunteerId,
  orgId: org,
  opportunityId: ulid(),
  kind: 'claim',
  date: `${month}-28`,
  minutes,
  track: 'general',
  causes: [cause],
  city: 'riyadh',
  region: 'riyadh',
  valueSar: Math.round(minutes * 0.5 * 100) / 100,
  approvedBy: 'manager-1',
  approvedAt: new Date().toISOString(),
});
const approve = (detail: EventDetail<'HoursApproved'>) => companyHours(envelope('HoursApproved', ulid(), detail));
const reverse = (a: EventDetail<'HoursApproved'>, minutes: number) =>
  companyHours(
    envelope('HoursReversed', ulid(), {
      hoursId: a.hoursId,
      reversalId: ulid(),
      volunteerId: a.volunteerId,
      orgId: a.orgId,
      opportunityId: a.opportunityId,
      minutes,
      valueSar: 0,
      track: 'general',
      causes: a.causes,
      city: 'riyadh',
      region: 'riyadh',
      date: a.date,
      reason: 'recorded twice',
      reversedBy: 'admin-1',
      reversedAt: new Date().toISOString(),
    }),
  );
const report = (company: ApprovedCompany, query = `from=${months[0]}&to=${months[2]}`, headers: Record<string, string> = {}) =>
  platform.request('GET', `/v1/companies/${company.id}/report?${query}`, { token: company.admin, headers });

beforeAll(async () => {
  platform = await startTestPlatform();
  [acme, other] = [await approvedCompany(platform), await approvedCompany(platform)];
  staff = [await employeeOf(platform, acme), await employeeOf(platform, acme), await employeeOf(platform, acme), await employeeOf(platform, acme)];
  // 40 approvals over 3 staff (the 4th never volunteers) and an outsider, 3 months, 3 causes, 2 organisations; 8 reversed (some in part).
  const random = prng(15);
  const given: EventDetail<'HoursApproved'>[] = [];
  for (let i = 0; i < 40; i++) {
    const who = i % 10 === 9 ? `outsider-${ulid()}` : staff[Math.floor(random() * 3)]!.sub;
    const a = approval(who, months[Math.floor(random() * 3)]!, 30 + Math.floor(random() * 240), CAUSES[Math.floor(random() * 3)]!, ORGS[Math.floor(random() * 2)]!);
    given.push(a);
    await approve(a);
  }
  for (const a of given.slice(0, 8)) await reverse(a, a.minutes > 100 ? 60 : a.minutes);
});
afterAll(async () => platform?.stop());

describe('GET /v1/companies/{id}/report', () => {
  it('equals a recount of the ledger, month by month, cause by cause, organisation by organisation', async () => {
    const response = await report(acme);
    expect(response.status).toBe(200);
    const counts = await companyEmployeeRepository().counts(acme.id);
    const expected = recount(acme.id, counts, await companyContributionRepository().ledger(acme.id), months[0]!, months[2]!);
    expect(response.body).toEqual(expected);
    expect(response.body.employees).toBe(4);
    expect(response.body.participants).toBe(3);
    expect(response.body.participationRate).toBe(0.75);
    expect(response.body.approvedMinutes).toBeGreaterThan(0);
  });

  it('counts nothing of a volunteer who is not an employee', async () => {
    const ledger = await companyContributionRepository().ledger(acme.id);
    expect(ledger.every((e) => staff.some((s) => s.sub === e.volunteerId))).toBe(true);
  });

  it("counts nothing of an employee who withdrew their consent to count in their employer's reports", async () => {
    const employee = await employeeOf(platform, acme);
    await seedVolunteer(employee.sub, { preferences: { email: true, sms: false, locale: 'ar', companyReports: false } });
    const before = (await report(acme)).body.approvedMinutes;

    await approve(approval(employee.sub, months[0]!, 120, 'health', ORGS[0]!));

    expect((await report(acme)).body.approvedMinutes).toBe(before);
    expect((await companyContributionRepository().ledger(acme.id)).some((e) => e.volunteerId === employee.sub)).toBe(false);
  });

  it('applies a redelivered approval once', async () => {
    const a = approval(staff[0]!.sub, months[0]!, 120, 'health', ORGS[0]!);
    await approve(a);
    const before = (await report(acme)).body.approvedMinutes;
    await companyHours(envelope('HoursApproved', ulid(), a));
    expect((await report(acme)).body.approvedMinutes).toBe(before);
  });

  it('keeps the history of an employee who left, and still takes back a later reversal', async () => {
    const leaver = await employeeOf(platform, acme);
    const a = approval(leaver.sub, months[1]!, 90, 'education', ORGS[1]!);
    await approve(a);
    const withThem = (await report(acme)).body;
    expect((await platform.request('POST', `/v1/companies/${acme.id}/leave`, { token: leaver.token })).status).toBe(200);
    const after = (await report(acme)).body;
    expect(after.approvedMinutes).toBe(withThem.approvedMinutes);
    expect(after.participants).toBe(withThem.participants);
    await reverse(a, 90);
    expect((await report(acme)).body.approvedMinutes).toBe(withThem.approvedMinutes - 90);
  });

  it('answers a CSV file with a BOM and Arabic for Accept: text/csv', async () => {
    const response = await fetch(`${platform.apiUrl}/v1/companies/${acme.id}/report?from=${months[0]}&to=${months[2]}`, {
      headers: { authorization: `Bearer ${acme.admin}`, accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('المشاركون');
    expect(text).toContain('البيئة / Environment');
  });

  it('refuses a range over 24 months naming from', async () => {
    const response = await report(acme, 'from=2020-01&to=2026-01');
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.from']);
  });

  it("answers 404 to another company's admin and 403 to a volunteer", async () => {
    expect((await platform.request('GET', `/v1/companies/${acme.id}/report`, { token: other.admin })).status).toBe(404);
    expect((await platform.request('GET', `/v1/companies/${acme.id}/report`, { token: staff[0]!.token })).status).toBe(403);
  });
});
