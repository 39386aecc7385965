/**
 * Programmes and volunteer time off through the real gateway and handlers (issue 15): bad
 * programmes refused naming the field, participations reserved at once or on an admin's
 * approval, the quota never exceeded under concurrency, time off consumed when the hours are
 * approved (the CompanyHours consumer, called with the event as the bus delivers it).
 * Opportunities and applications are seeded in the table (their own areas are tested elsewhere).
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as companyHours } from '../../functions/consumers/company-hours.js';
import { approvedCompany, employeeOf, type ApprovedCompany } from '../helpers/companies.js';
import { envelope } from '../helpers/impact-events.js';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';
import { hoursFromNow, seedApplication, seedOpportunity, seedVolunteer } from '../integration/applications-support.js';
import { applicationRepository } from '../../shared/db/application-repository.js';
import { runSchedule } from '../../infra/local/jobs.js';

let platform: TestPlatform;
let acme: ApprovedCompany;
let other: ApprovedCompany;

beforeAll(async () => {
  platform = await startTestPlatform();
  [acme, other] = [await approvedCompany(platform), await approvedCompany(platform)];
});
afterAll(async () => platform?.stop());

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const programBody = (overrides: Record<string, unknown> = {}) => ({
  nameAr: 'برنامج العطاء',
  nameEn: 'Horizon Gives',
  hoursPerEmployee: 10,
  from: today(),
  to: inDays(30),
  causes: ['environment'],
  ...overrides,
});
const createProgram = async (company: ApprovedCompany, overrides: Record<string, unknown> = {}) =>
  platform.request('POST', `/v1/companies/${company.id}/programs`, { token: company.admin, body: programBody(overrides) });
const participate = (programId: string, token: string, applicationId: string) =>
  platform.request('POST', `/v1/companies/${acme.id}/programs/${programId}/participations`, { token, body: { applicationId } });
/** An application of the employee to a 4-hour shift of a new environment opportunity. */
const application = async (sub: string) => (await seedApplication(sub, await seedOpportunity({ shifts: [{ start: hoursFromNow(48), end: hoursFromNow(52), capacity: 5 }] }))).id;

describe('POST /v1/companies/{id}/programs', () => {
  it('creates a programme the employees can see', async () => {
    const response = await createProgram(acme);
    expect(response.status).toBe(201);
    const employee = await employeeOf(platform, acme);
    const listed = await platform.request('GET', `/v1/companies/${acme.id}/programs`, { token: employee.token });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(response.body.id);
  });

  it.each([
    [{ to: '2020-01-01' }, 'to'],
    [{ causes: undefined }, 'causes'],
    [{ hoursPerEmployee: 0 }, 'hoursPerEmployee'],
    [{ orgIds: ['01JRW9Z6Q3X8K2M4N5P7R9S1TV'] }, 'orgIds.0'],
  ])('refuses %j naming %s and writes nothing', async (overrides, path) => {
    const before = (await platform.request('GET', `/v1/companies/${other.id}/programs`, { token: other.admin })).body.items.length;
    const response = await createProgram(other, overrides);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    expect((await platform.request('GET', `/v1/companies/${other.id}/programs`, { token: other.admin })).body.items).toHaveLength(before);
  });

  it("answers 404 to another company's admin, on creating and listing", async () => {
    expect((await platform.request('POST', `/v1/companies/${acme.id}/programs`, { token: other.admin, body: programBody() })).status).toBe(404);
    expect((await platform.request('GET', `/v1/companies/${acme.id}/programs`, { token: other.admin })).status).toBe(404);
  });
});

describe('volunteer time off', () => {
  it('reserves a shift at once when the programme needs no approval', async () => {
    const program = (await createProgram(acme)).body.id as string;
    const employee = await employeeOf(platform, acme);
    const response = await participate(program, employee.token, await application(employee.sub));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'reserved', minutes: 240, balance: { quotaMinutes: 600, reservedMinutes: 240, availableMinutes: 360 } });
  });

  it('never exceeds the quota under concurrency: 5 shifts of 4 h against 10 h, 2 reserved', async () => {
    const program = (await createProgram(acme)).body.id as string;
    const employee = await employeeOf(platform, acme);
    const applications = await Promise.all(Array.from({ length: 5 }, () => application(employee.sub)));

    const outcomes = await Promise.all(applications.map((id) => participate(program, employee.token, id)));

    expect(outcomes.map((o) => o.status).sort()).toEqual([201, 201, 409, 409, 409]);
    expect(outcomes.filter((o) => o.status === 409).every((o) => /vto-quota-exceeded$/.test(o.body.type))).toBe(true);
    const last = outcomes.find((o) => o.status === 201)!;
    const balance = (await participate(program, employee.token, await application(employee.sub))).body;
    expect(balance.type).toMatch(/vto-quota-exceeded$/);
    expect(last.body.balance.quotaMinutes).toBe(600);
  });

  it('shows the organisation, in its review queue and on the application, the company and programme the volunteer came through', async () => {
    const program = (await createProgram(acme, { nameEn: 'Horizon Gives Back' })).body.id as string;
    const employee = await employeeOf(platform, acme);
    const seeded = await seedOpportunity({ shifts: [{ start: hoursFromNow(48), end: hoursFromNow(52), capacity: 5 }] });
    const applicationId = (await seedApplication(employee.sub, seeded)).id;
    const manager = await platform.token({ sub: `m-${ulid()}`, groups: ['org-manager'], orgId: seeded.opportunity.orgId });
    const queue = async () => (await platform.request('GET', `/v1/organizations/${seeded.opportunity.orgId}/applications?status=submitted`, { token: manager })).body.items;
    expect((await queue())[0].company).toBeUndefined();

    await participate(program, employee.token, applicationId);

    const expected = { companyId: acme.id, nameAr: 'شركة الأفق للتقنية', programId: program, programNameEn: 'Horizon Gives Back' };
    expect((await queue())[0].company).toMatchObject(expected);
    expect((await platform.request('GET', `/v1/applications/${applicationId}`, { token: manager })).body.company).toMatchObject(expected);
  });

  it('waits for an admin when the programme requires approval, then reserves once', async () => {
    const program = (await createProgram(acme, { requiresApproval: true })).body.id as string;
    const employee = await employeeOf(platform, acme);
    const requested = await participate(program, employee.token, await application(employee.sub));
    expect(requested.body).toMatchObject({ status: 'requested', balance: { reservedMinutes: 0 } });
    const decide = (token: string) =>
      platform.request('POST', `/v1/companies/${acme.id}/programs/${program}/participations/${requested.body.id}/decision`, { token, body: { decision: 'approve' } });

    expect((await decide(other.admin)).status).toBe(404);
    const approved = await decide(acme.admin);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'reserved', balance: { reservedMinutes: 240, availableMinutes: 360 } });
    expect((await decide(acme.admin)).status).toBe(409);
  });

  it('refuses an application that is not the caller\'s (404) and one outside the programme\'s causes (422)', async () => {
    const program = (await createProgram(acme, { causes: ['health'] })).body.id as string;
    const employee = await employeeOf(platform, acme);
    const someoneElse = await application(`other-${ulid()}`);
    expect((await participate(program, employee.token, someoneElse)).status).toBe(404);
    const ineligible = await participate(program, employee.token, await application(employee.sub));
    expect(ineligible.status).toBe(422);
    expect(ineligible.body.errors.map((e: { path: string }) => e.path)).toEqual(['applicationId']);
  });

  it('consumes the approved minutes when the hours are approved and gives the rest back, once', async () => {
    const program = (await createProgram(acme)).body.id as string;
    const employee = await employeeOf(platform, acme);
    const participation = (await participate(program, employee.token, await application(employee.sub))).body;
    const detail = {
      hoursId: ulid(),
      volunteerId: employee.sub,
      orgId: participation.orgId,
      opportunityId: participation.opportunityId,
      shiftId: participation.shiftId,
      kind: 'shift' as const,
      date: today(),
      minutes: 180,
      track: 'general' as const,
      causes: ['environment'],
      city: 'jeddah',
      region: 'makkah',
      valueSar: 0,
      approvedBy: 'manager-1',
      approvedAt: new Date().toISOString(),
    };
    const event = envelope('HoursApproved', ulid(), detail);

    await companyHours(event);
    await companyHours(envelope('HoursApproved', ulid(), detail));

    const again = await participate(program, employee.token, await application(employee.sub));
    expect(again.body.balance).toEqual({ quotaMinutes: 600, reservedMinutes: 240, usedMinutes: 180, availableMinutes: 180 });
  });
});

describe('team events', () => {
  const seatsOf = async (opportunityId: string, shiftId: string) => (await applicationRepository().seats(opportunityId, shiftId))!.seatsTaken;
  /** A published opportunity with one 4-hour shift starting in `hours` hours. */
  const teamShift = async (capacity: number, hours = 72) => {
    const seeded = await seedOpportunity({ shifts: [{ start: hoursFromNow(hours), end: hoursFromNow(hours + 4), capacity }] });
    return { opportunityId: seeded.opportunity.id, shiftId: seeded.shifts[0]!.id };
  };
  const reserve = (company: ApprovedCompany, body: Record<string, unknown>) => platform.request('POST', `/v1/companies/${company.id}/team-events`, { token: company.admin, body });
  const claim = (teamEventId: string, token: string) => platform.request('POST', `/v1/companies/${acme.id}/team-events/${teamEventId}/claims`, { token });
  const teamEvent = async (id: string) =>
    (await platform.request('GET', `/v1/companies/${acme.id}/team-events`, { token: acme.admin })).body.items.find((e: { id: string }) => e.id === id);
  const profiledEmployee = async () => {
    const employee = await employeeOf(platform, acme);
    await seedVolunteer(employee.sub);
    return employee;
  };

  it('takes the seats in one request and lets employees claim them as approved applications on seats already counted', async () => {
    const shift = await teamShift(5);
    const reserved = await reserve(acme, { ...shift, seats: 3 });
    expect(reserved.status).toBe(201);
    expect(reserved.body).toMatchObject({ seats: 3, claimed: 0, status: 'reserved' });
    expect(await seatsOf(shift.opportunityId, shift.shiftId)).toBe(3);

    const employee = await profiledEmployee();
    const claimed = await claim(reserved.body.id, employee.token);

    expect(claimed.status).toBe(201);
    const application = await platform.request('GET', `/v1/applications/${claimed.body.applicationId}`, { token: employee.token });
    expect(application.body).toMatchObject({ status: 'approved', shiftId: shift.shiftId, volunteerId: employee.sub, company: { companyId: acme.id, teamEventId: reserved.body.id } });
    expect(await seatsOf(shift.opportunityId, shift.shiftId)).toBe(3);
    expect((await teamEvent(reserved.body.id)).claimed).toBe(1);
    expect((await claim(reserved.body.id, employee.token)).body.type).toMatch(/already-applied$/);
  });

  it('refuses more seats than the shift has free (409, nothing written), also when two requests race for them', async () => {
    const shift = await teamShift(5);
    const [a, b] = await Promise.all([reserve(acme, { ...shift, seats: 3 }), reserve(acme, { ...shift, seats: 3 })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const before = (await platform.request('GET', `/v1/companies/${acme.id}/team-events`, { token: acme.admin })).body.items.length;

    const refused = await reserve(acme, { ...shift, seats: 3 });

    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/team-seats-unavailable$/);
    expect(await seatsOf(shift.opportunityId, shift.shiftId)).toBe(3);
    expect((await platform.request('GET', `/v1/companies/${acme.id}/team-events`, { token: acme.admin })).body.items).toHaveLength(before);
  });

  it('gives the unclaimed seats back 48 h before the start, once, and then refuses claims', async () => {
    const shift = await teamShift(6);
    const reserved = (await reserve(acme, { ...shift, seats: 4 })).body;
    await claim(reserved.id, (await profiledEmployee()).token);
    const releaseAt = Date.parse(reserved.releaseAt);

    await runSchedule('team-seats', new Date(releaseAt - 60_000));
    expect(await seatsOf(shift.opportunityId, shift.shiftId)).toBe(4);
    await runSchedule('team-seats', new Date(releaseAt + 60_000));
    await runSchedule('team-seats', new Date(releaseAt + 16 * 60_000));

    expect(await seatsOf(shift.opportunityId, shift.shiftId)).toBe(1);
    expect(await teamEvent(reserved.id)).toMatchObject({ status: 'released', claimed: 1, releasedSeats: 3 });
    expect((await claim(reserved.id, (await profiledEmployee()).token)).body.type).toMatch(/team-seats-gone$/);
  });

  it("answers 404 to another company's admin and to a volunteer who is not an employee; 422 naming shiftId within 48 h", async () => {
    const shift = await teamShift(5);
    expect((await platform.request('POST', `/v1/companies/${acme.id}/team-events`, { token: other.admin, body: { ...shift, seats: 1 } })).status).toBe(404);
    expect((await platform.request('GET', `/v1/companies/${acme.id}/team-events`, { token: other.admin })).status).toBe(404);
    const reserved = (await reserve(acme, { ...shift, seats: 1 })).body;
    const outsider = await platform.token({ sub: `vol-${ulid()}`, groups: ['volunteer'] });
    expect((await claim(reserved.id, outsider)).status).toBe(404);
    const soon = await reserve(acme, { ...(await teamShift(5, 47)), seats: 1 });
    expect(soon.status).toBe(422);
    expect(soon.body.errors.map((e: { path: string }) => e.path)).toEqual(['shiftId']);
  });
});
