/**
 * Evaluations against DynamoDB Local, with a fake attendance port (the hours area's attendance
 * records are the real one): only attendees, once each, editable for 7 days, after the shift;
 * the managers' side; visibility of a volunteer's ratings; aggregates equal to a recount under
 * concurrent submissions and edits.
 */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

let support: typeof import('./applications-support.js');
let service: typeof import('../../shared/domain/evaluations/service.js');
let errors: typeof import('../../shared/domain/evaluations/errors.js');
let repo: ReturnType<(typeof import('../../shared/db/evaluation-repository.js'))['evaluationRepository']>;

beforeAll(async () => {
  await createTestTable();
  support = await import('./applications-support.js');
  service = await import('../../shared/domain/evaluations/service.js');
  errors = await import('../../shared/domain/evaluations/errors.js');
  repo = (await import('../../shared/db/evaluation-repository.js')).evaluationRepository();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A shift that ended an hour before `now`, with its attendees (the fake attendance port). */
const endedShift = async (attendees: string[], now = Date.now()) => {
  const seeded = await support.seedOpportunity({
    shifts: [{ start: new Date(now + 2 * HOUR).toISOString(), end: new Date(now + 6 * HOUR).toISOString(), capacity: 50 }],
  });
  const shift = seeded.shifts[0]!;
  const afterEnd = new Date(Date.parse(shift.end) + HOUR);
  const deps = (at: Date = afterEnd) => ({
    repo,
    shifts: { shift: (id: string) => repo.shift(id) },
    attendance: { attended: async (v: string, s: string) => s === shift.id && attendees.includes(v), attendees: async () => attendees },
    clock: { now: () => at },
  });
  return { orgId: seeded.opportunity.orgId, shiftId: shift.id, end: shift.end, afterEnd, deps };
};

const volunteer = (sub: string) => ({ sub, groups: ['volunteer' as const] });
const manager = (orgId: string) => ({ sub: `manager-${orgId}`, groups: ['org-manager' as const], orgId });

describe('the volunteer rates the experience', () => {
  it('records one rating of an attendee after the shift', async () => {
    const sub = `vol-${ulid()}`;
    const shift = await endedShift([sub]);

    const result = await service.submitEvaluation(shift.deps(), volunteer(sub), shift.shiftId, { rating: 4, comment: 'well organised' });

    expect(result).toMatchObject({ kind: 'experience', volunteerId: sub, version: 1 });
    expect(await repo.organizationAggregate(shift.orgId)).toEqual({ orgId: shift.orgId, count: 1, sum: 4 });
  });

  it('refuses a volunteer who did not attend with NotAttendedError, and writes nothing', async () => {
    const shift = await endedShift([`vol-${ulid()}`]);

    await expect(service.submitEvaluation(shift.deps(), volunteer(`vol-${ulid()}`), shift.shiftId, { rating: 5 })).rejects.toThrow(errors.NotAttendedError);
    expect(await repo.organizationAggregate(shift.orgId)).toBeUndefined();
  });

  it('refuses an evaluation before the shift has ended', async () => {
    const sub = `vol-${ulid()}`;
    const shift = await endedShift([sub]);

    await expect(service.submitEvaluation(shift.deps(new Date(Date.parse(shift.end) - HOUR)), volunteer(sub), shift.shiftId, { rating: 5 })).rejects.toThrow(
      errors.ShiftNotEndedError,
    );
  });

  it('refuses a second submission and counts the rating once, even when both race', async () => {
    const sub = `vol-${ulid()}`;
    const shift = await endedShift([sub]);

    const results = await Promise.allSettled([1, 2, 3].map((r) => service.submitEvaluation(shift.deps(), volunteer(sub), shift.shiftId, { rating: r + 2 })));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([
      expect.any(errors.EvaluationExistsError),
      expect.any(errors.EvaluationExistsError),
    ]);
    expect((await repo.organizationAggregate(shift.orgId))?.count).toBe(1);
  });

  it('lets the volunteer edit within 7 days, moving the aggregate by the difference', async () => {
    const sub = `vol-${ulid()}`;
    const shift = await endedShift([sub]);
    await service.submitEvaluation(shift.deps(), volunteer(sub), shift.shiftId, { rating: 2, comment: 'cold' });

    const edited = await service.editEvaluation(shift.deps(new Date(shift.afterEnd.getTime() + 6 * DAY)), volunteer(sub), shift.shiftId, { rating: 5 });

    expect(edited.version).toBe(2);
    expect(await repo.organizationAggregate(shift.orgId)).toEqual({ orgId: shift.orgId, count: 1, sum: 5 });
    expect((await repo.experience(shift.shiftId, sub))?.comment).toBeUndefined();
  });

  it('refuses an edit after 7 days', async () => {
    const sub = `vol-${ulid()}`;
    const shift = await endedShift([sub]);
    await service.submitEvaluation(shift.deps(), volunteer(sub), shift.shiftId, { rating: 2 });

    await expect(service.editEvaluation(shift.deps(new Date(shift.afterEnd.getTime() + 7 * DAY)), volunteer(sub), shift.shiftId, { rating: 5 })).rejects.toThrow(
      errors.EvaluationLockedError,
    );
  });
});

describe('managers rate each attendee', () => {
  it('records punctuality, skill and conduct once, in the volunteer aggregate', async () => {
    const sub = `vol-${ulid()}`;
    const shift = await endedShift([sub]);

    await service.submitEvaluation(shift.deps(), manager(shift.orgId), shift.shiftId, { volunteerId: sub, punctuality: 5, skill: 3, conduct: 4, note: 'on time' });
    const again = service.submitEvaluation(shift.deps(), manager(shift.orgId), shift.shiftId, { volunteerId: sub, rating: 1 });

    await expect(again).rejects.toThrow(errors.EvaluationExistsError);
    expect(await repo.volunteerAggregate(sub)).toEqual({ volunteerId: sub, count: 1, punctuality: 5, skill: 3, conduct: 4 });
  });

  it('refuses to rate a volunteer who did not attend', async () => {
    const shift = await endedShift([`vol-${ulid()}`]);

    await expect(service.submitEvaluation(shift.deps(), manager(shift.orgId), shift.shiftId, { volunteerId: `vol-${ulid()}`, rating: 3 })).rejects.toThrow(
      errors.NotAttendedError,
    );
  });

  it('hides the shift from managers of another organisation', async () => {
    const sub = `vol-${ulid()}`;
    const shift = await endedShift([sub]);

    await expect(service.submitEvaluation(shift.deps(), manager(ulid()), shift.shiftId, { volunteerId: sub, rating: 3 })).rejects.toThrow(errors.ShiftNotFoundError);
  });
});

describe("a volunteer's ratings", () => {
  it('are visible to managers of an organisation the volunteer applied to, and to nobody else', async () => {
    const sub = await support.seedVolunteer();
    const seeded = await support.seedOpportunity();
    await support.seedApplication(sub, seeded);

    const applied = await service.volunteerRatings({ repo }, manager(seeded.opportunity.orgId), sub);
    const other = service.volunteerRatings({ repo }, manager(ulid()), sub);

    expect(applied).toEqual({ volunteerId: sub, count: 0 });
    await expect(other).rejects.toThrow('not found');
  });
});

describe('shift feedback for the organisation', () => {
  it("never names a comment's author and withholds scores when fewer than 5 attended", async () => {
    const subs = [`vol-${ulid()}`, `vol-${ulid()}`];
    const shift = await endedShift(subs);
    await service.submitEvaluation(shift.deps(), volunteer(subs[0]!), shift.shiftId, { rating: 1, comment: 'no water' });
    await service.submitEvaluation(shift.deps(), volunteer(subs[1]!), shift.shiftId, { rating: 5, comment: 'loved it' });

    const feedback = await service.shiftFeedback(shift.deps(), manager(shift.orgId), shift.shiftId);

    expect(feedback.experience).toEqual({ count: 2, comments: [{ text: 'loved it' }, { text: 'no water' }] });
    expect(JSON.stringify(feedback)).not.toContain(subs[0]);
    expect(JSON.stringify(feedback)).not.toContain(subs[1]);
  });
});

describe('aggregates', () => {
  it('equal a recount after concurrent submissions and edits', async () => {
    const subs = Array.from({ length: 12 }, () => `vol-${ulid()}`);
    const shift = await endedShift(subs);
    const rating = (i: number) => (i % 5) + 1;

    await Promise.all(subs.map((sub, i) => service.submitEvaluation(shift.deps(), volunteer(sub), shift.shiftId, { rating: rating(i) })));
    await Promise.all(subs.map((sub, i) => service.submitEvaluation(shift.deps(), manager(shift.orgId), shift.shiftId, { volunteerId: sub, rating: rating(i + 1) })));
    await Promise.allSettled(subs.slice(0, 6).map((sub, i) => service.editEvaluation(shift.deps(), volunteer(sub), shift.shiftId, { rating: rating(i + 3) })));
    // The same evaluation edited three times at once: one edit per read wins, the others are refused.
    await Promise.allSettled(subs.slice(0, 6).flatMap((sub) => [5, 1, 3].map((r) => service.editEvaluation(shift.deps(), volunteer(sub), shift.shiftId, { rating: r }))));

    const experiences = await repo.experiencesOfOrganization(shift.orgId);
    expect(await repo.organizationAggregate(shift.orgId)).toEqual({ orgId: shift.orgId, count: experiences.length, sum: experiences.reduce((s, e) => s + e.rating, 0) });
    for (const sub of subs) {
      const mine = await repo.evaluationsOfVolunteer(sub);
      const total = (field: 'punctuality' | 'skill' | 'conduct') => mine.reduce((s, e) => s + e[field], 0);
      expect(await repo.volunteerAggregate(sub)).toEqual({ volunteerId: sub, count: mine.length, punctuality: total('punctuality'), skill: total('skill'), conduct: total('conduct') });
    }
  });
});
