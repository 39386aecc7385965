/**
 * Attendance and verified hours (issue 19), pure over its ports.
 *
 * Check-in (rotating code) → check-out creates a `pending` hours record whose minutes are
 * clamped to the shift, never overlap time already credited and stay within 12 h per Riyadh
 * day across all organisations (credit.ts over the volunteer's day ledgers, written in the
 * same transaction). The HoursVerification workflow waits for the managers; a decision is one
 * conditional write (a second one → 409, two at once → one wins), then resumes the workflow.
 * Approved hours are immutable: only a ministry-admin reversal (a reversing entry) takes them back.
 */
import { assertNotSelf, hasGroup, managesOrganization, requireGroup, type Caller } from '../caller.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { domainEvent } from '../events.js';
import { missingTrainings } from '../training/gate.js';
import { distanceKm } from '../reference/cities.js';
import { addMonths, riyadhDate, riyadhMonth } from '../time.js';
import { currentCode, qrText, verifyCode, withinCodeWindow } from './attendance-code.js';
import { creditShift, roomOn, type DayLedger, type Interval } from './credit.js';
import {
  AttendanceAlreadyRecordedError,
  HoursAlreadyDecidedError,
  HoursFieldError,
  HoursNotDisputableError,
  HoursNotReversibleError,
  InvalidAttendanceCodeError,
  LedgerChangedError,
  NotCheckedInError,
} from './errors.js';
import { hoursFacts, placeOf, trackOf, valueOf } from './facts.js';
import type { AnyEvent, HoursCodeDeps, HoursDecisionDeps, HoursDeps, HoursReadDeps, HoursRepository, HoursWorkflowDeps, HoursWrite, Seat, ShiftWithOpportunity, WithStore } from './ports.js';

/** What the lists and the valuation rates use: the hours store and the clock and ids (no volunteer or training reads). */
type HoursListDeps = Pick<HoursReadDeps, 'repo' | 'clock' | 'ids'>;
/** The store methods a helper calls (each function names the store it uses, so a handler wires only those parts: issue 17). */
type Store<K extends keyof HoursRepository> = { readonly repo: Pick<HoursRepository, K> };
/** A decision (one or in bulk): the record, the ledgers it releases, the rate it values the minutes at, the write. */
type DecisionDeps = WithStore<HoursDecisionDeps, 'get' | 'ledgers' | 'rateOn' | 'write'>;
import {
  toHoursView,
  type AttendanceDispute,
  type AttendanceRecord,
  type AttendanceSummary,
  type CheckIn,
  type DeliverableConfirmation,
  type HoursClaim,
  type HoursDecision,
  type HoursFlag,
  type HoursRecord,
  type HoursStatus,
  type NoShowDispute,
  type PutValuationRates,
  type RosterEntry,
  type ValuationRate,
} from './schema.js';

export const DEFAULT_RADIUS_M = 500;
export const DISPUTE_DAYS = 14;
const DAY_MS = 86_400_000;
/** Rounds of read → transaction when the volunteer's day ledgers move meanwhile. */
const LEDGER_ROUNDS = 8;

const iso = (d: Date) => d.toISOString();
const event = <T extends Parameters<typeof domainEvent>[0]>(deps: Pick<HoursDeps, 'ids' | 'clock'>, type: T, detail: Parameters<typeof domainEvent<T>>[1]) =>
  domainEvent(type, detail, { id: deps.ids(), time: deps.clock.now() }) as AnyEvent;

// ── Who may do what ──────────────────────────────────────────────────────────

const findShift = async (deps: Store<'shift'>, shiftId: string): Promise<ShiftWithOpportunity> => {
  const found = await deps.repo.shift(shiftId);
  if (!found) throw new NotFoundError(`no shift ${shiftId}`);
  return found;
};

const managedShift = async (deps: Store<'shift'>, caller: Caller, shiftId: string): Promise<ShiftWithOpportunity> => {
  const found = await deps.repo.shift(shiftId);
  if (!found || !managesOrganization(caller, found.opportunity.orgId)) throw new NotFoundError(`no shift ${shiftId}`);
  return found;
};

/** The record, if the caller may decide on it: its organisation's managers; ministry reviewers once escalated. */
const decidable = async (deps: Store<'get'>, caller: Caller, hoursId: string): Promise<HoursRecord> => {
  const record = await deps.repo.get(hoursId);
  const allowed = record && (managesOrganization(caller, record.orgId) || (record.flags.includes('escalated') && hasGroup(caller, 'ministry-reviewer', 'ministry-admin')));
  if (!record || !allowed) throw new NotFoundError(`no hours record ${hoursId}`);
  assertNotSelf(caller, record.volunteerId, `hours record ${record.id}`);
  return record;
};

// ── Attendance codes ─────────────────────────────────────────────────────────
/** A project's period is not a shift one checks in to: its hours are claimed (POST /v1/opportunities/{id}/hours). */
const refuseProject = (opportunity: ShiftWithOpportunity['opportunity']) => {
  if (opportunity.kind === 'project') {
    throw new HoursFieldError('shiftId', `opportunity ${opportunity.id} is a project: claim its hours with POST /v1/opportunities/${opportunity.id}/hours`, 'project-hours-are-claimed');
  }
};

export const attendanceCode = async (deps: WithStore<HoursListDeps & Pick<HoursDeps, 'codeKey'>, 'shift'>, caller: Caller, shiftId: string) => {
  const { shift, opportunity } = await managedShift(deps, caller, shiftId);
  refuseProject(opportunity);
  const now = deps.clock.now();
  if (!withinCodeWindow(shift, now)) {
    throw new HoursFieldError('shiftId', `attendance codes of this shift are accepted from 1 h before its start (${shift.start}) to 2 h after its end (${shift.end})`, 'outside-attendance-window');
  }
  const { code, expiresAt } = currentCode(await deps.codeKey(), shift.id, now);
  return { code, qr: qrText(shift.id, code), expiresAt };
};

const checkCode = async (deps: Pick<HoursDeps, 'codeKey'>, shift: ShiftWithOpportunity['shift'], code: string, now: Date) => {
  if (!withinCodeWindow(shift, now)) throw new InvalidAttendanceCodeError('codes of this shift are accepted from 1 h before its start to 2 h after its end');
  if (!verifyCode(await deps.codeKey(), shift.id, code, now)) throw new InvalidAttendanceCodeError('the code is wrong, expired or of another shift');
};

// ── Check-in, check-out, roster ──────────────────────────────────────────────
const requireSeat = async (deps: Store<'seat'>, volunteerId: string, shift: ShiftWithOpportunity['shift']): Promise<Seat> => {
  const seat = await deps.repo.seat(volunteerId, shift);
  if (!seat) throw new ForbiddenError('only volunteers with an approved seat on this shift can check in');
  return seat;
};

export const checkIn = async (deps: WithStore<HoursCodeDeps, 'shift' | 'seat' | 'attendance' | 'write'>, caller: Caller, shiftId: string, body: CheckIn) => {
  const volunteer = requireGroup(caller, 'volunteer');
  const { shift, opportunity } = await findShift(deps, shiftId);
  await requireSeat(deps, volunteer.sub, shift);
  refuseProject(opportunity);
  const existing = await deps.repo.attendance(shift.id, volunteer.sub);
  // The training gate again (issue 13): a completion may have expired since the approval.
  const missing = await missingTrainings(deps.training, volunteer.sub, opportunity.trainingModules ?? [], existing?.checkedInAt ? new Date(existing.checkedInAt) : deps.clock.now());
  const training = missing.length > 0 ? { trainingMissing: missing } : {};
  if (existing?.checkedInAt) return { checkedInAt: existing.checkedInAt, outsideRadius: existing.outsideRadius, ...training };
  if (existing) throw new AttendanceAlreadyRecordedError(`attendance on shift ${shift.id} is already recorded (${existing.status})`);
  const now = deps.clock.now();
  await checkCode(deps, shift, body.code, now);
  const distanceM =
    body.location && opportunity.location && !opportunity.remote ? Math.round(distanceKm(body.location, opportunity.location) * 1000) : undefined;
  const radius = (opportunity as { radiusM?: number }).radiusM ?? DEFAULT_RADIUS_M;
  const record: AttendanceRecord = {
    shiftId: shift.id,
    opportunityId: opportunity.id,
    orgId: opportunity.orgId,
    volunteerId: volunteer.sub,
    shiftStart: shift.start,
    shiftEnd: shift.end,
    status: 'checked-in',
    checkedInAt: iso(now),
    outsideRadius: distanceM !== undefined && distanceM > radius,
    ...(distanceM !== undefined && { distanceM }),
    by: 'code',
    at: iso(now),
  };
  try {
    await deps.repo.write({
      attendance: { record },
      events: [
        event(deps, 'VolunteerCheckedIn', {
          volunteerId: record.volunteerId,
          orgId: record.orgId,
          opportunityId: record.opportunityId,
          shiftId: record.shiftId,
          checkedInAt: record.checkedInAt!,
          outsideRadius: record.outsideRadius,
          by: 'code',
        }),
        ...(missing.length > 0
          ? [
              event(deps, 'TrainingMissingAtCheckIn', {
                volunteerId: record.volunteerId,
                shiftId: record.shiftId,
                opportunityId: record.opportunityId,
                orgId: record.orgId,
                missing,
                checkedInAt: record.checkedInAt!,
              }),
            ]
          : []),
      ],
    });
  } catch (error) {
    // Checked in twice at the same moment: the first one counts, both get its answer.
    if (!(error instanceof AttendanceAlreadyRecordedError)) throw error;
    const first = await deps.repo.attendance(shift.id, volunteer.sub);
    if (!first?.checkedInAt) throw error;
    return { checkedInAt: first.checkedInAt, outsideRadius: first.outsideRadius, ...training };
  }
  return { checkedInAt: record.checkedInAt!, outsideRadius: record.outsideRadius, ...training };
};

const datesOf = (interval: Interval): string[] => {
  const dates = [riyadhDate(interval.start)];
  let cursor = riyadhDate(interval.start);
  const last = riyadhDate(new Date(Math.max(Date.parse(interval.start), Date.parse(interval.end) - 1)));
  while (cursor < last) {
    cursor = riyadhDate(new Date(Date.parse(`${cursor}T12:00:00+03:00`) + DAY_MS));
    dates.push(cursor);
  }
  return dates;
};

/** The ledgers after adding (or removing) a record's intervals and minutes. */
const ledgerChanges = (volunteerId: string, seen: readonly DayLedger[], hoursId: string, byDay: Record<string, number>, intervals: readonly Interval[], sign: 1 | -1): NonNullable<HoursWrite['ledgers']> =>
  seen
    .filter((l) => byDay[l.date] !== undefined)
    .map((l) => ({
      volunteerId,
      seen: l,
      next: {
        date: l.date,
        minutes: Math.max(0, l.minutes + sign * byDay[l.date]!),
        intervals:
          sign === 1
            ? [...l.intervals, ...intervals.filter((i) => riyadhDate(i.start) === l.date).map((i) => ({ ...i, hoursId }))]
            : l.intervals.filter((i) => i.hoursId !== hoursId),
      },
    }));

const minutesByDay = (intervals: readonly Interval[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of intervals) out[riyadhDate(i.start)] = (out[riyadhDate(i.start)] ?? 0) + Math.round((Date.parse(i.end) - Date.parse(i.start)) / 60_000);
  return out;
};

interface NewHours {
  readonly volunteerId: string;
  readonly found: ShiftWithOpportunity;
  readonly worked: Interval;
  readonly flags: HoursFlag[];
  readonly attendance: { record: AttendanceRecord; expect?: AttendanceRecord['status']; disputed?: 'open' };
  readonly extraEvents?: AnyEvent[];
  readonly extraCounters?: NonNullable<HoursWrite['counters']>;
  readonly id?: string;
}

/** Credits worked time of a shift and writes the pending record with everything it touches; retried while ledgers move. */
const createShiftHours = async (deps: WithStore<HoursWorkflowDeps, 'ledgers' | 'write'>, input: NewHours): Promise<HoursRecord> => {
  const { shift, opportunity } = input.found;
  const volunteer = await deps.volunteers.get(input.volunteerId);
  const id = input.id ?? deps.ids();
  for (let round = 1; ; round++) {
    const window = { start: shift.start, end: shift.end };
    const clampedStart = new Date(Math.max(Date.parse(input.worked.start), Date.parse(shift.start)));
    const dates = datesOf({ start: iso(clampedStart), end: iso(new Date(Math.max(clampedStart.getTime() + 1, Math.min(Date.parse(input.worked.end), Date.parse(shift.end))))) });
    const ledgers = await deps.repo.ledgers(input.volunteerId, dates);
    const credit = creditShift(input.worked, window, ledgers);
    const now = iso(deps.clock.now());
    const record: HoursRecord = {
      id,
      volunteerId: input.volunteerId,
      orgId: opportunity.orgId,
      opportunityId: opportunity.id,
      shiftId: shift.id,
      kind: 'shift',
      date: riyadhDate(credit.intervals[0]?.start ?? shift.start),
      startedAt: credit.intervals[0]?.start ?? iso(clampedStart),
      endedAt: credit.intervals.at(-1)?.end ?? iso(clampedStart),
      intervals: [...credit.intervals],
      requestedMinutes: credit.minutes,
      minutes: credit.minutes,
      status: 'pending',
      ...trackOf(opportunity, volunteer),
      ...placeOf(opportunity),
      flags: [...new Set([...input.flags, ...credit.flags])],
      round: 1,
      version: 1,
      createdAt: now,
      updatedAt: now,
      decisions: [],
    };
    try {
      await deps.repo.write({
        hours: { record },
        attendance: {
          record: { ...input.attendance.record, hoursId: id },
          ...(input.attendance.expect && { expect: input.attendance.expect }),
          ...(input.attendance.disputed && { disputed: input.attendance.disputed }),
        },
        ledgers: ledgerChanges(input.volunteerId, ledgers, id, credit.byDay, credit.intervals, 1),
        counters: [{ volunteerId: input.volunteerId, month: riyadhMonth(shift.start), counter: 'attended' }, ...(input.extraCounters ?? [])],
        events: [...(input.extraEvents ?? []), pendingEvent(deps, record, { reminder: false, escalated: false })],
      });
      await deps.workflow.start(record.id, 1);
      return record;
    } catch (error) {
      if (!(error instanceof LedgerChangedError) || round >= LEDGER_ROUNDS) throw error;
    }
  }
};

const pendingEvent = (deps: Pick<HoursDeps, 'ids' | 'clock'>, record: HoursRecord, options: { reminder: boolean; escalated: boolean }) =>
  event(deps, 'HoursPending', {
    ...hoursFacts(record),
    reminder: options.reminder,
    escalated: options.escalated,
    ...(record.flags.includes('auto-closed') && { autoClosed: true }),
    at: iso(deps.clock.now()),
  });

const checkOutAnswer = (record: HoursRecord) => ({ hoursId: record.id, minutes: record.requestedMinutes, status: record.status, flags: record.flags });

export const checkOut = async (deps: WithStore<HoursWorkflowDeps & Pick<HoursDeps, 'codeKey'>, 'shift' | 'attendance' | 'get' | 'ledgers' | 'write'>, caller: Caller, shiftId: string, body: { code?: string | undefined }) => {
  const volunteer = requireGroup(caller, 'volunteer');
  const found = await findShift(deps, shiftId);
  const attendance = await deps.repo.attendance(found.shift.id, volunteer.sub);
  if (attendance?.hoursId) {
    const record = await deps.repo.get(attendance.hoursId);
    if (record) return checkOutAnswer(record);
  }
  if (!attendance || attendance.status !== 'checked-in') throw new NotCheckedInError(`no open check-in on shift ${found.shift.id}`);
  const now = deps.clock.now();
  if (body.code !== undefined) await checkCode(deps, found.shift, body.code, now);
  return checkOutAnswer(await closeCheckIn(deps, found, attendance, now, false));
};

const closeCheckIn = async (deps: WithStore<HoursWorkflowDeps, 'attendance' | 'get' | 'ledgers' | 'write'>, found: ShiftWithOpportunity, attendance: AttendanceRecord, at: Date, auto: boolean): Promise<HoursRecord> => {
  const end = auto ? found.shift.end : iso(at);
  const flags: HoursFlag[] = [...(auto ? (['auto-closed'] as const) : []), ...(attendance.outsideRadius ? (['outside-radius'] as const) : [])];
  try {
    return await createShiftHours(deps, {
      volunteerId: attendance.volunteerId,
      found,
      worked: { start: attendance.checkedInAt!, end },
      flags,
      attendance: { record: { ...attendance, status: 'checked-out', checkedOutAt: end, ...(auto && { autoClosed: true }), at: iso(at) }, expect: 'checked-in' },
    });
  } catch (error) {
    if (!(error instanceof AttendanceAlreadyRecordedError)) throw error;
    // Checked out twice at once: answer with the record the first one wrote.
    const now = await deps.repo.attendance(attendance.shiftId, attendance.volunteerId);
    const record = now?.hoursId ? await deps.repo.get(now.hoursId) : undefined;
    if (!record) throw error;
    return record;
  }
};

const noShowEvent = (deps: Pick<HoursDeps, 'ids' | 'clock'>, seat: Pick<Seat, 'volunteerId' | 'orgId' | 'opportunityId' | 'shiftId' | 'start' | 'end'>, place: { city: string; region: string }, by: string, disputeUntil: string) =>
  event(deps, 'VolunteerNoShow', {
    volunteerId: seat.volunteerId,
    orgId: seat.orgId,
    opportunityId: seat.opportunityId,
    shiftId: seat.shiftId,
    date: riyadhDate(seat.start),
    shiftStart: seat.start,
    shiftEnd: seat.end,
    city: place.city,
    region: place.region,
    by,
    disputeUntil,
    at: iso(deps.clock.now()),
  });

/** The roster: a manager records a volunteer present (with times, default the shift) or absent (a no-show). */
export const recordAttendance = async (deps: WithStore<HoursWorkflowDeps, 'shift' | 'seat' | 'attendance' | 'ledgers' | 'write'>, caller: Caller, shiftId: string, entry: RosterEntry) => {
  const found = await managedShift(deps, caller, shiftId);
  assertNotSelf(caller, entry.volunteerId, 'this attendance');
  const { shift, opportunity } = found;
  const seat = await deps.repo.seat(entry.volunteerId, shift);
  if (!seat) throw new HoursFieldError('volunteerId', 'this volunteer holds no approved seat on the shift', 'no-seat');
  const existing = await deps.repo.attendance(shift.id, entry.volunteerId);
  const now = deps.clock.now();
  if (existing?.dispute?.status === 'open') return decideNoShowDispute(deps, caller, found, existing, entry, now);
  if (existing && !(existing.status === 'checked-in' && entry.status === 'present')) {
    throw new AttendanceAlreadyRecordedError(`attendance of ${entry.volunteerId} on shift ${shift.id} is already recorded (${existing.status})`);
  }
  const base: AttendanceRecord = existing ?? {
    shiftId: shift.id,
    opportunityId: opportunity.id,
    orgId: opportunity.orgId,
    volunteerId: entry.volunteerId,
    shiftStart: shift.start,
    shiftEnd: shift.end,
    status: 'checked-in',
    outsideRadius: false,
    by: caller.sub,
    at: iso(now),
  };
  if (entry.status === 'absent') {
    const disputeUntil = iso(new Date(now.getTime() + DISPUTE_DAYS * DAY_MS));
    await deps.repo.write({
      attendance: { record: { ...base, status: 'absent', by: caller.sub, disputeUntil, at: iso(now) } },
      counters: [{ volunteerId: entry.volunteerId, month: riyadhMonth(shift.start), counter: 'noShows' }],
      events: [noShowEvent(deps, seat, placeOf(opportunity), caller.sub, disputeUntil)],
    });
    return { volunteerId: entry.volunteerId, status: 'absent' as const };
  }
  const checkInAt = existing?.checkedInAt ?? entry.checkIn ?? shift.start;
  const checkOutAt = entry.checkOut ?? shift.end;
  if (checkOutAt <= checkInAt) throw new HoursFieldError('checkOut', 'must be after the check-in');
  if (Date.parse(checkOutAt) > now.getTime()) throw new HoursFieldError('checkOut', 'cannot be in the future');
  const record = await createShiftHours(deps, {
    volunteerId: entry.volunteerId,
    found,
    worked: { start: checkInAt, end: checkOutAt },
    flags: ['roster'],
    attendance: { record: { ...base, status: 'checked-out', checkedInAt: checkInAt, checkedOutAt: checkOutAt, by: caller.sub, at: iso(now) }, ...(existing && { expect: 'checked-in' }) },
    ...(!existing && {
      extraEvents: [
        event(deps, 'VolunteerCheckedIn', {
          volunteerId: entry.volunteerId,
          orgId: opportunity.orgId,
          opportunityId: opportunity.id,
          shiftId: shift.id,
          checkedInAt: checkInAt,
          outsideRadius: false,
          by: 'roster',
        }),
      ],
    }),
  });
  return { volunteerId: entry.volunteerId, status: 'checked-out' as const, hoursId: record.id };
};

// ── No-show disputes ─────────────────────────────────────────────────────────
const NO_SHOW: readonly AttendanceRecord['status'][] = ['absent', 'no-show'];

/**
 * A volunteer recorded absent (roster) or a no-show (attendance-close) disputes it within 14
 * days, once, saying why and optionally when they came and left. The managers are told and
 * decide on the roster, once: `present` upholds it (the no-show is taken back from the
 * attendance record and the hours are pending like any check-out), `absent` dismisses it.
 */
export const disputeNoShow = async (deps: WithStore<HoursListDeps, 'shift' | 'attendance' | 'write'>, caller: Caller, shiftId: string, body: NoShowDispute) => {
  const volunteer = requireGroup(caller, 'volunteer');
  const { shift } = await findShift(deps, shiftId);
  const record = await deps.repo.attendance(shift.id, volunteer.sub);
  if (!record || !NO_SHOW.includes(record.status)) throw new NotFoundError(`no absence of yours is recorded on shift ${shift.id}`);
  const now = deps.clock.now();
  const at = iso(now);
  if (record.dispute) throw new HoursNotDisputableError('this absence was already disputed (once)');
  if (!record.disputeUntil || at > record.disputeUntil) throw new HoursNotDisputableError(`the dispute period ended on ${record.disputeUntil ?? record.at}`);
  for (const field of ['checkIn', 'checkOut'] as const) {
    const value = body[field];
    if (value && (value < shift.start || value > shift.end)) throw new HoursFieldError(field, `must be within the shift (${shift.start} to ${shift.end})`);
  }
  const dispute: AttendanceDispute = {
    reason: body.reason,
    at,
    ...(body.checkIn && { checkIn: body.checkIn }),
    ...(body.checkOut && { checkOut: body.checkOut }),
    status: 'open',
  };
  try {
    await deps.repo.write({
      attendance: { record: { ...record, dispute }, expect: record.status, disputed: 'none' },
      events: [
        event(deps, 'NoShowDisputed', {
          volunteerId: record.volunteerId,
          orgId: record.orgId,
          opportunityId: record.opportunityId,
          shiftId: record.shiftId,
          shiftStart: record.shiftStart,
          shiftEnd: record.shiftEnd,
          reason: body.reason,
          ...(body.checkIn && { checkIn: body.checkIn }),
          ...(body.checkOut && { checkOut: body.checkOut }),
          at,
        }),
      ],
    });
  } catch (error) {
    if (error instanceof AttendanceAlreadyRecordedError) throw new HoursNotDisputableError('this absence was disputed meanwhile (once)', { cause: error });
    throw error;
  }
  const { decidedBy: _b, decidedAt: _a, ...view } = dispute;
  return { shiftId: shift.id, status: record.status, dispute: view };
};

const decideNoShowDispute = async (deps: WithStore<HoursWorkflowDeps, 'ledgers' | 'write'>, caller: Caller, found: ShiftWithOpportunity, existing: AttendanceRecord, entry: RosterEntry, now: Date) => {
  const { shift } = found;
  const at = iso(now);
  const open = existing.dispute!;
  const outcome = entry.status === 'present' ? ('upheld' as const) : ('dismissed' as const);
  const dispute: AttendanceDispute = { ...open, status: outcome, decidedBy: caller.sub, decidedAt: at };
  const decided = (hoursId?: string) =>
    event(deps, 'NoShowDisputeDecided', {
      volunteerId: existing.volunteerId,
      orgId: existing.orgId,
      opportunityId: existing.opportunityId,
      shiftId: existing.shiftId,
      date: riyadhDate(existing.shiftStart),
      outcome,
      ...(hoursId && { hoursId }),
      decidedBy: caller.sub,
      at,
    });
  const alreadyDecided = (error: unknown) =>
    error instanceof AttendanceAlreadyRecordedError ? new AttendanceAlreadyRecordedError('this dispute was decided meanwhile (once)', { cause: error }) : error;
  if (outcome === 'dismissed') {
    try {
      await deps.repo.write({ attendance: { record: { ...existing, dispute }, expect: existing.status, disputed: 'open' }, events: [decided()] });
    } catch (error) {
      throw alreadyDecided(error);
    }
    return { volunteerId: entry.volunteerId, status: existing.status, dispute: outcome };
  }
  const checkInAt = entry.checkIn ?? open.checkIn ?? shift.start;
  const checkOutAt = entry.checkOut ?? open.checkOut ?? shift.end;
  if (checkOutAt <= checkInAt) throw new HoursFieldError('checkOut', 'must be after the check-in');
  if (Date.parse(checkOutAt) > now.getTime()) throw new HoursFieldError('checkOut', 'cannot be in the future');
  const id = deps.ids();
  try {
    await createShiftHours(deps, {
      id,
      volunteerId: entry.volunteerId,
      found,
      worked: { start: checkInAt, end: checkOutAt },
      flags: ['roster', 'disputed'],
      attendance: {
        record: { ...existing, status: 'checked-out', checkedInAt: checkInAt, checkedOutAt: checkOutAt, by: caller.sub, at, dispute },
        expect: existing.status,
        disputed: 'open',
      },
      extraCounters: [{ volunteerId: entry.volunteerId, month: riyadhMonth(shift.start), counter: 'noShows', by: -1 }],
      extraEvents: [decided(id)],
    });
  } catch (error) {
    throw alreadyDecided(error);
  }
  return { volunteerId: entry.volunteerId, status: 'checked-out' as const, hoursId: id, dispute: outcome };
};

// ── Claims (projects and remote work) ────────────────────────────────────────
/**
 * A volunteer approved on a project (or a remote opportunity, where no code can be scanned)
 * claims hours: a past Riyadh date within the period they are approved for, at most 12 h a day
 * across everything, never overlapping checked-in time. On a day with credited time the claim
 * must say when it began (`start`), and its interval must not overlap that time; a timed claim
 * is held in the day ledger, so later check-outs cannot overlap it either. On a project, the
 * claim may name the deliverable it went into.
 */
export const claimHours = async (deps: WithStore<HoursWorkflowDeps, 'opportunity' | 'seatsOn' | 'ledgers' | 'write'>, caller: Caller, opportunityId: string, claim: HoursClaim) => {
  const volunteer = requireGroup(caller, 'volunteer');
  const found = await deps.repo.opportunity(opportunityId);
  if (!found) throw new NotFoundError(`no opportunity ${opportunityId}`);
  const { opportunity, shifts } = found;
  const isProject = opportunity.kind === 'project';
  if (!opportunity.remote && !isProject) {
    throw new HoursFieldError('opportunityId', 'hours are claimed only on projects and remote opportunities; on site, check in with the code', 'not-claimable');
  }
  const seats = await deps.repo.seatsOn(volunteer.sub, { id: opportunity.id, shifts });
  if (seats.length === 0) throw new ForbiddenError('only volunteers approved on this opportunity can claim hours on it');
  if (claim.deliverableId !== undefined && !opportunity.project?.deliverables.some((d) => d.id === claim.deliverableId)) {
    throw new HoursFieldError('deliverableId', `opportunity ${opportunity.id} has no deliverable ${claim.deliverableId}`);
  }
  const now = deps.clock.now();
  const today = riyadhDate(now);
  if (claim.date > today) throw new HoursFieldError('date', `must not be in the future (today is ${today} in Riyadh)`);
  const from = riyadhDate(seats.map((s) => s.start).sort()[0]!);
  const to = riyadhDate(new Date(Date.parse(seats.map((s) => s.end).sort().at(-1)!) - 1));
  if (claim.date < from || claim.date > to) throw new HoursFieldError('date', `must be within the period you are approved for (${from} to ${to})`);
  const interval: Interval | undefined = claim.start
    ? (() => {
        const start = new Date(`${claim.date}T${claim.start}:00+03:00`);
        return { start: iso(start), end: iso(new Date(start.getTime() + claim.minutes * 60_000)) };
      })()
    : undefined;
  if (interval && riyadhDate(new Date(Date.parse(interval.end) - 1)) !== claim.date) throw new HoursFieldError('minutes', `the work must end on ${claim.date} (Riyadh): claim the next day separately`);
  if (interval && Date.parse(interval.end) > now.getTime()) throw new HoursFieldError('start', 'the work must have ended already');
  const profile = await deps.volunteers.get(volunteer.sub);
  const id = deps.ids();
  for (let round = 1; ; round++) {
    const [ledger] = await deps.repo.ledgers(volunteer.sub, [claim.date]);
    const room = roomOn(ledger);
    if (claim.minutes > room) {
      throw new HoursFieldError('minutes', `at most 12 h a day across everything: ${room} minutes are left on ${claim.date}`, 'daily-cap');
    }
    if (!interval && ledger!.intervals.length > 0) {
      throw new HoursFieldError('start', `you have checked-in time on ${claim.date}: say when this work began, so it does not overlap it`, 'start-required');
    }
    const clash = interval && ledger!.intervals.find((c) => c.start < interval.end && interval.start < c.end);
    if (clash) throw new HoursFieldError('start', `overlaps time already credited on ${claim.date} (${clash.start} to ${clash.end})`, 'overlap');
    const at = iso(deps.clock.now());
    const record: HoursRecord = {
      id,
      volunteerId: volunteer.sub,
      orgId: opportunity.orgId,
      opportunityId: opportunity.id,
      ...(seats[0] && { shiftId: seats[0].shiftId }),
      kind: 'claim',
      date: claim.date,
      ...(interval && { startedAt: interval.start, endedAt: interval.end }),
      intervals: interval ? [interval] : [],
      requestedMinutes: claim.minutes,
      minutes: claim.minutes,
      status: 'pending',
      ...trackOf(opportunity, profile),
      ...placeOf(opportunity),
      description: claim.description,
      ...(claim.deliverableId && { deliverableId: claim.deliverableId }),
      flags: [],
      round: 1,
      version: 1,
      createdAt: at,
      updatedAt: at,
      decisions: [],
    };
    try {
      await deps.repo.write({
        hours: { record },
        ledgers: [
          {
            volunteerId: volunteer.sub,
            seen: ledger!,
            next: { date: claim.date, minutes: ledger!.minutes + claim.minutes, intervals: [...ledger!.intervals, ...(interval ? [{ ...interval, hoursId: id }] : [])] },
          },
        ],
        events: [pendingEvent(deps, record, { reminder: false, escalated: false })],
      });
      await deps.workflow.start(record.id, 1);
      return { hoursId: record.id, status: record.status, minutes: record.minutes };
    } catch (error) {
      if (!(error instanceof LedgerChangedError) || round >= LEDGER_ROUNDS) throw error;
    }
  }
};

// ── Project deliverables ─────────────────────────────────────────────────────
const projectOf = async (deps: Store<'opportunity'>, opportunityId: string) => {
  const found = await deps.repo.opportunity(opportunityId);
  return found?.opportunity.kind === 'project' && found.opportunity.project ? { ...found, project: found.opportunity.project } : undefined;
};

/** A project's deliverables with their status: its managers, and the volunteers approved on it. */
export const listDeliverables = async (deps: WithStore<HoursListDeps, 'opportunity' | 'seatsOn' | 'deliverables'>, caller: Caller, opportunityId: string) => {
  const found = await projectOf(deps, opportunityId);
  const allowed =
    found &&
    (managesOrganization(caller, found.opportunity.orgId) ||
      (hasGroup(caller, 'volunteer') && (await deps.repo.seatsOn(caller.sub, { id: found.opportunity.id, shifts: found.shifts })).length > 0));
  if (!found || !allowed) throw new NotFoundError(`no project ${opportunityId}`);
  const confirmed = new Map((await deps.repo.deliverables(opportunityId)).map((d) => [d.deliverableId, d]));
  return {
    opportunityId,
    titleAr: found.opportunity.titleAr,
    titleEn: found.opportunity.titleEn,
    estimatedHours: found.project.estimatedHours,
    items: found.project.deliverables.map((d) => {
      const done = confirmed.get(d.id);
      return {
        id: d.id,
        titleAr: d.titleAr,
        titleEn: d.titleEn,
        status: done ? ('confirmed' as const) : ('open' as const),
        ...(done && { confirmedAt: done.confirmedAt, confirmedBy: done.confirmedBy, ...(done.note && { note: done.note }) }),
      };
    }),
  };
};

/** A manager confirms a deliverable as done, once (409 after); transcripts name it from then on. */
export const confirmDeliverable = async (deps: WithStore<HoursListDeps, 'opportunity' | 'confirmDeliverable'>, caller: Caller, opportunityId: string, deliverableId: string, body: DeliverableConfirmation) => {
  const found = await projectOf(deps, opportunityId);
  if (!found || !managesOrganization(caller, found.opportunity.orgId)) throw new NotFoundError(`no project ${opportunityId}`);
  const deliverable = found.project.deliverables.find((d) => d.id === deliverableId);
  if (!deliverable) throw new NotFoundError(`project ${opportunityId} has no deliverable ${deliverableId}`);
  const at = iso(deps.clock.now());
  await deps.repo.confirmDeliverable(
    { opportunityId, deliverableId, confirmedBy: caller.sub, confirmedAt: at, ...(body.note && { note: body.note }) },
    event(deps, 'DeliverableConfirmed', {
      opportunityId,
      orgId: found.opportunity.orgId,
      deliverableId,
      titleAr: deliverable.titleAr,
      titleEn: deliverable.titleEn,
      confirmedBy: caller.sub,
      confirmedAt: at,
    }),
  );
  return { id: deliverableId, titleAr: deliverable.titleAr, titleEn: deliverable.titleEn, status: 'confirmed' as const, confirmedAt: at, confirmedBy: caller.sub, ...(body.note && { note: body.note }) };
};

// ── Decisions ────────────────────────────────────────────────────────────────
/** Valuation: the profession's rate when the track is professional and one exists, else the track's. */
export const rateFor = async (deps: Store<'rateOn'>, record: Pick<HoursRecord, 'track' | 'profession'>, date: string): Promise<number | undefined> => {
  if (record.track === 'professional' && record.profession) {
    const rate = await deps.repo.rateOn({ profession: record.profession }, date);
    if (rate) return rate.sarPerHour;
  }
  return (await deps.repo.rateOn({ track: record.track }, date))?.sarPerHour;
};

/** Releases a record's credit from the ledgers (rejection, reversal). */
const releaseLedgers = async (deps: Store<'ledgers'>, record: HoursRecord): Promise<NonNullable<HoursWrite['ledgers']>> => {
  const byDay = record.intervals.length > 0 ? minutesByDay(record.intervals) : { [record.date]: record.requestedMinutes };
  if (record.disputeOf) return [];
  const seen = await deps.repo.ledgers(record.volunteerId, Object.keys(byDay));
  return ledgerChanges(record.volunteerId, seen, record.id, byDay, record.intervals, -1);
};

/**
 * One decision on a pending record. Approve: the minutes (default the requested ones; other
 * minutes need a reason, and never more than requested), the value frozen from the rate in
 * force, HoursApproved. Reject: a reason, the credit released, HoursRejected. One conditional
 * write: a second decision (or a concurrent one) → 409.
 */
export const decide = async (deps: DecisionDeps, caller: Caller, hoursId: string, body: HoursDecision, known?: HoursRecord) => {
  const record = known ?? (await decidable(deps, caller, hoursId));
  if (record.status !== 'pending') throw new HoursAlreadyDecidedError(`hours ${record.id} are already ${record.status}`);
  const now = deps.clock.now();
  const at = iso(now);
  const minutes = body.decision === 'approve' ? (body.minutes ?? record.requestedMinutes) : 0;
  if (body.decision === 'approve' && minutes > record.requestedMinutes) {
    throw new HoursFieldError('minutes', `cannot approve more than the ${record.requestedMinutes} minutes credited`);
  }
  if (!body.reason && (body.decision === 'reject' || minutes !== record.requestedMinutes)) {
    throw new HoursFieldError('reason', body.decision === 'reject' ? 'a rejection needs a reason' : 'changing the minutes needs a reason');
  }
  const cut = body.decision === 'approve' && minutes < record.requestedMinutes;
  const decision = { decision: body.decision, minutes, ...(body.reason && { reason: body.reason }), by: caller.sub, at, round: record.round };
  const disputable = record.round === 1 && (body.decision === 'reject' || cut);
  const disputeUntil = disputable ? iso(new Date(now.getTime() + DISPUTE_DAYS * DAY_MS)) : undefined;
  const { taskToken, ...rest } = record;
  let write: HoursWrite;
  if (body.decision === 'approve') {
    const valueSar = valueOf(minutes, await rateFor(deps, record, riyadhDate(now)));
    const next: HoursRecord = {
      ...rest,
      status: 'approved',
      minutes,
      valueSar,
      approvedBy: caller.sub,
      approvedAt: at,
      ...(disputeUntil && { disputeUntil }),
      decisions: [...record.decisions, decision],
      version: record.version + 1,
      updatedAt: at,
    };
    write = {
      hours: { record: next, expect: { status: 'pending', version: record.version } },
      events: [event(deps, 'HoursApproved', { ...hoursFacts(next), valueSar, approvedBy: caller.sub, approvedAt: at })],
    };
    await deps.repo.write(write);
    if (taskToken) await deps.workflow.resume(taskToken, { decision: 'approve', by: caller.sub, at });
    return { hoursId: next.id, status: next.status, minutes: next.minutes, valueSar, record: next };
  }
  const next: HoursRecord = {
    ...rest,
    status: 'rejected',
    minutes: 0,
    ...(disputeUntil && { disputeUntil }),
    decisions: [...record.decisions, decision],
    version: record.version + 1,
    updatedAt: at,
  };
  for (let round = 1; ; round++) {
    write = {
      hours: { record: next, expect: { status: 'pending', version: record.version } },
      ledgers: await releaseLedgers(deps, record),
      events: [
        event(deps, 'HoursRejected', {
          ...hoursFacts(next),
          requestedMinutes: record.requestedMinutes,
          reason: body.reason!,
          decidedBy: caller.sub,
          decidedAt: at,
          ...(disputeUntil && { disputeUntil }),
        }),
      ],
    };
    try {
      await deps.repo.write(write);
      break;
    } catch (error) {
      if (!(error instanceof LedgerChangedError) || round >= LEDGER_ROUNDS) throw error;
    }
  }
  if (taskToken) await deps.workflow.resume(taskToken, { decision: 'reject', by: caller.sub, at });
  return { hoursId: next.id, status: next.status, minutes: 0, record: next };
};

export const decideOne = async (deps: DecisionDeps, caller: Caller, hoursId: string, body: HoursDecision) => {
  const { record: _record, ...answer } = await decide(deps, caller, hoursId, body);
  return answer;
};

/** Up to 100 decisions, each on its own: one item's failure never stops the others. */
export const decideBulk = async (deps: DecisionDeps, caller: Caller, orgId: string, items: readonly (HoursDecision & { hoursId: string })[]) => {
  if (!managesOrganization(caller, orgId)) throw new NotFoundError(`no organisation ${orgId}`);
  // One rate lookup per rate key for the whole call, not one per item.
  const rates = new Map<string, ReturnType<HoursDeps['repo']['rateOn']>>();
  const rateOn: HoursDeps['repo']['rateOn'] = (key, date) => {
    const k = `${key}@${date}`;
    if (!rates.has(k)) rates.set(k, deps.repo.rateOn(key, date));
    return rates.get(k)!;
  };
  const bulkDeps: DecisionDeps = { ...deps, repo: { ...deps.repo, rateOn } };
  const outcomes = new Array<{ hoursId: string; status: number; outcome?: HoursStatus; minutes?: number; error?: { code: string; detail: string; errors?: { path: string; message: string }[] } }>(items.length);
  const CONCURRENCY = 8;
  let next = 0;
  const work = async () => {
    while (next < items.length) {
      const index = next++;
      const { hoursId, ...body } = items[index]!;
      try {
        const record = await bulkDeps.repo.get(hoursId);
        if (!record || record.orgId !== orgId) throw new NotFoundError(`no hours record ${hoursId}`);
        assertNotSelf(caller, record.volunteerId, `hours record ${record.id}`);
        const done = await decide(bulkDeps, caller, hoursId, body, record);
        outcomes[index] = { hoursId, status: 200, outcome: done.status, minutes: done.minutes };
      } catch (error) {
        const e = error as { status?: number; code?: string; message: string; errors?: { path: string; message: string }[] };
        if (typeof e.status !== 'number' || e.status >= 500) throw error;
        outcomes[index] = { hoursId, status: e.status, error: { code: e.code ?? 'error', detail: e.message, ...(e.errors && { errors: [...e.errors] }) } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, work));
  const succeeded = outcomes.filter((o) => o.status === 200).length;
  return { items: outcomes, succeeded, failed: outcomes.length - succeeded };
};

// ── Reversal and disputes ────────────────────────────────────────────────────
/** A ministry-admin takes approved hours back: a reversing entry, never an edit of what was approved. */
export const reverse = async (deps: WithStore<HoursListDeps, 'get' | 'ledgers' | 'write'>, caller: Caller, hoursId: string, body: { reason: string }) => {
  const admin = requireGroup(caller, 'ministry-admin');
  const record = await deps.repo.get(hoursId);
  if (!record) throw new NotFoundError(`no hours record ${hoursId}`);
  if (record.status !== 'approved') throw new HoursNotReversibleError(`only approved hours can be reversed; these are ${record.status}`);
  const at = iso(deps.clock.now());
  const reversalId = deps.ids();
  const next: HoursRecord = { ...record, status: 'reversed', reversal: { reversalId, reason: body.reason, by: admin.sub, at }, version: record.version + 1, updatedAt: at };
  for (let round = 1; ; round++) {
    try {
      await deps.repo.write({
        hours: { record: next, expect: { status: 'approved', version: record.version } },
        reversal: { hoursId, reversalId, reason: body.reason, by: admin.sub, at },
        ledgers: await releaseLedgers(deps, record),
        events: [
          event(deps, 'HoursReversed', {
            hoursId,
            reversalId,
            volunteerId: record.volunteerId,
            orgId: record.orgId,
            opportunityId: record.opportunityId,
            minutes: Math.max(1, record.minutes),
            valueSar: record.valueSar ?? 0,
            track: record.track,
            causes: record.causes,
            city: record.city,
            region: record.region,
            date: record.date,
            reason: body.reason,
            reversedBy: admin.sub,
            reversedAt: at,
            ...(record.companyId && { companyId: record.companyId }),
            ...(record.programId && { programId: record.programId }),
          }),
        ],
      });
      return { hoursId, reversalId, status: 'reversed' as const };
    } catch (error) {
      if (error instanceof HoursAlreadyDecidedError) throw new HoursNotReversibleError(`hours ${hoursId} were reversed meanwhile`, { cause: error });
      if (!(error instanceof LedgerChangedError) || round >= LEDGER_ROUNDS) throw error;
    }
  }
};

/**
 * The volunteer disputes a rejection or a cut within 14 days, once; the managers decide again
 * (final). A rejected record becomes pending again (its credit taken again, if it still fits);
 * a cut stays approved (approved hours never change) and the disputed difference becomes a
 * new pending record that refers to it.
 */
export const dispute = async (deps: WithStore<HoursDecisionDeps, 'get' | 'ledgers' | 'write'>, caller: Caller, hoursId: string, body: { minutes: number; reason: string }) => {
  const volunteer = requireGroup(caller, 'volunteer');
  const record = await deps.repo.get(hoursId);
  if (!record || record.volunteerId !== volunteer.sub) throw new NotFoundError(`no hours record ${hoursId}`);
  const now = deps.clock.now();
  const at = iso(now);
  const cut = record.status === 'approved' && record.minutes < record.requestedMinutes;
  if (record.round !== 1 || record.dispute || !record.disputeUntil || !(record.status === 'rejected' || cut)) {
    throw new HoursNotDisputableError('only a first rejection or cut can be disputed, once');
  }
  if (at > record.disputeUntil) throw new HoursNotDisputableError(`the dispute period ended on ${record.disputeUntil}`);
  if (body.minutes > record.requestedMinutes) throw new HoursFieldError('minutes', `at most the ${record.requestedMinutes} minutes credited`);
  if (cut && body.minutes <= record.minutes) throw new HoursFieldError('minutes', `more than the ${record.minutes} minutes approved`);
  const disputeEvent = event(deps, 'HoursDisputed', {
    hoursId,
    volunteerId: record.volunteerId,
    orgId: record.orgId,
    opportunityId: record.opportunityId,
    minutes: body.minutes,
    reason: body.reason,
    at,
  });
  if (cut) {
    const { taskToken: _t, ...approved } = record;
    const supplement: HoursRecord = {
      ...approved,
      id: deps.ids(),
      intervals: [],
      requestedMinutes: body.minutes - record.minutes,
      minutes: body.minutes - record.minutes,
      status: 'pending',
      flags: [...record.flags.filter((f) => f !== 'escalated'), 'disputed'],
      round: 2,
      version: 1,
      createdAt: at,
      updatedAt: at,
      decisions: [],
      disputeOf: record.id,
      dispute: { minutes: body.minutes, reason: body.reason, at },
    };
    delete (supplement as Partial<HoursRecord>).valueSar;
    delete (supplement as Partial<HoursRecord>).approvedBy;
    delete (supplement as Partial<HoursRecord>).approvedAt;
    delete (supplement as Partial<HoursRecord>).disputeUntil;
    await deps.repo.write({
      hours: { record: supplement },
      events: [disputeEvent, pendingEvent(deps, supplement, { reminder: false, escalated: false })],
    });
    // Mark the approved record as disputed without touching what was approved: the dispute field only.
    await deps.repo.write({
      hours: { record: { ...record, dispute: { minutes: body.minutes, reason: body.reason, at }, version: record.version + 1 }, expect: { status: 'approved', version: record.version } },
      events: [],
    });
    await deps.workflow.start(supplement.id, 2);
    return { hoursId: supplement.id, status: supplement.status };
  }
  for (let round = 1; ; round++) {
    const byDay = record.intervals.length > 0 ? minutesByDay(record.intervals) : { [record.date]: body.minutes };
    const seen = await deps.repo.ledgers(record.volunteerId, Object.keys(byDay));
    const fits = seen.every((l) => {
      const taken = record.intervals.filter((i) => riyadhDate(i.start) === l.date);
      const overlaps = taken.some((t) => l.intervals.some((c) => c.start < t.end && t.start < c.end));
      return !overlaps && l.minutes + (byDay[l.date] ?? 0) <= 12 * 60;
    });
    if (!fits) throw new HoursNotDisputableError('this time has been credited elsewhere since the rejection');
    const { taskToken: _t, ...rest } = record;
    const next: HoursRecord = {
      ...rest,
      status: 'pending',
      requestedMinutes: body.minutes,
      minutes: body.minutes,
      round: 2,
      flags: [...record.flags.filter((f) => f !== 'escalated'), 'disputed'],
      dispute: { minutes: body.minutes, reason: body.reason, at },
      version: record.version + 1,
      updatedAt: at,
    };
    try {
      await deps.repo.write({
        hours: { record: next, expect: { status: 'rejected', version: record.version } },
        ledgers: ledgerChanges(record.volunteerId, seen, record.id, byDay, record.intervals, 1),
        events: [disputeEvent, pendingEvent(deps, next, { reminder: false, escalated: false })],
      });
      await deps.workflow.start(record.id, 2);
      return { hoursId, status: next.status };
    } catch (error) {
      if (error instanceof HoursAlreadyDecidedError) throw new HoursNotDisputableError('this record was disputed meanwhile', { cause: error });
      if (!(error instanceof LedgerChangedError) || round >= LEDGER_ROUNDS) throw error;
    }
  }
};

// ── Reads ────────────────────────────────────────────────────────────────────
export const attendanceSince = (now: Date) => addMonths(riyadhMonth(now), -11);

/**
 * The attendance record of each volunteer over the last 12 months (attended, no-shows, late
 * cancellations), from the monthly counters: one Query per volunteer, never a recount. For every
 * view that shows a volunteer to managers: the hours queue, the applications review queue, candidates.
 */
export const attendanceRecordsOf = async (
  repo: Pick<HoursDeps['repo'], 'attendanceSummary'>,
  volunteerIds: readonly string[],
  now: Date,
): Promise<Map<string, AttendanceSummary>> => {
  const since = attendanceSince(now);
  const ids = [...new Set(volunteerIds)];
  const summaries = await Promise.all(ids.map((id) => repo.attendanceSummary(id, since)));
  return new Map(ids.map((id, i) => [id, summaries[i]!]));
};

export const listForOrganization = async (deps: WithStore<HoursListDeps, 'listByOrganization' | 'attendanceSummary'>, caller: Caller, orgId: string, query: { status: HoursStatus; limit: number; cursor?: string | undefined }) => {
  if (!managesOrganization(caller, orgId)) throw new NotFoundError(`no organisation ${orgId}`);
  const page = await deps.repo.listByOrganization(orgId, query.status, query.limit, query.cursor);
  const summaries = await attendanceRecordsOf(deps.repo, page.items.map((r) => r.volunteerId), deps.clock.now());
  return {
    items: page.items.map((r) => ({ ...toHoursView(r), attendance: summaries.get(r.volunteerId)! })),
    ...(page.nextCursor && { nextCursor: page.nextCursor }),
  };
};

export const listMine = async (deps: WithStore<HoursListDeps, 'listByVolunteer' | 'attendanceSummary'>, caller: Caller, query: { limit: number; cursor?: string | undefined }) => {
  const volunteer = requireGroup(caller, 'volunteer');
  const [page, attendance] = await Promise.all([
    deps.repo.listByVolunteer(volunteer.sub, query.limit, query.cursor),
    deps.repo.attendanceSummary(volunteer.sub, attendanceSince(deps.clock.now())),
  ]);
  return { items: page.items.map(toHoursView), ...(page.nextCursor && { nextCursor: page.nextCursor }), attendance };
};

export const listEscalated = async (deps: WithStore<HoursListDeps, 'listEscalated'>, caller: Caller, query: { limit: number; cursor?: string | undefined }) => {
  requireGroup(caller, 'ministry-reviewer', 'ministry-admin');
  const page = await deps.repo.listEscalated(query.limit, query.cursor);
  return { items: page.items.map(toHoursView), ...(page.nextCursor && { nextCursor: page.nextCursor }) };
};

// ── Valuation rates ──────────────────────────────────────────────────────────
/**
 * Sets rates (ministry-admin): each is a new effective-dated entry; nothing already approved
 * changes (approved hours carry the value frozen at approval), and an earlier entry stays in
 * the history. Effective dates in the past are allowed (a correction applies to later approvals only).
 */
export const setValuationRates = async (deps: WithStore<HoursListDeps, 'putRates'>, caller: Caller, body: PutValuationRates) => {
  const admin = requireGroup(caller, 'ministry-admin');
  const at = iso(deps.clock.now());
  const rates: ValuationRate[] = body.rates.map((r) => ({
    ...(r.track && { track: r.track }),
    ...(r.profession && { profession: r.profession }),
    sarPerHour: r.sarPerHour,
    effectiveFrom: r.effectiveFrom,
    setBy: admin.sub,
    setAt: at,
  }));
  await deps.repo.putRates(
    rates,
    event(deps, 'ValuationRatesSet', {
      rates: rates.map(({ setBy: _b, setAt: _a, ...r }) => r),
      setBy: admin.sub,
      at,
    }),
  );
  return { rates };
};

export const valuationRates = async (deps: WithStore<HoursListDeps, 'rates'>, caller: Caller) => {
  requireGroup(caller, 'ministry-admin', 'ministry-reviewer');
  return { rates: await deps.repo.rates() };
};

// ── attendance-close (hourly) ────────────────────────────────────────────────
export const AUTO_CLOSE_AFTER_MS = 2 * 3_600_000;
export const NO_SHOW_AFTER_MS = 24 * 3_600_000;
const NO_SHOW_CURSOR = 'attendance-close#no-shows';

/**
 * Closes check-ins still open 2 h after their shift ended (credited to the shift end, flagged
 * auto-closed), then turns approved seats with neither a check-in nor a roster entry 24 h after
 * the end into no-shows. Idempotent: every change is conditional, the no-show sweep keeps a cursor
 * on shift starts and never moves it past a seat that is not due yet.
 */
export const closeAttendance = async (deps: WithStore<HoursWorkflowDeps, 'shift' | 'opportunity' | 'attendance' | 'openCheckIns' | 'get' | 'ledgers' | 'write' | 'seatsStarting' | 'jobCursor' | 'setJobCursor'>, now: Date) => {
  let autoClosed = 0;
  let noShows = 0;
  // Closed check-ins leave the open index, so each round reads the next ones (a big event's
  // forgotten check-outs are all closed in one run, up to 20 rounds of 500).
  const shifts = new Map<string, ShiftWithOpportunity | undefined>();
  for (let round = 0; round < 20; round++) {
    const open = await deps.repo.openCheckIns(iso(new Date(now.getTime() - AUTO_CLOSE_AFTER_MS)), 500);
    let progressed = false;
    for (const checkIn of open) {
      if (!shifts.has(checkIn.shiftId)) shifts.set(checkIn.shiftId, await deps.repo.shift(checkIn.shiftId));
      const found = shifts.get(checkIn.shiftId);
      if (!found) continue;
      try {
        await closeCheckIn(deps, found, checkIn, now, true);
        autoClosed += 1;
        progressed = true;
      } catch (error) {
        if (!(error instanceof AttendanceAlreadyRecordedError)) throw error;
      }
    }
    if (open.length < 500 || !progressed) break;
  }
  const dueBy = iso(new Date(now.getTime() - NO_SHOW_AFTER_MS));
  const from = (await deps.repo.jobCursor(NO_SHOW_CURSOR)) ?? iso(new Date(now.getTime() - 7 * DAY_MS));
  const seats = from < dueBy ? await deps.repo.seatsStarting(from, dueBy) : [];
  let cursor = dueBy;
  const places = new Map<string, { city: string; region: string; project: boolean }>();
  for (const seat of seats) {
    if (seat.end > dueBy) {
      cursor = seat.start < cursor ? seat.start : cursor;
      continue;
    }
    if (!places.has(seat.opportunityId)) {
      const found = await deps.repo.opportunity(seat.opportunityId);
      places.set(seat.opportunityId, found ? { ...placeOf(found.opportunity), project: found.opportunity.kind === 'project' } : { city: 'unknown', region: 'unknown', project: false });
    }
    // A project's seat is a period of claimed work, not a shift one can miss (issue 19).
    if (places.get(seat.opportunityId)!.project) continue;
    if (await deps.repo.attendance(seat.shiftId, seat.volunteerId)) continue;
    const disputeUntil = iso(new Date(now.getTime() + DISPUTE_DAYS * DAY_MS));
    try {
      await deps.repo.write({
        attendance: {
          record: {
            shiftId: seat.shiftId,
            opportunityId: seat.opportunityId,
            orgId: seat.orgId,
            volunteerId: seat.volunteerId,
            shiftStart: seat.start,
            shiftEnd: seat.end,
            status: 'no-show',
            outsideRadius: false,
            by: 'system',
            disputeUntil,
            at: iso(now),
          },
        },
        counters: [{ volunteerId: seat.volunteerId, month: riyadhMonth(seat.start), counter: 'noShows' }],
        events: [noShowEvent(deps, seat, places.get(seat.opportunityId)!, 'system', disputeUntil)],
      });
      noShows += 1;
    } catch (error) {
      if (!(error instanceof AttendanceAlreadyRecordedError)) throw error;
    }
  }
  if (seats.length > 0 || from < dueBy) await deps.repo.setJobCursor(NO_SHOW_CURSOR, cursor);
  return { autoClosed, noShows, seatsChecked: seats.length };
};

// ── Late cancellations ───────────────────────────────────────────────────────
export const LATE_CANCELLATION_MS = 24 * 3_600_000;

/**
 * Giving up an approved seat less than 24 h before the shift start counts once in the
 * volunteer's attendance record. A withdrawal that held no seat (submitted, pending, waitlisted)
 * is not a cancellation of anything; an event that does not say what was left is not counted.
 */
export const countLateCancellation = async (
  deps: WithStore<HoursListDeps, 'write'>,
  withdrawal: { applicationId: string; volunteerId: string; shiftStart: string; at: string; seatFreed?: boolean | undefined },
) => {
  if (withdrawal.seatFreed !== true) return { counted: false };
  const before = Date.parse(withdrawal.shiftStart) - Date.parse(withdrawal.at);
  if (before >= LATE_CANCELLATION_MS || before < 0) return { counted: false };
  try {
    await deps.repo.write({
      once: { kind: 'late-cancellation', id: withdrawal.applicationId },
      counters: [{ volunteerId: withdrawal.volunteerId, month: riyadhMonth(withdrawal.shiftStart), counter: 'lateCancellations' }],
      events: [],
    });
  } catch (error) {
    if (error instanceof AttendanceAlreadyRecordedError) return { counted: false };
    throw error;
  }
  return { counted: true };
};

// ── HoursVerification steps ──────────────────────────────────────────────────
export interface VerificationInput {
  readonly hoursId: string;
  readonly round: number;
}

const stillPending = async (deps: Store<'get'>, input: VerificationInput): Promise<HoursRecord | undefined> => {
  const record = await deps.repo.get(input.hoursId);
  return record && record.status === 'pending' && record.round === input.round ? record : undefined;
};

/** AwaitDecision: keeps the task token on the record; a record decided meanwhile ends the execution (HoursDecided). */
export const awaitDecision = async (deps: WithStore<HoursListDeps, 'storeTaskToken'>, input: VerificationInput, taskToken: string) => {
  await deps.repo.storeTaskToken(input.hoursId, input.round, taskToken);
};

/** 7 days without a decision: the managers are reminded (HoursPending, reminder). */
export const remindManagers = async (deps: WithStore<HoursListDeps, 'get' | 'write'>, input: VerificationInput) => {
  const record = await stillPending(deps, input);
  if (!record) return { ...input, decided: true };
  await deps.repo.write({ events: [pendingEvent(deps, record, { reminder: true, escalated: false })] });
  return { ...input, decided: false };
};

/** 14 days without a decision: the record joins the ministry reviewers' queue. Never approved by itself. */
export const escalate = async (deps: WithStore<HoursListDeps, 'get' | 'write'>, input: VerificationInput) => {
  const record = await stillPending(deps, input);
  if (!record) return { ...input, decided: true };
  const at = iso(deps.clock.now());
  const next: HoursRecord = { ...record, flags: [...new Set([...record.flags, 'escalated' as const])], version: record.version + 1, updatedAt: at };
  try {
    await deps.repo.write({
      hours: { record: next, expect: { status: 'pending', version: record.version } },
      events: [pendingEvent(deps, next, { reminder: true, escalated: true })],
    });
  } catch (error) {
    if (error instanceof HoursAlreadyDecidedError) return { ...input, decided: true };
    throw error;
  }
  return { ...input, decided: false };
};
