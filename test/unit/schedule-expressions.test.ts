import { describe, expect, it } from 'vitest';
import { localCronPattern } from '../../functions/schedules/definition.js';

describe('localCronPattern', () => {
  it('turns a rate expression into an interval', () => {
    expect(localCronPattern('rate(15 minutes)')).toEqual({ every: 15 * 60_000 });
  });

  it('turns a six-field Scheduler cron into a five-field local pattern', () => {
    expect(localCronPattern('cron(0 * * * ? *)')).toEqual({ pattern: '0 * * * *' });
  });

  it('refuses numeric days of week, which EventBridge and cron number differently', () => {
    expect(() => localCronPattern('cron(0 9 ? * 1 *)')).toThrow(/day-of-week names/);
  });

  it('refuses an expression it does not understand, showing it', () => {
    expect(() => localCronPattern('every day')).toThrow(/"every day"/);
  });
});
