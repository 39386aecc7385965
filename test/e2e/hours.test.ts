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

describe('project opportunities (professional volunteering)', () => {
  const activeOrganization = async (): Promise<string> => (await import('../helpers/builders.js')).seedOrganization({ city: 'riyadh', causes: ['legal-aid'] });

  const projectBody = (overrides: Record<string, unknown> = {}) => ({
    titleAr: 'مراجعة قانونية لعقود الجمعية',
    titleEn: "Legal review of the charity's contracts",
    descriptionAr: 'مراجعة عقود المتطوعين وسياسة الخصوصية خلال أربعة أسابيع',
    descriptionEn: 'Review the volunteer contracts and the privacy policy over four weeks',
    category: 'legal-aid',
    city: 'riyadh',
    remote: true,
    professions: ['lawyer'],
    requiresApproval: false,
    project: {
      start: support.hoursFromNow(24),
      end: support.hoursFromNow(24 + 28 * 24),
      estimatedHours: 40,
      seats: 2,
      deliverables: [
        { titleAr: 'مراجعة عقود المتطوعين', titleEn: 'Review of the volunteer contracts' },
        { titleAr: 'سياسة الخصوصية', titleEn: 'Privacy policy' },
      ],
    },
    ...overrides,
  });

  const claim = async (sub: string, opportunityId: string, body: Record<string, unknown>) =>
    platform.request('POST', `/v1/opportunities/${opportunityId}/hours`, { token: await volunteerToken(sub), body });

  /** Riyadh date `days` from today. */
  const riyadhDay = (days: number) => new Date(Date.now() + days * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);

  it('posts a project: a period as its one seat-counted shift, the effort and bilingual deliverables with ids', async () => {
    const orgId = await activeOrganization();

    const response = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: await managerToken(orgId), body: projectBody() });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ kind: 'project', project: { estimatedHours: 40, deliverables: [{ id: expect.any(String), titleEn: 'Review of the volunteer contracts' }, { id: expect.any(String), titleEn: 'Privacy policy' }] } });
    expect(response.body.shifts).toEqual([expect.objectContaining({ capacity: 2, seatsLeft: 2 })]);
  });

  it('refuses both shifts and a project with 422 naming project, and writes nothing', async () => {
    const orgId = await activeOrganization();

    const response = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, {
      token: await managerToken(orgId),
      body: projectBody({ shifts: [{ start: support.hoursFromNow(24), end: support.hoursFromNow(28), capacity: 3 }] }),
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'project' })]);
    expect((await support.allItems()).filter((i) => i.entity === 'Opportunity' && i.orgId === orgId)).toEqual([]);
  });

  it('refuses shifts added to a project by PATCH with 422 naming shifts, and changes nothing', async () => {
    const orgId = await activeOrganization();
    const created = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: await managerToken(orgId), body: projectBody() });

    const response = await platform.request('PATCH', `/v1/opportunities/${created.body.id}`, {
      token: await managerToken(orgId),
      body: { shifts: [{ start: support.hoursFromNow(30), end: support.hoursFromNow(34), capacity: 3 }] },
    });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'shifts' })]));
    expect((await platform.request('GET', `/v1/opportunities/${created.body.id}`, { token: await managerToken(orgId) })).body.shifts).toEqual(created.body.shifts);
  });

  it('lets a volunteer hold a project seat and an overlapping shift: projects do not block shifts, nor shifts projects', async () => {
    const orgId = await activeOrganization();
    const created = await platform.request('POST', `/v1/organizations/${orgId}/opportunities`, { token: await managerToken(orgId), body: projectBody() });
    expect((await platform.request('POST', `/v1/opportunities/${created.body.id}/publish`, { token: await managerToken(orgId) })).status).toBe(200);
    const shiftOpportunity = await support.seedOpportunity({ requiresApproval: false, shifts: [{ start: support.hoursFromNow(48), end: support.hoursFromNow(52), capacity: 5 }] });
    const sub = await support.seedVolunteer(undefined, { professions: ['lawyer'] });
    const applyTo = async (opportunityId: string, shiftId: string) => {
      const applied = await platform.request('POST', `/v1/opportunities/${opportunityId}/applications`, { token: await volunteerToken(sub), body: { shiftId } });
      expect(applied.status).toBe(202);
      return applied.body.id as string;
    };
    const status = async (id: string) => (await platform.request('GET', `/v1/applications/${id}`, { token: await volunteerToken(sub) })).body.status;

    const onShift = await applyTo(shiftOpportunity.opportunity.id, shiftOpportunity.shifts[0]!.id);
    await expect.poll(() => status(onShift), { timeout: 20_000, interval: 200 }).toBe('approved');
    const onProject = await applyTo(created.body.id, created.body.shifts[0].id);

    await expect.poll(() => status(onProject), { timeout: 20_000, interval: 200 }).toBe('approved');
  });

  it('takes a claim against a deliverable into the verification workflow, and the manager approves it', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-10 * 24), end: support.hoursFromNow(20 * 24) });
    const sub = await support.seedVolunteer(undefined, { professions: ['lawyer'] });
    await fx.seedSeat(sub, project);
    const deliverableId = project.opportunity.project!.deliverables[0]!.id;

    const claimed = await claim(sub, project.opportunity.id, { date: riyadhDay(-1), minutes: 180, description: 'Reviewed the volunteer contract template', deliverableId });

    expect(claimed.status).toBe(201);
    expect(claimed.body).toMatchObject({ status: 'pending', minutes: 180 });
    expect(await hoursRepository().get(claimed.body.hoursId)).toMatchObject({ kind: 'claim', deliverableId, track: 'professional', profession: 'lawyer' });
    await expect.poll(async () => (await hoursRepository().get(claimed.body.hoursId))?.taskToken, { timeout: 20_000, interval: 200 }).toBeDefined();
    const decided = await platform.request('POST', `/v1/hours/${claimed.body.hoursId}/decision`, { token: await managerToken(project.opportunity.orgId), body: { decision: 'approve' } });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', minutes: 180 });
  });

  it('names the project and its confirmed deliverables in the transcript and the certificate', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-10 * 24), end: support.hoursFromNow(20 * 24) });
    const sub = await support.seedVolunteer(undefined, { professions: ['lawyer'] });
    await fx.seedSeat(sub, project);
    const [first, second] = project.opportunity.project!.deliverables;
    const manager = await managerToken(project.opportunity.orgId);
    const claimed = await claim(sub, project.opportunity.id, { date: riyadhDay(-3), minutes: 240, description: 'Reviewed the contracts', deliverableId: first!.id });
    await expect.poll(async () => (await hoursRepository().get(claimed.body.hoursId))?.taskToken, { timeout: 20_000, interval: 200 }).toBeDefined();
    expect((await platform.request('POST', `/v1/hours/${claimed.body.hoursId}/decision`, { token: manager, body: { decision: 'approve' } })).status).toBe(200);
    expect((await platform.request('POST', `/v1/opportunities/${project.opportunity.id}/deliverables/${first!.id}/confirm`, { token: manager, body: {} })).status).toBe(200);
    await platform.flushEvents();

    const transcript = await platform.request('GET', '/v1/volunteers/me/transcript', { token: await volunteerToken(sub) });
    const certificate = await platform.request('POST', '/v1/volunteers/me/certificates', { token: await volunteerToken(sub), body: {} });

    expect(transcript.body.projects).toEqual([
      {
        opportunityId: project.opportunity.id,
        titleAr: 'مراجعة قانونية',
        titleEn: 'Legal review',
        minutes: 240,
        deliverables: [expect.objectContaining({ id: first!.id, confirmedAt: expect.any(String) }), { id: second!.id, titleAr: second!.titleAr, titleEn: second!.titleEn }],
      },
    ]);
    expect(certificate.status).toBe(201);
    const credential = JSON.parse(Buffer.from(String(certificate.body.credential).split('.')[1]!, 'base64url').toString('utf8'));
    expect(credential.credentialSubject.volunteerHours.projects).toEqual([
      {
        name: [expect.objectContaining({ '@value': 'مراجعة قانونية' }), expect.objectContaining({ '@value': 'Legal review' })],
        minutes: 240,
        deliverables: [{ name: [expect.objectContaining({ '@value': first!.titleAr }), expect.objectContaining({ '@value': first!.titleEn })] }],
      },
    ]);
  });

  it('refuses a claim naming a deliverable the project does not have, with 422 naming deliverableId, and writes nothing', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-10 * 24), end: support.hoursFromNow(20 * 24) });
    const sub = await support.seedVolunteer();
    await fx.seedSeat(sub, project);

    const response = await claim(sub, project.opportunity.id, { date: riyadhDay(-1), minutes: 60, description: 'Some work', deliverableId: ulid() });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'deliverableId' })]);
    expect((await platform.request('GET', '/v1/volunteers/me/hours', { token: await volunteerToken(sub) })).body.items).toEqual([]);
  });

  it('never lets a claim overlap credited time: on such a day it needs start, and an overlapping start is refused', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-10 * 24), end: support.hoursFromNow(20 * 24) });
    const sub = await support.seedVolunteer();
    await fx.seedSeat(sub, project);
    const date = riyadhDay(-2);
    expect((await claim(sub, project.opportunity.id, { date, minutes: 120, description: 'Morning review', start: '09:00' })).status).toBe(201);

    const untimed = await claim(sub, project.opportunity.id, { date, minutes: 60, description: 'More review' });
    const overlapping = await claim(sub, project.opportunity.id, { date, minutes: 60, description: 'More review', start: '10:30' });
    const after = await claim(sub, project.opportunity.id, { date, minutes: 60, description: 'More review', start: '11:00' });

    expect(untimed.status).toBe(422);
    expect(untimed.body.errors).toEqual([expect.objectContaining({ path: 'start' })]);
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.errors).toEqual([expect.objectContaining({ path: 'start' })]);
    expect(after.status).toBe(201);
  });

  it('refuses a claim for a future day, a day outside the period, or beyond 12 h that day, naming the field', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-5 * 24), end: support.hoursFromNow(20 * 24) });
    const sub = await support.seedVolunteer();
    await fx.seedSeat(sub, project);
    const date = riyadhDay(-1);
    expect((await claim(sub, project.opportunity.id, { date, minutes: 600, description: 'A long day of review' })).status).toBe(201);

    const future = await claim(sub, project.opportunity.id, { date: riyadhDay(1), minutes: 60, description: 'Tomorrow' });
    const before = await claim(sub, project.opportunity.id, { date: riyadhDay(-8), minutes: 60, description: 'Before the project' });
    const overCap = await claim(sub, project.opportunity.id, { date, minutes: 180, description: 'More review' });

    expect([future.status, before.status, overCap.status]).toEqual([422, 422, 422]);
    expect([future, before, overCap].map((r) => r.body.errors[0].path)).toEqual(['date', 'date', 'minutes']);
  });

  it('refuses a check-in code on a project: its hours are claimed (422 naming shiftId)', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-1), end: support.hoursFromNow(20 * 24) });

    const response = await platform.request('GET', `/v1/shifts/${project.shifts[0]!.id}/attendance-code`, { token: await managerToken(project.opportunity.orgId) });

    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'shiftId' })]);
  });

  it('lets a manager confirm a deliverable once, shown to the volunteers approved on the project', async () => {
    const project = await fx.seedProject({ start: support.hoursFromNow(-10 * 24), end: support.hoursFromNow(20 * 24) });
    const sub = await support.seedVolunteer();
    await fx.seedSeat(sub, project);
    const [first, second] = project.opportunity.project!.deliverables;
    const confirm = async () =>
      platform.request('POST', `/v1/opportunities/${project.opportunity.id}/deliverables/${first!.id}/confirm`, { token: await managerToken(project.opportunity.orgId), body: { note: 'Signed off by the board' } });

    const confirmed = await confirm();
    const again = await confirm();
    const listed = await platform.request('GET', `/v1/opportunities/${project.opportunity.id}/deliverables`, { token: await volunteerToken(sub) });

    expect(confirmed.status).toBe(200);
    expect(again.status).toBe(409);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: first!.id, status: 'confirmed', note: 'Signed off by the board' }),
      expect.objectContaining({ id: second!.id, status: 'open' }),
    ]);
    expect((await platform.request('GET', `/v1/opportunities/${project.opportunity.id}/deliverables`, { token: await volunteerToken(`other-${ulid()}`) })).status).toBe(404);
  });
});
