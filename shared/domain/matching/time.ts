/**
 * Weekly time in Asia/Riyadh, as bitsets of 30-minute slots: a week has 336 slots
 * (Sunday 00:00 is slot 0), stored in 11 32-bit words. Availability is a bitset; a shift is
 * the list of (word, mask) pairs it covers, so the overlap of a shift with a volunteer's
 * week is a handful of AND + popcount operations, with no Date arithmetic per pair.
 * Riyadh local time comes from shared/domain/time.ts.
 */
import { riyadhLocal } from '../time.js';

export const SLOT_MINUTES = 30;
export const SLOTS_PER_WEEK = (7 * 24 * 60) / SLOT_MINUTES;
export const WEEK_WORDS = /* @__PURE__ */ (() =>
  Math.ceil(SLOTS_PER_WEEK / 32))();

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Bitset of the slots fully inside the weekly availability (partial slots do not count). */
export const availabilityBits = (
  slots: readonly { day: WeekdayName; from: string; to: string }[],
  into: Int32Array = new Int32Array(WEEK_WORDS),
  offset = 0,
): Int32Array => {
  for (const slot of slots) {
    const base = WEEKDAYS.indexOf(slot.day) * (24 * 60);
    const first = Math.ceil((base + minutesOf(slot.from)) / SLOT_MINUTES);
    const last = Math.floor((base + minutesOf(slot.to)) / SLOT_MINUTES);
    for (let s = first; s < last; s++) into[offset + (s >>> 5)]! |= 1 << (s & 31);
  }
  return into;
};

/** A shift as the weekly slots it touches: `words[i]` word index, `masks[i]` bits, `slots` their count. */
export interface ShiftSlots {
  readonly words: Int32Array;
  readonly masks: Int32Array;
  readonly slots: number;
}

/** The weekly slots a shift touches (partly or wholly), wrapping past Saturday; at most one week. */
export const shiftSlots = (start: Date, end: Date): ShiftSlots => {
  const from = riyadhLocal(start).minuteOfWeek;
  const length = Math.max(1, Math.round((end.getTime() - start.getTime()) / 60_000));
  const first = Math.floor(from / SLOT_MINUTES);
  const count = Math.min(SLOTS_PER_WEEK, Math.ceil((from + length) / SLOT_MINUTES) - first);
  const byWord = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const s = (first + i) % SLOTS_PER_WEEK;
    byWord.set(s >>> 5, (byWord.get(s >>> 5) ?? 0) | (1 << (s & 31)));
  }
  return { words: Int32Array.from(byWord.keys()), masks: Int32Array.from(byWord.values()), slots: count };
};

/** Number of set bits of a 32-bit integer. */
export const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
};

/** `YYYY-MM-DD` → yyyymmdd, so that whole years between two dates are `floor((b - a) / 10000)`. */
export const dateInt = (isoDate: string): number =>
  Number(isoDate.slice(0, 4)) * 10_000 + Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10));

