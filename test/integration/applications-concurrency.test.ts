/**
 * The seat guarantees on DynamoDB Local, with real transactions racing: the review's
 * ReserveSeat step and withdrawals run concurrently against one shift, and every count that
 * must agree is read back (shift counters, application statuses, WAIT items, bookings).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

let support: typeof import('./applications-support.js');
let review: typeof import('../../shared/domain/applications/review.js');
let service: typeof import('../../shared/domain/applications/service.js');

beforeAll(async () => {
  await createTestTable();
  support = await import('./applications-support.js');
  review = await import('../../shared/domain/applications/review.js');
  service = await import('../../shared/domain/applications/service.js');
});

const withdrawDeps = () => ({
  ...support.reviewDeps(),
  workflow: { start: async () => undefined, resume: async () => undefined, cancel: async () => undefined },
});

const approvals = async (count: number, capacity: number) => {
  const seeded = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(48), end: support.hoursFromNow(52), capacity }] });
  const applications = await Promise.all(
    Array.from({ length: count }, async () => support.seedApprovedDecision(await support.seedVolunteer(), seeded)),
  );
  return { seeded, applications };
};

describe('seat reservation under concurrency', () => {
  it('approves exactly capacity of 50 concurrent approvals and waitlists the other 40', async () => {
    const { seeded, applications } = await approvals(50, 10);
    const deps = support.reviewDeps();

    const outcomes = await Promise.all(applications.map((a) => review.reserveSeat(deps, { applicationId: a.id })));

    expect(outcomes.filter((o) => o.status === 'approved')).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'waitlisted')).toHaveLength(40);
    const account = await support.accountFor(seeded, applications.map((a) => a.id));
    expect(account).toMatchObject({ capacity: 10, seatsTaken: 10, waiting: 40, byStatus: { approved: 10, waitlisted: 40 }, bookings: 10 });
    expect(account.waitItems).toHaveLength(40);
    expect(new Set(account.waitItems.map((w) => w.seq)).size).toBe(40);
    expect(account.capacity - account.seatsTaken).toBe(0);
  });

  it('never exceeds capacity and loses no application when withdrawals race the approvals', async () => {
    const { seeded, applications } = await approvals(40, 8);
    const deps = support.reviewDeps();
    // The first 8 hold seats before the race, so the withdrawals have seats to free.
    const first = applications.slice(0, 8);
    await Promise.all(first.map((a) => review.reserveSeat(deps, { applicationId: a.id })));
    const rest = applications.slice(8);

    const withdrawals = first.slice(0, 6).map((a) => service.withdrawApplication(withdrawDeps(), { sub: a.volunteerId, groups: ['volunteer'] }, a.id));
    const reservations = rest.map((a) => review.reserveSeat(deps, { applicationId: a.id }));
    const results = await Promise.all([...withdrawals, ...reservations]);

    expect(results).toHaveLength(38);
    const account = await support.accountFor(seeded, applications.map((a) => a.id));
    const approved = account.byStatus.approved ?? 0;
    const waitlisted = account.byStatus.waitlisted ?? 0;
    expect(account.byStatus.withdrawn).toBe(6);
    expect(approved + waitlisted + 6).toBe(40);
    expect(approved).toBe(8);
    expect(account.seatsTaken).toBe(approved);
    expect(account.bookings).toBe(approved);
    expect(account.waiting).toBe(waitlisted);
    expect(account.waitItems).toHaveLength(waitlisted);
  });

  it('keeps the waitlist positions consistent: 1..n, first come first promoted', async () => {
    const { seeded, applications } = await approvals(6, 2);
    const deps = support.reviewDeps();
    for (const a of applications) await review.reserveSeat(deps, { applicationId: a.id });
    const viewer = (a: { volunteerId: string }) => ({ sub: a.volunteerId, groups: ['volunteer' as const] });
    const positions = await Promise.all(applications.slice(2).map(async (a) => (await service.viewApplication(deps, viewer(a), a.id)).waitlistPosition));
    expect(positions).toEqual([1, 2, 3, 4]);

    const result = await service.withdrawApplication(withdrawDeps(), viewer(applications[0]!), applications[0]!.id);

    expect(result.promoted).toBe(applications[2]!.id);
    const after = await Promise.all(applications.slice(3).map(async (a) => (await service.viewApplication(deps, viewer(a), a.id)).waitlistPosition));
    expect(after).toEqual([1, 2, 3]);
    const account = await support.accountFor(seeded, applications.map((a) => a.id));
    expect(account).toMatchObject({ seatsTaken: 2, waiting: 3, byStatus: { approved: 2, waitlisted: 3, withdrawn: 1 } });
  });

  it('promotes different applicants when two withdrawals race for the head of the waitlist', async () => {
    const { seeded, applications } = await approvals(5, 2);
    const deps = support.reviewDeps();
    for (const a of applications) await review.reserveSeat(deps, { applicationId: a.id });
    const [a, b] = applications;

    const results = await Promise.all(
      [a!, b!].map((x) => service.withdrawApplication(withdrawDeps(), { sub: x.volunteerId, groups: ['volunteer'] }, x.id)),
    );

    expect(new Set(results.map((r) => r.promoted))).toEqual(new Set([applications[2]!.id, applications[3]!.id]));
    const account = await support.accountFor(seeded, applications.map((x) => x.id));
    expect(account).toMatchObject({ seatsTaken: 2, waiting: 1, byStatus: { approved: 2, waitlisted: 1, withdrawn: 2 }, bookings: 2 });
  });

  it('frees the seat when nobody waits', async () => {
    const { seeded, applications } = await approvals(1, 3);
    const deps = support.reviewDeps();
    await review.reserveSeat(deps, { applicationId: applications[0]!.id });

    const result = await service.withdrawApplication(withdrawDeps(), { sub: applications[0]!.volunteerId, groups: ['volunteer'] }, applications[0]!.id);

    expect(result).toEqual({ id: applications[0]!.id, status: 'withdrawn' });
    expect(await support.accountFor(seeded, [applications[0]!.id])).toMatchObject({ seatsTaken: 0, waiting: 0, bookings: 0 });
  });
});

describe('national double-booking guard', () => {
  const overlapping = async () => {
    const sub = await support.seedVolunteer();
    const [one, two] = await Promise.all([
      support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(72), end: support.hoursFromNow(76), capacity: 5 }] }),
      support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(74), end: support.hoursFromNow(78), capacity: 5 }] }),
    ]);
    expect(one.opportunity.orgId).not.toBe(two.opportunity.orgId);
    return { sub, one, two };
  };

  it('refuses at screening a shift of another organisation overlapping an approved one', async () => {
    const { sub, one, two } = await overlapping();
    const deps = support.reviewDeps();
    const first = await support.seedApplication(sub, one);
    await review.reserveSeat(deps, { applicationId: first.id });
    const second = await support.seedApplication(sub, two);

    const screening = await review.screenApplication(deps, { applicationId: second.id });

    expect(screening.eligible).toBe(false);
    expect(screening.failures.map((f) => f.rule)).toEqual(['overlap']);
  });

  it('lets exactly one of two racing overlapping approvals take its seat; the other is rejected naming the overlap', async () => {
    const { sub, one, two } = await overlapping();
    const deps = support.reviewDeps();
    const [a, b] = await Promise.all([support.seedApplication(sub, one), support.seedApplication(sub, two)]);

    const outcomes = await Promise.all([a, b].map((x) => review.reserveSeat(deps, { applicationId: x.id })));

    expect(outcomes.map((o) => o.status).sort()).toEqual(['approved', 'rejected']);
    const rejected = await deps.repo.get(outcomes.find((o) => o.status === 'rejected')!.applicationId);
    expect(rejected?.failures?.map((f) => f.rule)).toEqual(['overlap']);
    const accounts = await Promise.all([support.accountFor(one, [a.id]), support.accountFor(two, [b.id])]);
    expect(accounts.map((x) => x.seatsTaken).sort()).toEqual([0, 1]);
  });

  it('accepts back-to-back shifts (one ends when the other starts)', async () => {
    const sub = await support.seedVolunteer();
    const one = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(100), end: support.hoursFromNow(104), capacity: 5 }] });
    const two = await support.seedOpportunity({ shifts: [{ start: one.shifts[0]!.end, end: support.hoursFromNow(108), capacity: 5 }] });
    const deps = support.reviewDeps();
    await review.reserveSeat(deps, { applicationId: (await support.seedApplication(sub, one)).id });

    const outcome = await review.reserveSeat(deps, { applicationId: (await support.seedApplication(sub, two)).id });

    expect(outcome.status).toBe('approved');
  });

  it('finds an overlap with a long booking that started well before the new shift', async () => {
    const sub = await support.seedVolunteer();
    const long = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(200), end: support.hoursFromNow(260), capacity: 5 }] });
    const inside = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(250), end: support.hoursFromNow(252), capacity: 5 }] });
    const deps = support.reviewDeps();
    await review.reserveSeat(deps, { applicationId: (await support.seedApplication(sub, long)).id });

    const outcome = await review.reserveSeat(deps, { applicationId: (await support.seedApplication(sub, inside)).id });

    expect(outcome.status).toBe('rejected');
  });

  it('skips a waitlisted applicant who meanwhile holds an overlapping shift, naming the reason, and promotes the next', async () => {
    const full = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(300), end: support.hoursFromNow(304), capacity: 1 }] });
    const elsewhere = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(302), end: support.hoursFromNow(306), capacity: 5 }] });
    const deps = support.reviewDeps();
    const [holder, busy, next] = await Promise.all([support.seedVolunteer(), support.seedVolunteer(), support.seedVolunteer()]);
    const held = await support.seedApplication(holder, full);
    await review.reserveSeat(deps, { applicationId: held.id });
    const busyWaiting = await support.seedApplication(busy, full);
    await review.reserveSeat(deps, { applicationId: busyWaiting.id });
    const nextWaiting = await support.seedApplication(next, full);
    await review.reserveSeat(deps, { applicationId: nextWaiting.id });
    await review.reserveSeat(deps, { applicationId: (await support.seedApplication(busy, elsewhere)).id });

    const result = await service.withdrawApplication(withdrawDeps(), { sub: holder, groups: ['volunteer'] }, held.id);

    expect(result.promoted).toBe(nextWaiting.id);
    const skipped = await deps.repo.get(busyWaiting.id);
    expect(skipped).toMatchObject({ status: 'rejected', failures: [{ rule: 'overlap', message: expect.stringContaining('skipped at promotion') }] });
    expect(await support.accountFor(full, [held.id, busyWaiting.id, nextWaiting.id])).toMatchObject({ seatsTaken: 1, waiting: 0, waitItems: [] });
  });
});
