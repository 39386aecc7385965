import { describe, expect, it } from 'vitest';
import { ApplicationDecision, SubmitApplication } from '../../shared/domain/applications/schema.js';
import { immediateFailures, overlappingBooking, overlaps, screen, type ScreeningFacts } from '../../shared/domain/applications/screening.js';
import { toView } from '../../shared/domain/applications/service.js';
import type { OpportunityRecord, ShiftRecord } from '../../shared/domain/opportunities/schema.js';
import { currentCharter } from '../../shared/domain/volunteers/documents/index.js';
import type { VolunteerRecord } from '../../shared/domain/volunteers/schema.js';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const at = NOW.toISOString();

const profile = (overrides: Partial<VolunteerRecord> = {}): VolunteerRecord => ({
  id: 'vol-1',
  nameAr: 'سارة',
  nameEn: 'Sarah',
  birthDate: '2000-06-10',
  email: 'sarah@example.sa',
  phone: '+966501234567',
  city: 'riyadh',
  skills: [],
  professions: ['nurse'],
  languages: ['ar'],
  availability: [],
  interests: [],
  preferences: { email: true, sms: false, locale: 'ar' },
  nationalIdMasked: '1*****4567',
  nationalIdHash: 'h',
  consent: { email: { granted: true, changedAt: at }, sms: { granted: false, changedAt: at } },
  acceptedCharterVersion: currentCharter().version,
  createdAt: at,
  updatedAt: at,
  revision: 1,
  ...overrides,
});

const opportunity = (overrides: Partial<OpportunityRecord> = {}): OpportunityRecord => ({
  id: 'opp-1',
  orgId: 'org-1',
  status: 'published',
  titleAr: 'فرصة',
  titleEn: 'Opportunity',
  descriptionAr: 'وصف',
  descriptionEn: 'Description',
  category: 'health',
  city: 'riyadh',
  remote: false,
  skills: [],
  professions: [],
  requiresApproval: true,
  trainingModules: [],
  firstShiftStart: '2026-06-10T05:00:00.000Z',
  lastShiftEnd: '2026-06-10T09:00:00.000Z',
  createdBy: 'm',
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

const shift: ShiftRecord = { id: 'shift-1', opportunityId: 'opp-1', orgId: 'org-1', start: '2026-06-10T05:00:00.000Z', end: '2026-06-10T09:00:00.000Z', capacity: 5, seatsTaken: 0 };

const facts = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({
  now: NOW,
  applicationId: 'app-1',
  profile: profile(),
  opportunity: opportunity(),
  shift,
  markerApplicationId: 'app-1',
  missingTraining: [],
  bookings: [],
  ...overrides,
});

const rules = (f: ScreeningFacts) => screen(f).map((failure) => failure.rule);

describe('screening', () => {
  it('passes an eligible volunteer', () => {
    expect(screen(facts())).toEqual([]);
  });

  it('names a missing profile', () => {
    expect(rules(facts({ profile: undefined }))).toEqual(['profile']);
  });

  it('names an incomplete profile with the missing fields', () => {
    const [failure] = screen(facts({ profile: profile({ phone: '' }) }));
    expect(failure).toEqual({ rule: 'profile', message: 'profile is incomplete: phone missing' });
  });

  it('names a charter accepted in an older version', () => {
    expect(rules(facts({ profile: profile({ acceptedCharterVersion: '2020-1' }) }))).toEqual(['charter']);
  });

  it('compares the age on the shift day with the minimum age', () => {
    // 26 on 2026-06-10 (birthday on the 10th), 25 the day before.
    expect(rules(facts({ opportunity: opportunity({ minAge: 26 }) }))).toEqual([]);
    expect(rules(facts({ opportunity: opportunity({ minAge: 26 }), profile: profile({ birthDate: '2000-06-11' }) }))).toEqual(['age']);
  });

  it('needs one of the listed professions', () => {
    expect(rules(facts({ opportunity: opportunity({ professions: ['doctor', 'nurse'] }) }))).toEqual([]);
    expect(rules(facts({ opportunity: opportunity({ professions: ['lawyer'] }) }))).toEqual(['professions']);
  });

  it('names training with the missing modules when a required completion is absent or expired', () => {
    const [failure] = screen(facts({ opportunity: opportunity({ trainingModules: ['first-aid-basics', 'ethics'] }), missingTraining: ['ethics'] }));
    expect(failure).toEqual({ rule: 'training', message: 'training not completed or expired: ethics' });
    expect(rules(facts({ opportunity: opportunity({ trainingModules: ['first-aid-basics'] }), missingTraining: [] }))).toEqual([]);
  });

  it('names an unpublished opportunity and a shift that has started', () => {
    expect(rules(facts({ opportunity: opportunity({ status: 'closed' }), now: new Date(shift.start) }))).toEqual(['opportunity.status', 'shift.start']);
  });

  it('names a marker held by another application', () => {
    expect(rules(facts({ markerApplicationId: 'app-0' }))).toEqual(['shiftId']);
  });

  it('names an overlapping approved booking', () => {
    const booking = { shiftId: 'other', applicationId: 'app-9', start: '2026-06-10T08:00:00.000Z', end: '2026-06-10T12:00:00.000Z' };
    expect(rules(facts({ bookings: [booking] }))).toEqual(['overlap']);
  });

  it('lists every failure, not only the first', () => {
    expect(rules(facts({ profile: profile({ acceptedCharterVersion: undefined, birthDate: '2014-01-01' }), opportunity: opportunity({ minAge: 18 }) }))).toEqual([
      'charter',
      'age',
    ]);
  });

  it('refuses at once only what needs no other record', () => {
    expect(immediateFailures({ now: NOW, profile: profile(), opportunity: opportunity({ minAge: 99 }), shift })).toEqual([]);
    expect(immediateFailures({ now: NOW, profile: undefined, opportunity: opportunity(), shift }).map((f) => f.rule)).toEqual(['profile']);
  });
});

describe('overlap', () => {
  const a = { start: '2026-06-10T05:00:00.000Z', end: '2026-06-10T09:00:00.000Z' };

  it('counts intervals that share time', () => {
    expect(overlaps(a, { start: '2026-06-10T08:59:00.000Z', end: '2026-06-10T10:00:00.000Z' })).toBe(true);
    expect(overlaps(a, { start: '2026-06-10T04:00:00.000Z', end: '2026-06-10T12:00:00.000Z' })).toBe(true);
  });

  it('does not count back-to-back shifts', () => {
    expect(overlaps(a, { start: a.end, end: '2026-06-10T10:00:00.000Z' })).toBe(false);
    expect(overlaps(a, { start: '2026-06-10T01:00:00.000Z', end: a.start })).toBe(false);
  });

  it('ignores the booking of the same shift', () => {
    expect(overlappingBooking({ id: 'shift-1', ...a }, [{ shiftId: 'shift-1', applicationId: 'x', ...a }])).toBeUndefined();
  });
});

describe('application shapes', () => {
  it('bounds the motivation', () => {
    const result = SubmitApplication.safeParse({ shiftId: '01JS2ZR7M1N5P8Q2R6S9T3V7W5', motivation: 'x'.repeat(2001) });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['motivation']);
  });

  it('requires a reason to reject', () => {
    expect(ApplicationDecision.safeParse({ decision: 'reject' }).success).toBe(false);
    expect(ApplicationDecision.safeParse({ decision: 'approve' }).success).toBe(true);
  });

  it('never shows the task token in a view', () => {
    const view = toView({
      id: 'a',
      volunteerId: 'v',
      opportunityId: 'o',
      orgId: 'g',
      shiftId: 's',
      shiftStart: shift.start,
      shiftEnd: shift.end,
      requiresApproval: true,
      status: 'pending',
      version: 2,
      createdAt: at,
      updatedAt: at,
      taskToken: 'secret-token',
    });
    expect(JSON.stringify(view)).not.toContain('secret-token');
  });
});
