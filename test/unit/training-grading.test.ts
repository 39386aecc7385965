import { describe, expect, it } from 'vitest';
import { grade, isValidAt, missingModules, nextAttemptAt, recentAttempts, validUntilOf } from '../../shared/domain/training/grading.js';

const q = (answer: number) => ({ textAr: 'س', textEn: 'q', options: [{ ar: 'أ', en: 'a' }, { ar: 'ب', en: 'b' }, { ar: 'ج', en: 'c' }], answer });
const quiz = (passMark: number) => ({ questions: [q(0), q(1), q(2)], passMark });

describe('grade', () => {
  it('rounds the percent down, so 2 of 3 (66.7 %) does not pass a mark of 67', () => {
    expect(grade(quiz(67), [0, 1, 0])).toEqual({ score: 66, passed: false });
  });

  it('passes at exactly the pass mark', () => {
    expect(grade(quiz(66), [0, 1, 0])).toEqual({ score: 66, passed: true });
  });

  it('counts a missing answer as wrong', () => {
    expect(grade(quiz(0), [0])).toEqual({ score: 33, passed: true });
  });

  it('passes a module without questions by acknowledging it', () => {
    expect(grade({ questions: [], passMark: 100 }, [])).toEqual({ score: 100, passed: true });
  });
});

describe('validity', () => {
  it('ends validityDays × 24 h after completion, or never', () => {
    expect(validUntilOf(new Date('2026-01-01T10:00:00.000Z'), 30)).toBe('2026-01-31T10:00:00.000Z');
    expect(validUntilOf(new Date('2026-01-01T10:00:00.000Z'), null)).toBeUndefined();
  });

  it('counts a completion as valid strictly before validUntil', () => {
    expect(isValidAt({ validUntil: '2026-01-31T10:00:00.000Z' }, new Date('2026-01-31T09:59:59.999Z'))).toBe(true);
    expect(isValidAt({ validUntil: '2026-01-31T10:00:00.000Z' }, new Date('2026-01-31T10:00:00.000Z'))).toBe(false);
    expect(isValidAt({}, new Date('2099-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('lists the required modules without a valid completion, in order', () => {
    const at = new Date('2026-02-01T00:00:00.000Z');
    const completions = [
      { trainingId: 'a', validUntil: '2026-03-01T00:00:00.000Z' },
      { trainingId: 'b', validUntil: '2026-01-01T00:00:00.000Z' },
      { trainingId: 'd' },
    ];
    expect(missingModules(['a', 'b', 'c', 'd'], completions, at)).toEqual(['b', 'c']);
  });
});

describe('the attempt window', () => {
  const now = new Date('2026-01-02T12:00:00.000Z');

  it('keeps only the attempts of the last 24 hours', () => {
    expect(recentAttempts(['2026-01-01T11:59:59.000Z', '2026-01-01T12:00:01.000Z'], now)).toEqual(['2026-01-01T12:00:01.000Z']);
  });

  it('allows an attempt while fewer than 3 fall in the window', () => {
    expect(nextAttemptAt(['2026-01-01T10:00:00.000Z', '2026-01-02T09:00:00.000Z', '2026-01-02T10:00:00.000Z'], now)).toBeUndefined();
  });

  it('names when the oldest of the last 3 attempts leaves the window', () => {
    expect(nextAttemptAt(['2026-01-02T08:00:00.000Z', '2026-01-02T09:00:00.000Z', '2026-01-02T10:00:00.000Z'], now)).toBe('2026-01-03T08:00:00.000Z');
  });
});
