/**
 * Calendar months (`YYYY-MM`) and quarters in Asia/Riyadh, the unit of every impact aggregate.
 * Instants become Riyadh days and months through the one time module (shared/domain/time.ts);
 * this file only adds integer month arithmetic and quarters.
 */
import { riyadhMonthBounds } from '../time.js';

export { riyadhDate, riyadhMonth } from '../time.js';

export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string): boolean => MONTH.test(value);

/** Months since year 0, so month arithmetic is integer arithmetic. */
export const monthIndex = (month: Month): number => {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
};

export const monthAt = (index: number): Month => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

export const addMonths = (month: Month, n: number): Month => monthAt(monthIndex(month) + n);

export const monthsBetween = (from: Month, to: Month): number => monthIndex(to) - monthIndex(from);

/** Every month from `from` to `to`, both included. */
export const monthRange = (from: Month, to: Month): Month[] => {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthAt(i));
  return out;
};

/** The instant a Riyadh month starts (its 1st at 00:00 Riyadh). */
export const riyadhMonthStart = (month: Month): Date => riyadhMonthBounds(month).start;

/** `2026-Q2` for any month of April–June 2026. */
export const quarterOf = (month: Month): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** The first month of the quarter that holds `month`. */
export const quarterStart = (month: Month): Month => monthAt(monthIndex(month) - (monthIndex(month) % 3));
