import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  inRiyadhWindow,
  nextRiyadhTime,
  riyadhDate,
  riyadhDayBounds,
  riyadhInstant,
  riyadhIsoWeek,
  riyadhLocal,
  riyadhMonth,
  riyadhMonthBounds,
  riyadhTimeOfDay,
  shortRiyadh,
  toRiyadhIso,
} from '../../shared/domain/time.js';

describe('riyadhDate', () => {
  it('moves to the next day at 21:00 UTC', () => {
    expect(riyadhDate(new Date('2026-04-12T20:59:59Z'))).toBe('2026-04-12');
    expect(riyadhDate('2026-04-12T21:00:00Z')).toBe('2026-04-13');
  });
});

describe('riyadhMonth', () => {
  it('puts the last UTC evening of a month in the next Riyadh month', () => {
    expect(riyadhMonth(new Date('2026-01-31T21:30:00Z'))).toBe('2026-02');
  });
});

describe('riyadhMonthBounds', () => {
  it('starts and ends at Riyadh midnight, half-open', () => {
    const { start, end } = riyadhMonthBounds('2026-02');
    expect(start.toISOString()).toBe('2026-01-31T21:00:00.000Z');
    expect(end.toISOString()).toBe('2026-02-28T21:00:00.000Z');
  });

  it('rolls December over into January', () => {
    expect(riyadhMonthBounds('2026-12').end.toISOString()).toBe('2026-12-31T21:00:00.000Z');
  });

  it('takes the month of an instant', () => {
    expect(riyadhMonthBounds(new Date('2026-02-28T21:00:00Z')).start.toISOString()).toBe('2026-02-28T21:00:00.000Z');
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => riyadhMonthBounds('2026-2')).toThrow('month must be YYYY-MM, got "2026-2"');
  });
});

describe('riyadhInstant and riyadhDayBounds', () => {
  it('turns a Riyadh date and time into an instant', () => {
    expect(riyadhInstant('2030-03-14', '07:00').toISOString()).toBe('2030-03-14T04:00:00.000Z');
  });

  it('covers a day of 24 hours from Riyadh midnight', () => {
    const { start, end } = riyadhDayBounds('2030-03-14');
    expect([start.toISOString(), end.toISOString()]).toEqual(['2030-03-13T21:00:00.000Z', '2030-03-14T21:00:00.000Z']);
  });
});

describe('addMonths and addDays', () => {
  it('crosses year boundaries both ways', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('time of day', () => {
  it('reads the Riyadh wall clock', () => {
    expect(riyadhTimeOfDay('2030-03-13T20:30:00Z')).toBe('23:30');
    expect(riyadhLocal(new Date('2030-03-16T21:00:00Z'))).toEqual({ minuteOfWeek: 0, dateInt: 20300317 });
  });

  it('finds the next 07:00 after a late evening and after an early morning', () => {
    expect(nextRiyadhTime(new Date('2030-03-13T20:30:00Z'), '07:00').toISOString()).toBe('2030-03-14T04:00:00.000Z');
    expect(nextRiyadhTime(new Date('2030-03-13T00:10:30Z'), '07:00').toISOString()).toBe('2030-03-13T04:00:00.000Z');
  });

  it('tells whether an instant is inside a window that wraps midnight', () => {
    const quiet = { from: '22:00', to: '07:00' };
    expect(inRiyadhWindow('2030-03-13T19:30:00Z', quiet)).toBe(true);
    expect(inRiyadhWindow('2030-03-13T04:00:00Z', quiet)).toBe(false);
  });

  it('rejects a time of day that is not HH:mm', () => {
    expect(() => nextRiyadhTime(new Date(), '7:00')).toThrow('time of day must be HH:mm, got "7:00"');
  });
});

describe('formatting', () => {
  it('writes ISO 8601 with the +03:00 offset and the compact SMS form', () => {
    expect(toRiyadhIso('2030-03-14T04:00:00Z')).toBe('2030-03-14T07:00:00+03:00');
    expect(shortRiyadh('2030-03-13T21:05:00Z')).toBe('14/03 00:05');
  });

  it('gives the ISO week in Riyadh', () => {
    expect(riyadhIsoWeek('2025-03-02T23:30:00Z')).toBe('2025-W10');
  });
});
