import { describe, expect, it } from 'vitest';
import type { MatchOpportunity, MatchVolunteer } from '../../shared/domain/matching/schema.js';
import { score } from '../../shared/domain/matching/score.js';
import { shiftSlots } from '../../shared/domain/matching/time.js';
import { riyadhIsoWeek } from '../../shared/domain/time.js';
import { limits, maxScore, weights } from '../../shared/domain/matching/weights.js';

// Sunday 2 March 2025, 09:00 in Riyadh.
const NOW = new Date('2025-03-02T06:00:00Z');

const volunteer = (over: Partial<MatchVolunteer> = {}): MatchVolunteer => ({
  id: 'vol-1',
  birthDate: '1995-06-15',
  city: 'riyadh',
  skills: [{ name: 'first-aid', level: 'advanced' }],
  professions: ['doctor'],
  languages: ['ar', 'en'],
  // Tuesdays 17:00–22:00 Riyadh time.
  availability: [{ day: 'tue', from: '17:00', to: '22:00' }],
  interests: ['health'],
  ...over,
});

const opportunity = (over: Partial<MatchOpportunity> = {}): MatchOpportunity => ({
  id: 'opp-1',
  orgId: 'org-1',
  titleAr: 'عيادة',
  titleEn: 'Clinic',
  category: 'health',
  city: 'riyadh',
  remote: false,
  skills: [{ name: 'first-aid', level: 'intermediate' }],
  professions: ['doctor'],
  languages: ['ar'],
  // Tuesday 4 March 2025, 18:00–20:00 Riyadh (15:00–17:00 UTC).
  shifts: [{ id: 'shift-1', start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' }],
  ...over,
});

const reason = (result: ReturnType<typeof score>, code: string) => result.reasons.find((r) => r.code === code);

describe('score', () => {
  it('matches a remote four-week project (its period is its one shift) to a volunteer with the profession and weekly availability', () => {
    const project = opportunity({ remote: true, shifts: [{ id: 'period-1', start: '2025-03-03T06:00:00Z', end: '2025-03-31T06:00:00Z' }] });

    const result = score(volunteer(), project, NOW);

    expect(result).toMatchObject({ eligible: true, shiftId: 'period-1' });
    expect(reason(result, 'profession')).toEqual({ code: 'profession', detail: 'doctor', points: weights.profession });
    expect(reason(result, 'availability')).toMatchObject({ shiftId: 'period-1' });
  });

  it('gives a perfect fit every point and explains each factor', () => {
    const result = score(volunteer(), opportunity(), NOW);
    expect(result).toMatchObject({ eligible: true, score: maxScore, shiftId: 'shift-1', exclusions: [] });
    expect(result.reasons.map((r) => r.code).sort()).toEqual(['availability', 'distance', 'interest', 'language', 'profession', 'skill']);
    expect(reason(result, 'profession')).toEqual({ code: 'profession', detail: 'doctor', points: weights.profession });
    expect(reason(result, 'distance')).toEqual({ code: 'distance', km: 0, points: weights.distance });
  });

  it('sums to 100 with the documented weights', () => {
    expect(maxScore).toBe(100);
  });

  it('excludes a volunteer without any required profession', () => {
    const result = score(volunteer({ professions: ['teacher'] }), opportunity({ professions: ['doctor', 'nurse'] }), NOW);
    expect(result.eligible).toBe(false);
    expect(result.exclusions).toContainEqual({ code: 'profession-missing', required: ['doctor', 'nurse'] });
  });

  it('accepts any one of several required professions', () => {
    const result = score(volunteer({ professions: ['nurse'] }), opportunity({ professions: ['doctor', 'nurse'] }), NOW);
    expect(reason(result, 'profession')).toEqual({ code: 'profession', detail: 'nurse', points: weights.profession });
  });

  it('excludes a volunteer who meets no required skill at its level', () => {
    const result = score(
      volunteer({ skills: [{ name: 'first-aid', level: 'beginner' }] }),
      opportunity({ skills: [{ name: 'first-aid', level: 'advanced' }] }),
      NOW,
    );
    expect(result.eligible).toBe(false);
    expect(result.exclusions).toContainEqual({ code: 'skill-missing', required: ['first-aid'] });
  });

  it('gives half a skill share for a lower level once another skill meets the gate', () => {
    const result = score(
      volunteer({ skills: [{ name: 'first-aid', level: 'expert' }, { name: 'cpr', level: 'beginner' }] }),
      opportunity({ skills: [{ name: 'first-aid', level: 'advanced' }, { name: 'cpr', level: 'advanced' }] }),
      NOW,
    );
    expect(result.eligible).toBe(true);
    const skills = result.reasons.filter((r) => r.code === 'skill');
    expect(skills).toEqual([
      { code: 'skill', detail: 'first-aid', required: 'advanced', level: 'expert', met: true, points: 10 },
      { code: 'skill', detail: 'cpr', required: 'advanced', level: 'beginner', met: false, points: 5 },
    ]);
  });

  it('scores distance linearly from the volunteer location to the opportunity', () => {
    // ~11.1 km north of the Riyadh centre.
    const result = score(volunteer({ location: { lat: 24.8136, lon: 46.6753 } }), opportunity(), NOW);
    const distance = reason(result, 'distance');
    expect(distance).toMatchObject({ code: 'distance', km: 11.1 });
    expect(distance && 'points' in distance ? distance.points : 0).toBeCloseTo(weights.distance * (1 - 11.12 / limits.maxDistanceKm), 1);
  });

  it('excludes an on-site opportunity beyond the maximum distance', () => {
    const result = score(volunteer({ city: 'jeddah' }), opportunity(), NOW);
    expect(result.eligible).toBe(false);
    expect(result.exclusions).toContainEqual({ code: 'too-far', km: 845, maxKm: limits.maxDistanceKm });
  });

  it('matches a remote opportunity from anywhere with half the distance points', () => {
    const result = score(volunteer({ city: 'tabuk' }), opportunity({ remote: true }), NOW);
    expect(result.eligible).toBe(true);
    expect(reason(result, 'remote')).toEqual({ code: 'remote', points: weights.distance / 2 });
  });

  it('excludes a volunteer whose weekly availability meets no shift', () => {
    const result = score(volunteer({ availability: [{ day: 'fri', from: '08:00', to: '12:00' }] }), opportunity(), NOW);
    expect(result.exclusions).toEqual([{ code: 'no-availability' }]);
  });

  it('admits a shift a week or more ahead outside the weekly availability, with no availability points (issue 11)', () => {
    // Tuesday 11 March, nine days ahead; the volunteer gives Friday mornings only.
    const later = opportunity({ shifts: [{ id: 'later', start: '2025-03-11T15:00:00Z', end: '2025-03-11T17:00:00Z' }] });

    const result = score(volunteer({ availability: [{ day: 'fri', from: '08:00', to: '12:00' }] }), later, NOW);

    expect(result).toMatchObject({ eligible: true, shiftId: 'later', score: maxScore - weights.availability });
    expect(reason(result, 'availability')).toEqual({ code: 'availability', shiftId: 'later', overlap: 0, points: 0 });
    expect(limits.availabilityHardWithinDays).toBe(7);
  });

  it('recommends a later shift inside the availability over an earlier one outside it', () => {
    const result = score(
      volunteer(),
      opportunity({
        shifts: [
          { id: 'friday', start: '2025-03-14T06:00:00Z', end: '2025-03-14T08:00:00Z' },
          { id: 'tuesday', start: '2025-03-18T15:00:00Z', end: '2025-03-18T17:00:00Z' },
        ],
      }),
      NOW,
    );
    expect(result.shiftId).toBe('tuesday');
  });

  it('reads shift times in Asia/Riyadh, not UTC', () => {
    // 15:00–17:00 UTC is 18:00–20:00 in Riyadh: inside 17:00–22:00, outside a 15:00–17:00 window.
    const utcReading = score(volunteer({ availability: [{ day: 'tue', from: '15:00', to: '17:00' }] }), opportunity(), NOW);
    expect(utcReading.eligible).toBe(false);
  });

  it('credits partial overlap and recommends the best shift', () => {
    const result = score(
      volunteer({ availability: [{ day: 'tue', from: '19:00', to: '22:00' }, { day: 'wed', from: '17:00', to: '22:00' }] }),
      opportunity({
        shifts: [
          { id: 'half', start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' },
          { id: 'full', start: '2025-03-05T15:00:00Z', end: '2025-03-05T17:00:00Z' },
        ],
      }),
      NOW,
    );
    expect(result.shiftId).toBe('full');
    expect(reason(result, 'availability')).toEqual({ code: 'availability', shiftId: 'full', overlap: 1, points: weights.availability });
  });

  it('credits half the availability points for a shift half inside the window', () => {
    const result = score(volunteer({ availability: [{ day: 'tue', from: '19:00', to: '22:00' }] }), opportunity(), NOW);
    expect(reason(result, 'availability')).toEqual({ code: 'availability', shiftId: 'shift-1', overlap: 0.5, points: weights.availability / 2 });
  });

  it('ignores shifts that already started', () => {
    const result = score(volunteer(), opportunity({ shifts: [{ id: 'past', start: '2025-03-01T15:00:00Z', end: '2025-03-01T17:00:00Z' }] }), NOW);
    expect(result.exclusions).toEqual([{ code: 'no-future-shift' }]);
  });

  it('excludes a volunteer under the minimum age on every shift day', () => {
    const result = score(volunteer({ birthDate: '2008-03-10' }), opportunity({ minAge: 18 }), NOW);
    expect(result.exclusions).toEqual([{ code: 'under-min-age', minAge: 18 }]);
  });

  it('admits a volunteer who reaches the minimum age by a later shift', () => {
    const result = score(
      volunteer({ birthDate: '2007-03-10' }),
      opportunity({
        minAge: 18,
        shifts: [
          { id: 'before-birthday', start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' },
          { id: 'after-birthday', start: '2025-03-11T15:00:00Z', end: '2025-03-11T17:00:00Z' },
        ],
      }),
      NOW,
    );
    expect(result.shiftId).toBe('after-birthday');
  });

  it('awards the interest points only for a cause the volunteer chose', () => {
    const result = score(volunteer({ interests: ['education'] }), opportunity(), NOW);
    expect(reason(result, 'interest')).toBeUndefined();
    expect(result.score).toBe(maxScore - weights.interest);
  });

  it('awards the share of working languages spoken, Arabic when none is stated', () => {
    const partial = score(volunteer({ languages: ['ar'] }), opportunity({ languages: ['ar', 'ur'] }), NOW);
    expect(reason(partial, 'language')).toEqual({ code: 'language', detail: ['ar'], points: weights.language / 2 });
    const { languages: _unused, ...unstated } = opportunity();
    expect(reason(score(volunteer({ languages: ['en'] }), unstated, NOW), 'language')).toBeUndefined();
  });

  it('scores an open opportunity without profession or skill points', () => {
    const result = score(volunteer(), opportunity({ professions: [], skills: [] }), NOW);
    expect(result.score).toBe(maxScore - weights.profession - weights.skills);
  });

  it('lists every broken rule of an excluded pair', () => {
    const result = score(volunteer({ city: 'jeddah', professions: [] }), opportunity(), NOW);
    expect(result.exclusions.map((e) => e.code)).toEqual(['profession-missing', 'too-far']);
    expect(result.score).toBe(0);
  });
});

describe('time in Asia/Riyadh', () => {
  it('maps a UTC shift to its Riyadh weekly slots', () => {
    // Tuesday 18:00 Riyadh = slot (2 × 48 + 36) = 132: word 4, bits 4–7 for two hours.
    const slots = shiftSlots(new Date('2025-03-04T15:00:00Z'), new Date('2025-03-04T17:00:00Z'));
    expect([...slots.words]).toEqual([4]);
    expect(slots.masks[0]).toBe(0b1111 << 4);
    expect(slots.slots).toBe(4);
  });

  it('names the ISO week of the Riyadh date', () => {
    // Sunday 23:30 UTC is Monday 02:30 in Riyadh: already the next ISO week.
    expect(riyadhIsoWeek(new Date('2025-03-02T23:30:00Z'))).toBe('2025-W10');
    expect(riyadhIsoWeek(new Date('2025-03-02T20:00:00Z'))).toBe('2025-W09');
  });
});
