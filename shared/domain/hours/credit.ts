/**
 * What time of a shift or claim may be credited, as pure functions over the volunteer's day
 * ledgers (one per Riyadh day, across every organisation):
 * - clamped to the shift window: no credit before the start or after the end;
 * - never twice for the same time: time already credited (pending or approved) is cut out;
 * - at most 12 h per volunteer per Riyadh day: what is over the cap is not credited.
 * Each cut is named in `flags`, so the manager sees why the minutes are fewer.
 */
import { riyadhDate, riyadhDayBounds } from '../time.js';

export const DAILY_CAP_MINUTES = 12 * 60;
const MINUTE = 60_000;

export interface Interval {
  readonly start: string;
  readonly end: string;
}

export interface CreditedInterval extends Interval {
  readonly hoursId: string;
}

/** A volunteer's credited time on one Riyadh day (`version` guards the conditional write). */
export interface DayLedger {
  readonly date: string;
  readonly minutes: number;
  readonly intervals: readonly CreditedInterval[];
  /** 0 when the ledger item does not exist yet. */
  readonly version: number;
}

export type CreditFlag = 'clamped' | 'overlap' | 'daily-cap';

export interface Credit {
  /** Whole minutes credited. */
  readonly minutes: number;
  /** The credited pieces (after clamping, cutting overlaps and the cap). */
  readonly intervals: readonly Interval[];
  /** Minutes credited per Riyadh day (the ledgers to update). */
  readonly byDay: Readonly<Record<string, number>>;
  readonly flags: readonly CreditFlag[];
}

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
export const minutesOf = (interval: Interval): number => Math.floor((ms(interval.end) - ms(interval.start)) / MINUTE);

/** `[start, end)` cut at Riyadh midnights. */
export const splitByRiyadhDay = (interval: Interval): Interval[] => {
  const pieces: Interval[] = [];
  let start = ms(interval.start);
  const end = ms(interval.end);
  while (start < end) {
    const midnight = riyadhDayBounds(riyadhDate(start)).end.getTime();
    const stop = Math.min(end, midnight);
    pieces.push({ start: iso(start), end: iso(stop) });
    start = stop;
  }
  return pieces;
};

/** `piece` minus every interval of `taken`. */
const subtract = (piece: Interval, taken: readonly Interval[]): Interval[] => {
  let parts: [number, number][] = [[ms(piece.start), ms(piece.end)]];
  for (const t of taken) {
    const [ts, te] = [ms(t.start), ms(t.end)];
    parts = parts.flatMap(([s, e]): [number, number][] => {
      if (te <= s || ts >= e) return [[s, e]];
      return [
        ...(ts > s ? [[s, ts] as [number, number]] : []),
        ...(te < e ? [[te, e] as [number, number]] : []),
      ];
    });
  }
  return parts.map(([s, e]) => ({ start: iso(s), end: iso(e) }));
};

/**
 * What of `worked` may be credited within `window` (the shift), given the day ledgers of the
 * days it touches (missing days are empty).
 */
export const creditShift = (worked: Interval, window: Interval, ledgers: readonly DayLedger[]): Credit => {
  const flags = new Set<CreditFlag>();
  const start = Math.max(ms(worked.start), ms(window.start));
  const end = Math.min(ms(worked.end), ms(window.end));
  if (start !== ms(worked.start) || end !== ms(worked.end)) flags.add('clamped');
  if (end <= start) return { minutes: 0, intervals: [], byDay: {}, flags: [...flags] };

  const byDate = new Map(ledgers.map((l) => [l.date, l]));
  const intervals: Interval[] = [];
  const byDay: Record<string, number> = {};
  for (const piece of splitByRiyadhDay({ start: iso(start), end: iso(end) })) {
    const date = riyadhDate(piece.start);
    const ledger = byDate.get(date);
    const free = subtract(piece, ledger?.intervals ?? []);
    if (free.reduce((n, f) => n + (ms(f.end) - ms(f.start)), 0) < ms(piece.end) - ms(piece.start)) flags.add('overlap');
    let room = DAILY_CAP_MINUTES - (ledger?.minutes ?? 0);
    for (const f of free) {
      if (room <= 0) {
        flags.add('daily-cap');
        break;
      }
      const minutes = minutesOf(f);
      if (minutes <= 0) continue;
      const take = Math.min(minutes, room);
      if (take < minutes) flags.add('daily-cap');
      intervals.push({ start: f.start, end: iso(ms(f.start) + take * MINUTE) });
      byDay[date] = (byDay[date] ?? 0) + take;
      room -= take;
    }
  }
  const minutes = Object.values(byDay).reduce((a, b) => a + b, 0);
  return { minutes, intervals, byDay, flags: [...flags] };
};

/** Room left on a day for a claim (claims carry no times: the cap is what bounds them). */
export const roomOn = (ledger: DayLedger | undefined): number => Math.max(0, DAILY_CAP_MINUTES - (ledger?.minutes ?? 0));
