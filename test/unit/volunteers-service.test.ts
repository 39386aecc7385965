import { describe, expect, it } from 'vitest';
import { eventCatalog } from '../../events/catalog.js';
import registerEvent from '../../events/http/register-volunteer.json' with { type: 'json' };
import type { Clock } from '../../shared/clock.js';
import { charters } from '../../shared/domain/volunteers/documents/index.js';
import {
  AgeOutOfRangeError,
  CharterSupersededError,
  NationalIdTakenError,
  UnknownCharterVersionError,
  VolunteerAlreadyRegisteredError,
  VolunteerNotFoundError,
} from '../../shared/domain/volunteers/errors.js';
import { RegisterVolunteer, type CharterAcceptance, type CharterDocument, type VolunteerRecord } from '../../shared/domain/volunteers/schema.js';
import {
  acceptCharter,
  ageOn,
  getCharter,
  getGuide,
  getProfile,
  hasAcceptedCurrentCharter,
  register,
  updateProfile,
  type ConsentChange,
  type VolunteerPorts,
  type VolunteerRepository,
} from '../../shared/domain/volunteers/service.js';
import type { Caller } from '../../shared/domain/caller.js';
import { riyadhDate } from '../../shared/domain/time.js';
import type { DomainEvent } from '../../shared/domain/events.js';

/** An in-memory repository with the same invariants as the DynamoDB one. */
const fakeRepository = () => {
  const profiles = new Map<string, VolunteerRecord>();
  const nationalIds = new Set<string>();
  const acceptances = new Map<string, CharterAcceptance>();
  const consentTrail: ConsentChange[] = [];
  /** The events each write carried in its transaction. */
  const published: DomainEvent[] = [];
  const repo: VolunteerRepository = {
    async create(record, consent, events = []) {
      if (profiles.has(record.id)) throw new VolunteerAlreadyRegisteredError();
      if (nationalIds.has(record.nationalIdHash)) throw new NationalIdTakenError();
      profiles.set(record.id, structuredClone(record));
      nationalIds.add(record.nationalIdHash);
      consentTrail.push(...consent);
      published.push(...events);
    },
    async get(id) {
      const record = profiles.get(id);
      return record && structuredClone(record);
    },
    async idsByPhone(phone) {
      return [...profiles.values()].filter((p) => p.phone === phone).map((p) => p.id);
    },
    async update(id, changes, expectedRevision, consent, events = []) {
      const current = profiles.get(id);
      if (!current) throw new VolunteerNotFoundError();
      if (current.revision !== expectedRevision) throw new Error('revision mismatch');
      profiles.set(id, { ...current, ...structuredClone(changes) });
      consentTrail.push(...consent);
      published.push(...events);
    },
    async acceptCharter(id, acceptance) {
      const profile = profiles.get(id);
      if (!profile) throw new VolunteerNotFoundError();
      const key = `${id}#${acceptance.version}`;
      const existing = acceptances.get(key);
      if (existing) return { created: false, acceptance: existing };
      acceptances.set(key, acceptance);
      profiles.set(id, { ...profile, acceptedCharterVersion: acceptance.version, charterAcceptedAt: acceptance.acceptedAt });
      return { created: true, acceptance };
    },
  };
  return { repo, profiles, consentTrail, published };
};

const setup = (now = '2026-04-12T09:15:00.000Z') => {
  const { repo, profiles, consentTrail, published } = fakeRepository();
  let current = new Date(now);
  const clock: Clock & { set(iso: string): void } = { now: () => new Date(current), set: (iso) => void (current = new Date(iso)) };
  const ports: VolunteerPorts = {
    repo,
    clock,
    nationalIds: { protect: async (id) => ({ hash: `hash-of-${id.split('').reverse().join('')}`, masked: `******${id.slice(-4)}` }) },
  };
  return { ports, clock, profiles, consentTrail, published };
};

const huda: Caller = { sub: 'user-huda', groups: [] };
const input = (overrides: Record<string, unknown> = {}) =>
  RegisterVolunteer.parse({ ...(JSON.parse(registerEvent.body) as object), ...overrides });

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
  });

  it('lets a 29 February birthday count from 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('riyadhDate', () => {
  it('is already tomorrow in Riyadh at 21:00 UTC', () => {
    expect(riyadhDate(new Date('2026-04-12T21:00:00Z'))).toBe('2026-04-13');
  });
});

describe('register', () => {
  it('returns the profile with the national ID masked and the age', async () => {
    const { ports } = setup();
    const profile = await register(ports, huda, input());
    expect(profile).toMatchObject({ id: 'user-huda', nationalIdMasked: '******5439', age: 29, city: 'jeddah' });
    expect(JSON.stringify(profile)).not.toContain('1098765439');
    expect(profile).not.toHaveProperty('nationalIdHash');
  });

  it('stores only the hash and the masked form of the national ID', async () => {
    const { ports, profiles } = setup();
    await register(ports, huda, input());
    const stored = profiles.get('user-huda');
    expect(stored?.nationalIdHash).toBe('hash-of-9345678901');
    expect(JSON.stringify(stored)).not.toContain('1098765439');
  });

  it('records every initial consent (email, SMS, publication, company reports) with its time and source', async () => {
    const { ports, consentTrail } = setup();
    const profile = await register(ports, huda, input({ preferences: { email: true, sms: false, showAchievements: false } }));
    expect(profile.consent).toEqual({
      email: { granted: true, changedAt: '2026-04-12T09:15:00.000Z' },
      sms: { granted: false, changedAt: '2026-04-12T09:15:00.000Z' },
      publication: { granted: false, changedAt: '2026-04-12T09:15:00.000Z' },
      companyReports: { granted: true, changedAt: '2026-04-12T09:15:00.000Z' },
    });
    expect(consentTrail).toEqual([
      { channel: 'email', granted: true, at: '2026-04-12T09:15:00.000Z', via: 'registration' },
      { channel: 'sms', granted: false, at: '2026-04-12T09:15:00.000Z', via: 'registration' },
      { channel: 'publication', granted: false, at: '2026-04-12T09:15:00.000Z', via: 'registration' },
      { channel: 'companyReports', granted: true, at: '2026-04-12T09:15:00.000Z', via: 'registration' },
    ]);
  });

  it('publishes VolunteerRegistered with a detail that meets its contract', async () => {
    const { ports, published } = setup();
    await register(ports, huda, input());
    expect(published.map((e) => e.type)).toEqual(['VolunteerRegistered']);
    const detail = eventCatalog.VolunteerRegistered.detail.parse(published[0]?.detail);
    expect(detail).toMatchObject({ volunteerId: 'user-huda', city: 'jeddah', region: 'makkah', locale: 'ar' });
  });

  it('puts no national ID and no contact data in the event', async () => {
    const { ports, published } = setup();
    await register(ports, huda, input());
    const text = JSON.stringify(published);
    for (const secret of ['1098765439', '5439', 'huda.alharbi@example.com', '+966501234567', 'هدى']) expect(text).not.toContain(secret);
  });

  it('accepts a volunteer who turns 12 today (Riyadh time)', async () => {
    const { ports } = setup('2026-04-11T21:30:00Z');
    await expect(register(ports, huda, input({ birthDate: '2014-04-12' }))).resolves.toMatchObject({ age: 12 });
  });

  it('refuses a volunteer younger than 12', async () => {
    const { ports, profiles } = setup();
    await expect(register(ports, huda, input({ birthDate: '2014-04-13' }))).rejects.toThrow(AgeOutOfRangeError);
    expect(profiles.size).toBe(0);
  });

  it('refuses a birth date in the future, naming birthDate', async () => {
    const { ports } = setup();
    await expect(register(ports, huda, input({ birthDate: '2027-01-01' }))).rejects.toMatchObject({
      status: 422,
      errors: [{ path: 'birthDate', message: 'must not be in the future, got 2027-01-01' }],
    });
  });

  it('refuses a birth date more than 120 years ago', async () => {
    const { ports } = setup();
    await expect(register(ports, huda, input({ birthDate: '1900-01-01' }))).rejects.toThrow(AgeOutOfRangeError);
  });

  it('publishes nothing when the registration is refused', async () => {
    const { ports, published } = setup();
    await register(ports, huda, input());
    await expect(register(ports, { sub: 'user-other', groups: [] }, input())).rejects.toThrow(NationalIdTakenError);
    expect(published).toHaveLength(1);
  });
});

describe('getProfile', () => {
  it('computes the age on the day it is read', async () => {
    const { ports, clock } = setup();
    await register(ports, huda, input({ birthDate: '1996-05-14' }));
    clock.set('2026-05-13T20:59:59Z');
    expect((await getProfile(ports, huda)).age).toBe(29);
    clock.set('2026-05-13T21:00:00Z');
    expect((await getProfile(ports, huda)).age).toBe(30);
  });

  it('shows a mask stored in the older form with the last four digits only', async () => {
    const { ports, profiles } = setup();
    await register(ports, huda, input());
    const stored = profiles.get(huda.sub)!;
    profiles.set(huda.sub, { ...stored, nationalIdMasked: '1*****5439' });
    expect((await getProfile(ports, huda)).nationalIdMasked).toBe('******5439');
  });

  it('answers not found for a user without a profile', async () => {
    const { ports } = setup();
    await expect(getProfile(ports, huda)).rejects.toThrow(VolunteerNotFoundError);
  });
});

describe('updateProfile', () => {
  it('replaces only the given fields', async () => {
    const { ports } = setup();
    await register(ports, huda, input());
    // A move to another city brings its location along (a Jeddah location is refused with Makkah).
    const profile = await updateProfile(ports, huda, { city: 'makkah', location: { lat: 21.42, lon: 39.83 } });
    expect(profile).toMatchObject({ city: 'makkah', nameEn: 'Huda Alharbi', nationalIdMasked: '******5439' });
    expect((await getProfile(ports, huda)).city).toBe('makkah');
  });

  it('stamps a consent change with its time and appends it to the trail', async () => {
    const { ports, clock, consentTrail } = setup();
    await register(ports, huda, input({ preferences: { email: true, sms: true } }));
    clock.set('2026-05-01T10:00:00.000Z');
    const profile = await updateProfile(ports, huda, { preferences: { email: true, sms: false, locale: 'ar' } });
    expect(profile.consent).toMatchObject({
      email: { granted: true, changedAt: '2026-04-12T09:15:00.000Z' },
      sms: { granted: false, changedAt: '2026-05-01T10:00:00.000Z' },
    });
    expect(consentTrail.at(-1)).toEqual({ channel: 'sms', granted: false, at: '2026-05-01T10:00:00.000Z', via: 'profile-update' });
    expect(consentTrail).toHaveLength(5);
  });

  it('records a withdrawal of publication and of company reports in the history', async () => {
    const { ports, clock, consentTrail } = setup();
    await register(ports, huda, input({ preferences: { email: true, sms: true } }));
    clock.set('2026-05-01T10:00:00.000Z');
    const profile = await updateProfile(ports, huda, { preferences: { email: true, sms: true, locale: 'ar', showAchievements: false, companyReports: false } });
    expect(profile.consent).toMatchObject({
      publication: { granted: false, changedAt: '2026-05-01T10:00:00.000Z' },
      companyReports: { granted: false, changedAt: '2026-05-01T10:00:00.000Z' },
    });
    expect(consentTrail.slice(4)).toEqual([
      { channel: 'publication', granted: false, at: '2026-05-01T10:00:00.000Z', via: 'profile-update' },
      { channel: 'companyReports', granted: false, at: '2026-05-01T10:00:00.000Z', via: 'profile-update' },
    ]);
  });

  it('records no consent change when the flags stay the same', async () => {
    const { ports, consentTrail } = setup();
    await register(ports, huda, input({ preferences: { email: true, sms: true } }));
    await updateProfile(ports, huda, { preferences: { email: true, sms: true, locale: 'en', showAchievements: true } });
    expect(consentTrail).toHaveLength(4);
  });

  it('bumps the revision and updatedAt', async () => {
    const { ports, clock, profiles } = setup();
    await register(ports, huda, input());
    clock.set('2026-05-01T10:00:00.000Z');
    await updateProfile(ports, huda, { nameEn: 'Huda A. Alharbi' });
    expect(profiles.get('user-huda')).toMatchObject({ revision: 2, updatedAt: '2026-05-01T10:00:00.000Z', createdAt: '2026-04-12T09:15:00.000Z' });
  });

  it('checks the age of a new birth date', async () => {
    const { ports } = setup();
    await register(ports, huda, input());
    await expect(updateProfile(ports, huda, { birthDate: '2020-01-01' })).rejects.toThrow(AgeOutOfRangeError);
  });

  it('answers not found for a user without a profile', async () => {
    const { ports } = setup();
    await expect(updateProfile(ports, huda, { city: 'riyadh' })).rejects.toThrow(VolunteerNotFoundError);
  });
});

describe('charter acceptance', () => {
  const current = charters.at(-1)!;
  const newer: CharterDocument = { ...current, version: '2027-1', publishedAt: '2027-01-01T00:00:00+03:00' };

  it('records the acceptance of the current version with its time', async () => {
    const { ports } = setup();
    await register(ports, huda, input());
    const result = await acceptCharter(ports, huda, { version: current.version });
    expect(result).toEqual({ created: true, acceptance: { version: current.version, acceptedAt: '2026-04-12T09:15:00.000Z' } });
    expect(hasAcceptedCurrentCharter(await getProfile(ports, huda))).toBe(true);
  });

  it('keeps the first acceptance when the same version is accepted again', async () => {
    const { ports, clock } = setup();
    await register(ports, huda, input());
    await acceptCharter(ports, huda, { version: current.version });
    clock.set('2026-06-01T00:00:00.000Z');
    const again = await acceptCharter(ports, huda, { version: current.version });
    expect(again).toEqual({ created: false, acceptance: { version: current.version, acceptedAt: '2026-04-12T09:15:00.000Z' } });
  });

  it('refuses an unknown version, naming version', async () => {
    const { ports } = setup();
    await register(ports, huda, input());
    await expect(acceptCharter(ports, huda, { version: '1999-1' })).rejects.toThrow(UnknownCharterVersionError);
    await expect(acceptCharter(ports, huda, { version: '1999-1' })).rejects.toMatchObject({ status: 422, errors: [{ path: 'version' }] });
  });

  it('refuses a superseded version', async () => {
    const { ports } = setup();
    await register(ports, huda, input());
    await expect(acceptCharter(ports, huda, { version: current.version }, [current, newer])).rejects.toThrow(CharterSupersededError);
  });

  it('requires a new acceptance when a newer charter is published', async () => {
    const { ports } = setup();
    await register(ports, huda, input());
    await acceptCharter(ports, huda, { version: current.version }, [current]);
    const profile = await getProfile(ports, huda);
    expect(hasAcceptedCurrentCharter(profile, [current])).toBe(true);
    expect(hasAcceptedCurrentCharter(profile, [current, newer])).toBe(false);
    await acceptCharter(ports, huda, { version: newer.version }, [current, newer]);
    expect(hasAcceptedCurrentCharter(await getProfile(ports, huda), [current, newer])).toBe(true);
  });

  it('says a volunteer who never accepted has not accepted', () => {
    expect(hasAcceptedCurrentCharter({})).toBe(false);
  });

  it('answers not found for a user without a profile', async () => {
    const { ports } = setup();
    await expect(acceptCharter(ports, huda, { version: current.version })).rejects.toThrow(VolunteerNotFoundError);
  });
});

describe('documents', () => {
  it('serves the current charter with a numbered text in both languages', () => {
    const charter = getCharter();
    expect(charter.version).toBe(charters.at(-1)!.version);
    expect(charter.textAr).toContain('١. النزاهة والأمانة:');
    expect(charter.textEn).toContain('1. Integrity and honesty:');
    expect(charter.principles.map((p) => p.id)).toEqual(
      expect.arrayContaining(['integrity', 'respect', 'confidentiality', 'safety', 'non-discrimination', 'commitment', 'no-personal-gain', 'safeguarding']),
    );
  });

  it('serves the newest of the given charters', () => {
    const current = charters.at(-1)!;
    expect(getCharter([current, { ...current, version: '2027-1' }]).version).toBe('2027-1');
  });

  it('serves a guide with duties, responsibilities and rights', () => {
    const guide = getGuide();
    expect(guide.duties.length).toBeGreaterThan(3);
    expect(guide.responsibilities.length).toBeGreaterThan(3);
    expect(guide.rights.map((r) => r.id)).toEqual(expect.arrayContaining(['training', 'safety', 'recognition', 'certified-hours', 'information', 'withdrawal']));
  });

  it('has every guide entry in both languages', () => {
    const guide = getGuide();
    for (const entry of [...guide.duties, ...guide.responsibilities, ...guide.rights]) {
      expect(entry.textAr).toMatch(/[\u0600-\u06FF]/);
      expect(entry.textEn).toMatch(/^[\x20-\x7E’—]+$/);
    }
  });
});
