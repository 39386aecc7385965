/**
 * Attendance and hours through the local gateway (JWT, handler stack, DynamoDB Local, the outbox
 * relay and its consumers): no-show disputes decided once on the roster, late cancellations
 * counted only when a seat was given up, and bad input refused naming the field with nothing written.
 */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform.js';

let platform: TestPlatform;
let support: typeof import('../integration/applications-support.js');
let fx: typeof import('../integration/hours-support.js');
let hoursRepository: typeof import('../../shared/db/hours-repository.js')['hoursRepository'];

beforeAll(async () => {
  process.env.LOCAL_WORKFLOW_TIME_SCALE = '1e-3';
  platform = await startTestPlatform();
  support = await import('../integration/applications-support.js');
  fx = await import('../integration/hours-support.js');
  hoursRepository = (await import('../../shared/db/hours-repository.js')).hoursRepository;
});
afterAll(async () => {
  await platform?.stop();
  delete process.env.LOCAL_WORKFLOW_TIME_SCALE;
});

const volunteerToken = (sub: string) => platform.token({ sub, groups: ['volunteer'] });
const managerToken = (orgId: string, sub = `manager-${orgId}`) => platform.token({ sub, groups: ['org-manager'], orgId });
const myAttendance = async (sub: string) => (await platform.request('GET', '/v1/volunteers/me/hours', { token: await volunteerToken(sub) })).body.attendance;

/** A shift that ended yesterday with an approved seat, the volunteer marked absent on the roster. */
const absentVolunteer = async () => {
  const seeded = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(-30), end: support.hoursFromNow(-26), capacity: 5 }] });
  const sub = await support.seedVolunteer();
  await fx.seedSeat(sub, seeded);
  const shift = seeded.shifts[0]!;
  const orgId = seeded.opportunity.orgId;
  const absent = await platform.request('POST', `/v1/shifts/${shift.id}/attendance`, { token: await managerToken(orgId), body: { volunteerId: sub, status: 'absent' } });
  expect(absent.status).toBe(200);
  return { seeded, sub, shift, orgId };
};

const dispute = async (sub: string, shiftId: string, body: Record<string, unknown>) =>
  platform.request('POST', `/v1/shifts/${shiftId}/attendance/dispute`, { token: await volunteerToken(sub), body });

describe('POST /v1/shifts/{shiftId}/attendance/dispute', () => {
  it('opens a dispute of a recorded absence, once', async () => {
    const { sub, shift } = await absentVolunteer();
    const body = { reason: 'I was at the registration desk; my phone was dead', checkIn: shift.start, checkOut: shift.end };

    const first = await dispute(sub, shift.id, body);
    const second = await dispute(sub, shift.id, body);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ shiftId: shift.id, status: 'absent', dispute: { status: 'open', reason: body.reason, checkIn: shift.start, checkOut: shift.end } });
    expect(second.status).toBe(409);
    expect(second.body.type).toMatch(/hours-not-disputable$/);
  });

  it('upholds a dispute when the managers record the volunteer present: the no-show leaves the record and the hours are pending', async () => {
    const { sub, shift, orgId } = await absentVolunteer();
    expect(await myAttendance(sub)).toMatchObject({ noShows: 1, attended: 0 });
    const checkIn = new Date(Date.parse(shift.start) + 30 * 60_000).toISOString();
    await dispute(sub, shift.id, { reason: 'I came 30 minutes late and stayed to the end', checkIn });

    const decided = await platform.request('POST', `/v1/shifts/${shift.id}/attendance`, { token: await managerToken(orgId), body: { volunteerId: sub, status: 'present' } });

    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ volunteerId: sub, status: 'checked-out', dispute: 'upheld', hoursId: expect.any(String) });
    expect(await myAttendance(sub)).toMatchObject({ noShows: 0, attended: 1 });
    expect(await hoursRepository().get(decided.body.hoursId)).toMatchObject({ status: 'pending', minutes: 210, flags: expect.arrayContaining(['disputed', 'roster']) });
  });

  it('dismisses a dispute when the managers keep the absence, and refuses a second decision', async () => {
    const { sub, shift, orgId } = await absentVolunteer();
    await dispute(sub, shift.id, { reason: 'I was there' });

    const decided = await platform.request('POST', `/v1/shifts/${shift.id}/attendance`, { token: await managerToken(orgId), body: { volunteerId: sub, status: 'absent' } });
    const again = await platform.request('POST', `/v1/shifts/${shift.id}/attendance`, { token: await managerToken(orgId), body: { volunteerId: sub, status: 'present' } });

    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'absent', dispute: 'dismissed' });
    expect(again.status).toBe(409);
    expect(await myAttendance(sub)).toMatchObject({ noShows: 1, attended: 0 });
  });

  it('refuses times outside the shift with 422 naming checkIn, and writes nothing', async () => {
    const { sub, shift } = await absentVolunteer();

    const response = await dispute(sub, shift.id, { reason: 'I was there', checkIn: support.hoursFromNow(-40) });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'checkIn' })]);
    expect((await hoursRepository().attendance(shift.id, sub))?.dispute).toBeUndefined();
  });

  it('refuses a reason that is too short with 422 naming reason', async () => {
    const { sub, shift } = await absentVolunteer();

    const response = await dispute(sub, shift.id, { reason: 'x' });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect((await hoursRepository().attendance(shift.id, sub))?.dispute).toBeUndefined();
  });

  it('answers 404 to a volunteer without a recorded absence on the shift', async () => {
    const { shift } = await absentVolunteer();

    const response = await dispute(`other-${ulid()}`, shift.id, { reason: 'I was there' });

    expect(response.status).toBe(404);
  });
});

describe('late cancellations in the attendance record', () => {
  const applicationStatus = async (sub: string, id: string) => (await platform.request('GET', `/v1/applications/${id}`, { token: await volunteerToken(sub) })).body.status as string;

  const applyAndWithdraw = async (requiresApproval: boolean, settled: string) => {
    const seeded = await support.seedOpportunity({ requiresApproval, shifts: [{ start: support.hoursFromNow(3), end: support.hoursFromNow(6), capacity: 5 }] });
    const sub = await support.seedVolunteer();
    const applied = await platform.request('POST', `/v1/opportunities/${seeded.opportunity.id}/applications`, { token: await volunteerToken(sub), body: { shiftId: seeded.shifts[0]!.id } });
    expect(applied.status).toBe(202);
    await expect.poll(() => applicationStatus(sub, applied.body.id), { timeout: 20_000, interval: 200 }).toBe(settled);
    expect((await platform.request('POST', `/v1/applications/${applied.body.id}/withdraw`, { token: await volunteerToken(sub) })).status).toBe(200);
    await platform.flushEvents();
    return sub;
  };

  it('does not count withdrawing a pending application 3 h before the start (no seat was given up)', async () => {
    const sub = await applyAndWithdraw(true, 'pending');

    expect(await myAttendance(sub)).toMatchObject({ lateCancellations: 0 });
  });

  it('counts giving up an approved seat 3 h before the start', async () => {
    const sub = await applyAndWithdraw(false, 'approved');

    expect(await myAttendance(sub)).toMatchObject({ lateCancellations: 1 });
  });
});
