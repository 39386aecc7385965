/**
 * The platform's one time zone: Asia/Riyadh. Saudi Arabia keeps UTC+03:00 all year (no
 * daylight saving time), so a fixed offset is exact and far cheaper than a time-zone
 * database lookup: every calendar question (which day, which month, which week, what time
 * of day) is answered here by shifting the instant by three hours and reading its UTC
 * fields. Pure functions of an instant; no clock is read here.
 *
 * Dates are `YYYY-MM-DD`, months `YYYY-MM`, times of day `HH:mm` (24-hour), all in Riyadh.
 * Ranges are half-open: `[start, end)`.
 */

/** The IANA name, for Intl, EventBridge Scheduler and calendar files. */
export const PLATFORM_TIME_ZONE = 'Asia/Riyadh';
export const RIYADH_OFFSET_MINUTES = 180;
/** The offset as ISO 8601 writes it. */
export const RIYADH_OFFSET = '+03:00';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const OFFSET_MS = RIYADH_OFFSET_MINUTES * MINUTE;

type Instant = Date | string | number;
const ms = (instant: Instant): number => (instant instanceof Date ? instant.getTime() : new Date(instant).getTime());

/** A Date whose UTC fields read as Riyadh wall-clock time (internal: never store or compare it). */
const wallClock = (instant: Instant): Date => new Date(ms(instant) + OFFSET_MS);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of an `HH:mm` time of day; throws on anything else. */
export const minutesOfDay = (hhmm: string): number => {
  const match = TIME_OF_DAY.exec(hhmm);
  if (!match) throw new Error(`time of day must be HH:mm, got "${hhmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/** The Riyadh calendar date of an instant, `YYYY-MM-DD`. */
export const riyadhDate = (instant: Instant): string => wallClock(instant).toISOString().slice(0, 10);

/** The Riyadh calendar month of an instant, `YYYY-MM`. */
export const riyadhMonth = (instant: Instant): string => wallClock(instant).toISOString().slice(0, 7);

/** The Riyadh time of day of an instant, `HH:mm`. */
export const riyadhTimeOfDay = (instant: Instant): string => wallClock(instant).toISOString().slice(11, 16);

/** Minutes since Riyadh midnight (0–1439). */
export const riyadhMinuteOfDay = (instant: Instant): number => {
  const local = wallClock(instant);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

/** Riyadh local time as minutes since Sunday 00:00 and the date as the integer yyyymmdd. */
export const riyadhLocal = (instant: Instant): { minuteOfWeek: number; dateInt: number } => {
  const local = wallClock(instant);
  return {
    minuteOfWeek: local.getUTCDay() * 1440 + local.getUTCHours() * 60 + local.getUTCMinutes(),
    dateInt: local.getUTCFullYear() * 10_000 + (local.getUTCMonth() + 1) * 100 + local.getUTCDate(),
  };
};

/** ISO 8601 week of an instant in Riyadh, e.g. `2025-W07`. */
export const riyadhIsoWeek = (instant: Instant): string => {
  const local = wallClock(instant);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const weekday = (local.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(day + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${pad(week)}`;
};

/** The instant of a Riyadh date and time of day (default midnight), e.g. `riyadhInstant('2030-03-14', '07:00')`. */
export const riyadhInstant = (date: string, hhmm = '00:00'): Date => {
  const match = DATE.exec(date);
  if (!match) throw new Error(`date must be YYYY-MM-DD, got "${date}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + minutesOfDay(hhmm) * MINUTE - OFFSET_MS);
};

/** A Riyadh day as the half-open range of instants `[start, end)`. */
export const riyadhDayBounds = (date: string): { start: Date; end: Date } => {
  const start = riyadhInstant(date);
  return { start, end: new Date(start.getTime() + DAY) };
};

/** A Riyadh calendar month (`YYYY-MM`, or the month of an instant) as the half-open range `[start, end)`. */
export const riyadhMonthBounds = (month: string | Date): { start: Date; end: Date } => {
  const text = month instanceof Date ? riyadhMonth(month) : month;
  const match = MONTH.exec(text);
  if (!match) throw new Error(`month must be YYYY-MM, got "${text}"`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    start: new Date(Date.UTC(year, index, 1) - OFFSET_MS),
    end: new Date(Date.UTC(year, index + 1, 1) - OFFSET_MS),
  };
};

/** `YYYY-MM` of the month `delta` months after `month` (negative for earlier). */
export const addMonths = (month: string, delta: number): string => {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`month must be YYYY-MM, got "${month}"`);
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`;
};

/** `YYYY-MM-DD` of the day `delta` days after `date`. */
export const addDays = (date: string, delta: number): string =>
  new Date(riyadhInstant(date).getTime() + OFFSET_MS + delta * DAY).toISOString().slice(0, 10);

/**
 * The first minute at or after `at` whose Riyadh time of day is `hhmm` (seconds dropped), e.g.
 * when quiet hours end.
 */
export const nextRiyadhTime = (at: Instant, hhmm: string): Date => {
  const diff = (minutesOfDay(hhmm) - riyadhMinuteOfDay(at) + 1440) % 1440;
  const next = new Date(ms(at) + diff * MINUTE);
  next.setUTCSeconds(0, 0);
  return next;
};

/** True when the instant's Riyadh time of day is in `[from, to)`; the window may wrap midnight. */
export const inRiyadhWindow = (at: Instant, window: { readonly from: string; readonly to: string }): boolean => {
  const now = riyadhMinuteOfDay(at);
  const from = minutesOfDay(window.from);
  const to = minutesOfDay(window.to);
  return from < to ? now >= from && now < to : now >= from || now < to;
};

/** ISO 8601 with the Riyadh offset, e.g. `2030-03-14T07:00:00+03:00` (for people and calendars; store UTC). */
export const toRiyadhIso = (instant: Instant): string => `${wallClock(instant).toISOString().slice(0, 19)}${RIYADH_OFFSET}`;

/** `Intl.DateTimeFormat` in Riyadh time: `formatRiyadh(at, 'en-GB', { dateStyle: 'long' })`. */
export const formatRiyadh = (instant: Instant, locale: string, options: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: PLATFORM_TIME_ZONE }).format(new Date(ms(instant)));

/** `DD/MM HH:mm` in Riyadh, Latin digits: the compact form an SMS uses. */
export const shortRiyadh = (instant: Instant): string => {
  const iso = wallClock(instant).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)} ${iso.slice(11, 16)}`;
};
