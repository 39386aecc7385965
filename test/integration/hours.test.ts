/**
 * Attendance and hours against DynamoDB Local, through the service with a pinned clock:
 * rotating codes, clamping, the daily cap and overlaps across organisations (day ledgers),
 * decisions (once, concurrently, never one's own), reversal, disputes, valuation frozen at
 * approval, attendance-close (auto-close, no-shows) and the attendance record.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../helpers/table.js';

let support: typeof import('./applications-support.js');
let fx: typeof import('./hours-support.js');
let hours: typeof import('../../shared/domain/hours/service.js');
let code: typeof import('../../shared/domain/hours/attendance-code.js');
let db: { documentClient: typeof import('../../shared/db/client.js')['documentClient']; outbox: typeof import('../../shared/db/entities/outbox-event.js'); opportunity: typeof import('../../shared/db/entities/opportunity.js') };

beforeAll(async () => {
  await createTestTable();
  support = await import('./applications-support.js');
  fx = await import('./hours-support.js');
  hours = await import('../../shared/domain/hours/service.js');
  code = await import('../../shared/domain/hours/attendance-code.js');
  db = {
    documentClient: (await import('../../shared/db/client.js')).documentClient,
    outbox: await import('../../shared/db/entities/outbox-event.js'),
    opportunity: await import('../../shared/db/entities/opportunity.js'),
  };
});

/** 2030-03-14 in Riyadh at hh:mm (UTC+3). */
const at = (hhmm: string, day = '2030-03-14') => new Date(`${day}T${hhmm}:00+03:00`).toISOString();

const eventsOf = async (type: string) => {
  const found: Record<string, any>[] = [];
  for (let shard = 0; shard < db.outbox.EVENT_OUTBOX_SHARDS; shard++) {
    const { Items } = await db.documentClient().send(
      new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': db.outbox.outboxEvent.keys.shard(shard) } }),
    );
    for (const item of Items ?? []) if ((item.event as { type: string }).type === type) found.push(item.event as Record<string, any>);
  }
  return found;
};

/** A published opportunity of one shift 08:00–12:00 (or as given) with an approved seat for a new volunteer. */
const setup = async (options: { start?: string; end?: string; orgId?: string; professions?: string[]; sub?: string } = {}) => {
  const seeded = await support.seedOpportunity({
    ...(options.orgId && { orgId: options.orgId }),
    shifts: [{ start: options.start ?? at('08:00'), end: options.end ?? at('12:00'), capacity: 10 }],
    ...(options.professions && { professions: options.professions as never }),
  });
  const sub = options.sub ?? (await support.seedVolunteer());
  await fx.seedSeat(sub, seeded);
  const shift = seeded.shifts[0]!;
  return { seeded, sub, shift, orgId: seeded.opportunity.orgId };
};

const codeAt = (shiftId: string, when: string) => code.codeFor(fx.KEY, shiftId, code.stepOf(new Date(when)));

const workShift = async (deps: ReturnType<typeof import('./hours-support.js')['hoursDeps']>, clock: { set(t: string): void }, s: Awaited<ReturnType<typeof setup>>, from: string, to: string) => {
  clock.set(from);
  await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, from) });
  clock.set(to);
  return hours.checkOut(deps, fx.volunteer(s.sub), s.shift.id, {});
};

describe('attendance codes', () => {
  it('accepts the code of the current step', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:02'));
    const deps = fx.hoursDeps(clock);
    const shown = await hours.attendanceCode(deps, fx.manager(s.orgId), s.shift.id);

    const answer = await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: shown.code });

    expect(answer).toEqual({ checkedInAt: at('08:02'), outsideRadius: false });
  });

  it('accepts the previous step after the code rotated', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    const shown = await hours.attendanceCode(deps, fx.manager(s.orgId), s.shift.id);
    clock.set(new Date(Date.parse(at('08:00')) + code.CODE_STEP_SECONDS * 1000).toISOString());

    await expect(hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: shown.code })).resolves.toMatchObject({ outsideRadius: false });
  });

  it('refuses a code two steps old, naming code', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    const shown = await hours.attendanceCode(deps, fx.manager(s.orgId), s.shift.id);
    clock.set(new Date(Date.parse(at('08:00')) + 2 * code.CODE_STEP_SECONDS * 1000).toISOString());

    await expect(hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: shown.code })).rejects.toMatchObject({ status: 422, errors: [{ path: 'code' }] });
  });

  it("refuses another shift's code", async () => {
    const s = await setup();
    const other = await setup();
    const deps = fx.hoursDeps(fx.pinnedClock(at('08:00')));

    await expect(hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(other.shift.id, at('08:00')) })).rejects.toMatchObject({ status: 422, errors: [{ path: 'code' }] });
  });

  it('refuses a valid code more than 2 h after the shift ended', async () => {
    const s = await setup();
    const deps = fx.hoursDeps(fx.pinnedClock(at('14:01')));

    await expect(hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('14:01')) })).rejects.toMatchObject({ status: 422, errors: [{ path: 'code' }] });
  });

  it('refuses a volunteer without an approved seat', async () => {
    const s = await setup();
    const stranger = await support.seedVolunteer();
    const deps = fx.hoursDeps(fx.pinnedClock(at('08:00')));

    await expect(hours.checkIn(deps, fx.volunteer(stranger), s.shift.id, { code: codeAt(s.shift.id, at('08:00')) })).rejects.toMatchObject({ status: 403 });
  });
});

describe('check-in and check-out', () => {
  it('answers a second check-in with the first record', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:01'));
    const deps = fx.hoursDeps(clock);
    await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:01')) });
    clock.set(at('08:05'));

    const again = await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:05')) });

    expect(again.checkedInAt).toBe(at('08:01'));
    expect(await eventsOf('VolunteerCheckedIn').then((e) => e.filter((x) => x.detail.shiftId === s.shift.id))).toHaveLength(1);
  });

  it('flags a check-in farther than 500 m from the opportunity', async () => {
    const s = await setup();
    await db.documentClient().send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: db.opportunity.opportunity.keys.item(s.seeded.opportunity.id),
        UpdateExpression: 'SET #l = :l',
        ExpressionAttributeNames: { '#l': 'location' },
        ExpressionAttributeValues: { ':l': { lat: 21.5, lon: 39.2 } },
      }),
    );
    const deps = fx.hoursDeps(fx.pinnedClock(at('08:00')));

    const answer = await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:00')), location: { lat: 21.51, lon: 39.2 } });

    expect(answer.outsideRadius).toBe(true);
  });

  it('clamps the minutes to the shift window', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('07:30'));
    const deps = fx.hoursDeps(clock);

    const out = await workShift(deps, clock, s, at('07:30'), at('13:00'));

    expect(out).toMatchObject({ minutes: 240, status: 'pending', flags: ['clamped'] });
    expect(deps.workflow.started).toEqual([{ hoursId: out.hoursId, round: 1 }]);
  });

  it('answers a second check-out with the same record', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    const first = await workShift(deps, clock, s, at('08:00'), at('11:00'));

    const again = await hours.checkOut(deps, fx.volunteer(s.sub), s.shift.id, {});

    expect(again).toEqual(first);
  });

  it('never credits the same time twice across two organisations', async () => {
    const sub = await support.seedVolunteer();
    const a = await setup({ sub });
    const b = await setup({ sub, start: at('10:00'), end: at('14:00') });
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    await workShift(deps, clock, a, at('08:00'), at('12:00'));

    const second = await workShift(deps, clock, b, at('10:00'), at('14:00'));

    expect(second).toMatchObject({ minutes: 120, flags: ['overlap'] });
  });

  it('credits at most 12 h per Riyadh day across everything', async () => {
    const sub = await support.seedVolunteer();
    const a = await setup({ sub, start: at('00:00'), end: at('10:00') });
    const b = await setup({ sub, start: at('12:00'), end: at('16:00') });
    const clock = fx.pinnedClock(at('00:00'));
    const deps = fx.hoursDeps(clock);
    await workShift(deps, clock, a, at('00:00'), at('10:00'));

    const second = await workShift(deps, clock, b, at('12:00'), at('16:00'));

    expect(second).toMatchObject({ minutes: 120, flags: ['daily-cap'] });
  });

  it('lets only one of two simultaneous check-outs on overlapping shifts take the time', async () => {
    const sub = await support.seedVolunteer();
    const a = await setup({ sub });
    const b = await setup({ sub });
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    await hours.checkIn(deps, fx.volunteer(sub), a.shift.id, { code: codeAt(a.shift.id, at('08:00')) });
    await hours.checkIn(deps, fx.volunteer(sub), b.shift.id, { code: codeAt(b.shift.id, at('08:00')) });
    clock.set(at('12:00'));

    const both = await Promise.all([hours.checkOut(deps, fx.volunteer(sub), a.shift.id, {}), hours.checkOut(deps, fx.volunteer(sub), b.shift.id, {})]);

    expect(both.map((o) => o.minutes).sort((x, y) => x - y)).toEqual([0, 240]);
  });
});

describe('decisions', () => {
  const pending = async (options: Parameters<typeof setup>[0] = {}) => {
    const s = await setup(options);
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    const out = await workShift(deps, clock, s, at('08:00'), at('12:00'));
    clock.set(at('18:00'));
    return { ...s, deps, clock, hoursId: out.hoursId };
  };

  it('approves with the value of the rate in force, frozen on the record', async () => {
    const p = await pending({ professions: ['nurse'] });
    await hours.setValuationRates(p.deps, fx.admin, { rates: [{ profession: 'nurse', sarPerHour: 100, effectiveFrom: '2030-01-01' }, { track: 'general', sarPerHour: 30, effectiveFrom: '2030-01-01' }] });

    const done = await hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'approve' });

    expect(done).toEqual({ hoursId: p.hoursId, status: 'approved', minutes: 240, valueSar: 400 });
    const approved = (await eventsOf('HoursApproved')).find((e) => e.detail.hoursId === p.hoursId)!;
    expect(approved.detail).toMatchObject({ track: 'professional', profession: 'nurse', minutes: 240, valueSar: 400, approvedBy: `manager-${p.orgId}`, kind: 'shift', date: '2030-03-14' });
  });

  it('keeps the approved value when a later rate is set', async () => {
    const p = await pending();
    await hours.setValuationRates(p.deps, fx.admin, { rates: [{ track: 'general', sarPerHour: 30, effectiveFrom: '2030-01-01' }] });
    await hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'approve' });

    await hours.setValuationRates(p.deps, fx.admin, { rates: [{ track: 'general', sarPerHour: 90, effectiveFrom: '2030-01-01' }] });

    expect((await p.deps.repo.get(p.hoursId))?.valueSar).toBe(120);
  });

  it('refuses a second decision with 409', async () => {
    const p = await pending();
    await hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'approve' });

    await expect(hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'reject', reason: 'changed my mind' })).rejects.toMatchObject({ status: 409 });
  });

  it('records one decision when two managers decide at once', async () => {
    const p = await pending();

    const results = await Promise.allSettled([
      hours.decideOne(p.deps, fx.manager(p.orgId, 'manager-a'), p.hoursId, { decision: 'approve' }),
      hours.decideOne(p.deps, fx.manager(p.orgId, 'manager-b'), p.hoursId, { decision: 'reject', reason: 'not seen on site' }),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([409]);
    expect((await p.deps.repo.get(p.hoursId))?.decisions).toHaveLength(1);
  });

  it('needs a reason to change the minutes', async () => {
    const p = await pending();

    await expect(hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'approve', minutes: 200 })).rejects.toMatchObject({ status: 422, errors: [{ path: 'reason' }] });
  });

  it('never approves more minutes than credited', async () => {
    const p = await pending();

    await expect(hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'approve', minutes: 300, reason: 'stayed late' })).rejects.toMatchObject({ status: 422, errors: [{ path: 'minutes' }] });
  });

  it('refuses a manager deciding on their own hours', async () => {
    const orgId = 'org-self-' + Date.now();
    const p = await pending({ orgId: (await import('ulid')).ulid(), sub: `self-${orgId}` });

    await expect(hours.decideOne(p.deps, fx.manager(p.orgId, p.sub), p.hoursId, { decision: 'approve' })).rejects.toMatchObject({ status: 403 });
  });

  it("hides another organisation's hours (404)", async () => {
    const p = await pending();

    await expect(hours.decideOne(p.deps, fx.manager('01J0000000000000000000000X'), p.hoursId, { decision: 'approve' })).rejects.toMatchObject({ status: 404 });
  });

  it('reports each item of a bulk decision on its own', async () => {
    const p = await pending();
    const q = await pending({ orgId: p.orgId });

    const result = await hours.decideBulk(p.deps, fx.manager(p.orgId), p.orgId, [
      { hoursId: p.hoursId, decision: 'approve' },
      { hoursId: q.hoursId, decision: 'reject' },
      { hoursId: '01J0000000000000000000000Z', decision: 'approve' },
    ]);

    expect(result.items.map((i) => [i.status, i.outcome ?? i.error?.code])).toEqual([
      [200, 'approved'],
      [422, 'validation-failed'],
      [404, 'not-found'],
    ]);
  });

  it('frees rejected time for other credit', async () => {
    const p = await pending();
    await hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'reject', reason: 'not seen on site' });

    expect(await p.deps.repo.ledgers(p.sub, ['2030-03-14'])).toMatchObject([{ minutes: 0, intervals: [] }]);
  });

  it('reverses approved hours with a reversing entry, once', async () => {
    const p = await pending();
    await hours.decideOne(p.deps, fx.manager(p.orgId), p.hoursId, { decision: 'approve' });

    const reversal = await hours.reverse(p.deps, fx.admin, p.hoursId, { reason: 'duplicate found in audit' });

    expect(reversal.status).toBe('reversed');
    expect((await eventsOf('HoursReversed')).find((e) => e.detail.hoursId === p.hoursId)?.detail).toMatchObject({ minutes: 240, reversalId: reversal.reversalId, reason: 'duplicate found in audit' });
    await expect(hours.reverse(p.deps, fx.admin, p.hoursId, { reason: 'again' })).rejects.toMatchObject({ status: 409 });
  });
});

describe('disputes', () => {
  const rejected = async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    const out = await workShift(deps, clock, s, at('08:00'), at('12:00'));
    clock.set(at('18:00'));
    await hours.decideOne(deps, fx.manager(s.orgId), out.hoursId, { decision: 'reject', reason: 'not seen on site' });
    return { ...s, deps, clock, hoursId: out.hoursId };
  };

  it('puts a rejection back to the managers within 14 days', async () => {
    const r = await rejected();

    const answer = await hours.dispute(r.deps, fx.volunteer(r.sub), r.hoursId, { minutes: 240, reason: 'I was at the triage tent' });

    expect(answer).toEqual({ hoursId: r.hoursId, status: 'pending' });
    expect(r.deps.workflow.started.at(-1)).toEqual({ hoursId: r.hoursId, round: 2 });
  });

  it('refuses a dispute after 14 days', async () => {
    const r = await rejected();
    r.clock.set(at('18:01', '2030-03-28'));

    await expect(hours.dispute(r.deps, fx.volunteer(r.sub), r.hoursId, { minutes: 240, reason: 'I was there' })).rejects.toMatchObject({ status: 409 });
  });

  it('makes the second decision final', async () => {
    const r = await rejected();
    await hours.dispute(r.deps, fx.volunteer(r.sub), r.hoursId, { minutes: 240, reason: 'I was there' });
    await hours.decideOne(r.deps, fx.manager(r.orgId), r.hoursId, { decision: 'reject', reason: 'still not seen' });

    await expect(hours.dispute(r.deps, fx.volunteer(r.sub), r.hoursId, { minutes: 240, reason: 'again' })).rejects.toMatchObject({ status: 409 });
  });

  it('turns a disputed cut into a new pending record, leaving the approved one as it was', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    const out = await workShift(deps, clock, s, at('08:00'), at('12:00'));
    await hours.decideOne(deps, fx.manager(s.orgId), out.hoursId, { decision: 'approve', minutes: 180, reason: 'left at 11' });

    const answer = await hours.dispute(deps, fx.volunteer(s.sub), out.hoursId, { minutes: 240, reason: 'I stayed to the end' });

    expect(await deps.repo.get(answer.hoursId)).toMatchObject({ status: 'pending', requestedMinutes: 60, disputeOf: out.hoursId, round: 2 });
    expect(await deps.repo.get(out.hoursId)).toMatchObject({ status: 'approved', minutes: 180 });
  });
});

describe('attendance-close', () => {
  it('closes a check-in left open 2 h after the end, credited to the end and flagged', async () => {
    const s = await setup();
    const clock = fx.pinnedClock(at('08:00'));
    const deps = fx.hoursDeps(clock);
    await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:00')) });
    clock.set(at('14:05'));

    const summary = await hours.closeAttendance(deps, clock.now());

    expect(summary.autoClosed).toBeGreaterThanOrEqual(1);
    const attendance = await deps.repo.attendance(s.shift.id, s.sub);
    expect(attendance).toMatchObject({ status: 'checked-out', autoClosed: true, checkedOutAt: at('12:00') });
    expect(await deps.repo.get(attendance!.hoursId!)).toMatchObject({ minutes: 240, flags: ['auto-closed'] });
  });

  it('leaves a check-in open until 2 h after the end', async () => {
    const s = await setup({ start: at('08:00', '2030-03-20'), end: at('12:00', '2030-03-20') });
    const clock = fx.pinnedClock(at('08:00', '2030-03-20'));
    const deps = fx.hoursDeps(clock);
    await hours.checkIn(deps, fx.volunteer(s.sub), s.shift.id, { code: codeAt(s.shift.id, at('08:00', '2030-03-20')) });
    clock.set(at('13:55', '2030-03-20'));

    await hours.closeAttendance(deps, clock.now());

    expect(await deps.repo.attendance(s.shift.id, s.sub)).toMatchObject({ status: 'checked-in' });
  });

  it('turns a seat with neither check-in nor roster entry into a no-show 24 h after the end, once', async () => {
    const s = await setup({ start: at('08:00', '2030-04-02'), end: at('12:00', '2030-04-02') });
    const clock = fx.pinnedClock(at('12:05', '2030-04-03'));
    const deps = fx.hoursDeps(clock);

    await hours.closeAttendance(deps, clock.now());
    clock.set(at('13:05', '2030-04-03'));
    await hours.closeAttendance(deps, clock.now());

    expect(await deps.repo.attendance(s.shift.id, s.sub)).toMatchObject({ status: 'no-show', by: 'system' });
    expect((await eventsOf('VolunteerNoShow')).filter((e) => e.detail.shiftId === s.shift.id)).toHaveLength(1);
    expect(await deps.repo.attendanceSummary(s.sub, '2029-05')).toMatchObject({ noShows: 1, attended: 0 });
  });
});

describe('no-show disputes', () => {
  // attendance-close keeps a cursor on shift starts: each test takes its own later day.
  let day = 2;
  const noShow = async () => {
    day += 2;
    const d = (n: number) => `2030-06-${String(n).padStart(2, '0')}`;
    const s = await setup({ start: at('08:00', d(day)), end: at('12:00', d(day)) });
    const clock = fx.pinnedClock(at('12:05', d(day + 1)));
    const deps = fx.hoursDeps(clock);
    await hours.closeAttendance(deps, clock.now());
    return { ...s, clock, deps };
  };

  it('refuses a dispute of a no-show after 14 days', async () => {
    const s = await noShow();
    s.clock.set(new Date(Date.parse(s.clock.now().toISOString()) + 14 * 86_400_000 + 60_000).toISOString());

    await expect(hours.disputeNoShow(s.deps, fx.volunteer(s.sub), s.shift.id, { reason: 'I was there' })).rejects.toMatchObject({ status: 409, code: 'hours-not-disputable' });
  });

  it('decides a dispute once when two managers decide at once', async () => {
    const s = await noShow();
    await hours.disputeNoShow(s.deps, fx.volunteer(s.sub), s.shift.id, { reason: 'I was at the gate all morning' });

    const outcomes = await Promise.allSettled([
      hours.recordAttendance(s.deps, fx.manager(s.orgId, 'manager-a'), s.shift.id, { volunteerId: s.sub, status: 'present' }),
      hours.recordAttendance(s.deps, fx.manager(s.orgId, 'manager-b'), s.shift.id, { volunteerId: s.sub, status: 'absent' }),
    ]);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.status)).toEqual([409]);
    const summary = await s.deps.repo.attendanceSummary(s.sub, '2029-07');
    expect(summary.noShows + summary.attended).toBe(1);
  });
});

describe('the roster', () => {
  it('records a volunteer present with times, creating the pending hours', async () => {
    const s = await setup();
    const deps = fx.hoursDeps(fx.pinnedClock(at('13:00')));

    const answer = await hours.recordAttendance(deps, fx.manager(s.orgId), s.shift.id, { volunteerId: s.sub, status: 'present', checkIn: at('09:00'), checkOut: at('11:30') });

    expect(await deps.repo.get(answer.hoursId!)).toMatchObject({ minutes: 150, flags: ['roster'], status: 'pending' });
    expect(await deps.repo.attendanceSummary(s.sub, '2029-05')).toMatchObject({ attended: 1 });
  });

  it('shows the absence in the attendance record other areas read (review queue, candidates)', async () => {
    const s = await setup();
    const deps = fx.hoursDeps(fx.pinnedClock(at('13:00')));
    const { attendanceRecords } = await import('../../shared/db/attendance-reads.js');

    await hours.recordAttendance(deps, fx.manager(s.orgId), s.shift.id, { volunteerId: s.sub, status: 'absent' });

    expect((await attendanceRecords([s.sub, s.sub], new Date(at('13:00')))).get(s.sub)).toMatchObject({ attended: 0, noShows: 1, lateCancellations: 0, since: '2029-04' });
  });

  it('records an absent volunteer as a no-show', async () => {
    const s = await setup();
    const deps = fx.hoursDeps(fx.pinnedClock(at('13:00')));

    await hours.recordAttendance(deps, fx.manager(s.orgId), s.shift.id, { volunteerId: s.sub, status: 'absent' });

    expect(await deps.repo.attendance(s.shift.id, s.sub)).toMatchObject({ status: 'absent' });
    await expect(hours.recordAttendance(deps, fx.manager(s.orgId), s.shift.id, { volunteerId: s.sub, status: 'absent' })).rejects.toMatchObject({ status: 409 });
  });
});

// After the no-show tests: attendance-close keeps one cursor on shift starts, and this run moves it to July.
describe('projects in attendance-close', () => {
  it('never turns a project seat into a no-show: its hours are claimed, not checked in', async () => {
    const project = await fx.seedProject({ start: at('09:00', '2030-07-18'), end: at('17:00', '2030-07-20') });
    const sub = await support.seedVolunteer();
    await fx.seedSeat(sub, project);
    const clock = fx.pinnedClock(at('18:00', '2030-07-21'));
    const deps = fx.hoursDeps(clock);

    await hours.closeAttendance(deps, clock.now());

    expect(await deps.repo.attendance(project.shifts[0]!.id, sub)).toBeUndefined();
  });
});
