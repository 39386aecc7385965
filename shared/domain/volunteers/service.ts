/**
 * The volunteer registry. Pure: every effect goes through the ports handed in
 * (`{ repo, events, clock, nationalIds }`), so it is tested with plain fakes; the invariants
 * (one profile per user and per national ID, one acceptance per charter version) are
 * enforced by the repository's transactions, not by reads here.
 */
import { ulid } from 'ulid';
import type { Clock } from '../../clock.js';
import type { Caller } from '../caller.js';
import { domainEvent, type DomainEvent } from '../events.js';
import { cityById, locationOutsideCity } from '../reference/cities.js';
import { ValidationError } from '../errors.js';
import { riyadhDate } from '../time.js';
import { charterByVersion, charters, charterView, currentCharter, currentGuide, guides } from './documents/index.js';
import { ageOn } from './age.js';
import { AgeOutOfRangeError, CharterSupersededError, UnknownCharterVersionError, VolunteerNotFoundError } from './errors.js';
import { maskNationalId } from './national-id.js';
import { MAX_VOLUNTEER_AGE, MIN_VOLUNTEER_AGE } from './rules.js';
import type {
  AcceptCharter,
  Charter,
  CharterAcceptance,
  CharterDocument,
  ConsentPurpose,
  Guide,
  Preferences,
  RegisterVolunteer,
  UpdateVolunteer,
  VolunteerProfile,
  VolunteerRecord,
  VolunteerRegisteredDetail,
} from './schema.js';

export type ContactChannel = 'email' | 'sms';

/** How a consent was given or withdrawn: in the registration, or by a later profile update. */
export type ConsentSource = 'registration' | 'profile-update';

/**
 * One grant or withdrawal of a consent (`channel`: email, SMS, publication in achievements,
 * company reports), kept as an append-only history beside the profile and shown in the export.
 */
export interface ConsentChange {
  readonly channel: ConsentPurpose;
  readonly granted: boolean;
  readonly at: string;
  readonly via?: ConsentSource;
}

const CONSENT_PURPOSES: readonly ConsentPurpose[] = ['email', 'sms', 'publication', 'companyReports'];

/** The consent each preference expresses; publication and company reports are given unless refused. */
const consentOf = (preferences: Preferences, purpose: ConsentPurpose): boolean => {
  switch (purpose) {
    case 'email':
      return preferences.email;
    case 'sms':
      return preferences.sms;
    case 'publication':
      return preferences.showAchievements !== false;
    case 'companyReports':
      return preferences.companyReports !== false;
  }
};

/** The fields an update replaces, plus the bookkeeping the service derives. */
export type VolunteerChanges = UpdateVolunteer & Pick<VolunteerRecord, 'consent' | 'updatedAt' | 'revision'>;

export interface VolunteerRepository {
  /** Creates the profile and claims its national ID atomically. @throws VolunteerAlreadyRegisteredError, NationalIdTakenError */
  create(record: VolunteerRecord, consent: readonly ConsentChange[], events?: readonly DomainEvent[]): Promise<void>;
  get(id: string): Promise<VolunteerRecord | undefined>;
  /** The profiles that give this phone number (E.164). */
  idsByPhone(phone: string): Promise<string[]>;
  /** Applies `changes` if the profile is still at `expectedRevision`. @throws VolunteerNotFoundError, ConcurrentWriteError */
  update(id: string, changes: VolunteerChanges, expectedRevision: number, consent: readonly ConsentChange[], events?: readonly DomainEvent[]): Promise<void>;
  /** Records the acceptance once; a repeat returns the first one with `created: false`. @throws VolunteerNotFoundError */
  acceptCharter(id: string, acceptance: CharterAcceptance): Promise<{ created: boolean; acceptance: CharterAcceptance }>;
}

/** Turns a national ID into its stored forms (keyed hash for uniqueness, masked for display). */
export interface NationalIdProtector {
  protect(nationalId: string): Promise<{ hash: string; masked: string }>;
}

export interface VolunteerPorts {
  readonly repo: VolunteerRepository;
  readonly clock: Clock;
  readonly nationalIds: NationalIdProtector;
}

/** Whole years from `birthDate` to `today` (both YYYY-MM-DD). A 29 February birthday counts from 1 March in other years. */
export { ageOn };

const assertAge = (birthDate: string, now: Date): void => {
  const today = riyadhDate(now);
  if (birthDate > today) throw new AgeOutOfRangeError(`must not be in the future, got ${birthDate}`);
  const age = ageOn(birthDate, today);
  if (age < MIN_VOLUNTEER_AGE) throw new AgeOutOfRangeError(`must make the volunteer at least ${MIN_VOLUNTEER_AGE} years old, got age ${age}`);
  if (age > MAX_VOLUNTEER_AGE) throw new AgeOutOfRangeError(`must be within the last ${MAX_VOLUNTEER_AGE} years, got ${birthDate}`);
};

export const toProfile = (record: VolunteerRecord, now: Date): VolunteerProfile => {
  const { nationalIdHash: _hash, revision: _revision, ...visible } = record;
  return { ...visible, nationalIdMasked: maskNationalId(record.nationalIdMasked), age: ageOn(record.birthDate, riyadhDate(now)) };
};

const volunteerRegistered = (record: VolunteerRecord, now: Date) =>
  domainEvent('VolunteerRegistered', {
    volunteerId: record.id,
    city: record.city,
    region: cityById(record.city)?.region ?? 'unknown',
    locale: record.preferences.locale,
    skills: record.skills,
    professions: record.professions,
    languages: record.languages,
    interests: record.interests,
    registeredAt: record.createdAt,
  } satisfies VolunteerRegisteredDetail, { id: ulid(now.getTime()), time: now });

/** What registering uses: the profile's creation only of the repository (issue 17). */
export type RegistrationPorts = Omit<VolunteerPorts, 'repo'> & { readonly repo: Pick<VolunteerRepository, 'create'> };

export const register = async (ports: RegistrationPorts, caller: Caller, input: RegisterVolunteer): Promise<VolunteerProfile> => {
  const now = ports.clock.now();
  assertAge(input.birthDate, now);
  assertLocationInCity(input.city, input.location);
  const { nationalId, ...fields } = input;
  const { hash, masked } = await ports.nationalIds.protect(nationalId);
  const at = now.toISOString();
  const granted = (purpose: ConsentPurpose) => ({ granted: consentOf(fields.preferences, purpose), changedAt: at });
  const record: VolunteerRecord = {
    id: caller.sub,
    ...fields,
    nationalIdHash: hash,
    nationalIdMasked: masked,
    consent: { email: granted('email'), sms: granted('sms'), publication: granted('publication'), companyReports: granted('companyReports') },
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
  await ports.repo.create(
    record,
    CONSENT_PURPOSES.map((channel) => ({ channel, granted: consentOf(fields.preferences, channel), at, via: 'registration' as const })),
    [volunteerRegistered(record, now)],
  );
  return toProfile(record, now);
};

export const getProfile = async (ports: Pick<VolunteerPorts, 'repo' | 'clock'>, caller: Caller): Promise<VolunteerProfile> => {
  const record = await ports.repo.get(caller.sub);
  if (!record) throw new VolunteerNotFoundError();
  return toProfile(record, ports.clock.now());
};

/**
 * Partial update: the given top-level fields replace the stored ones. A change of a consent
 * (email, SMS, publication, company reports) is stamped on the profile
 * (`consent.<channel>.changedAt`) and appended to the consent history, because notifications
 * and publications must honour a withdrawal from the moment it was given.
 */
/** A location given with a city must lie in it (422 naming `location`). */
const assertLocationInCity = (city: string, location: { lat: number; lon: number } | undefined): void => {
  const outside = location && locationOutsideCity(city, location);
  if (outside) throw new ValidationError(`location ${outside}`, { errors: [{ path: 'location', message: outside }] });
};

export const updateProfile = async (
  ports: Pick<VolunteerPorts, 'repo' | 'clock'>,
  caller: Caller,
  patch: UpdateVolunteer,
): Promise<VolunteerProfile> => {
  const now = ports.clock.now();
  if (patch.birthDate) assertAge(patch.birthDate, now);
  const current = await ports.repo.get(caller.sub);
  if (!current) throw new VolunteerNotFoundError();
  if (patch.city !== undefined || patch.location !== undefined) assertLocationInCity(patch.city ?? current.city, patch.location ?? current.location);
  const at = now.toISOString();
  const next = patch.preferences;
  // A profile registered before publication/company reports were tracked: its preferences say what was given.
  const currentlyGranted = (purpose: ConsentPurpose) => current.consent[purpose]?.granted ?? consentOf(current.preferences, purpose);
  const changed = next ? CONSENT_PURPOSES.filter((purpose) => consentOf(next, purpose) !== currentlyGranted(purpose)) : [];
  const consent = { ...current.consent };
  for (const purpose of changed) consent[purpose] = { granted: consentOf(next!, purpose), changedAt: at };
  const changes: VolunteerChanges = { ...patch, consent, updatedAt: at, revision: current.revision + 1 };
  await ports.repo.update(
    caller.sub,
    changes,
    current.revision,
    changed.map((channel) => ({ channel, granted: consentOf(next!, channel), at, via: 'profile-update' as const })),
    // Matching re-indexes the profile on this event (no contact data in it: consumers read the profile).
    [domainEvent('VolunteerProfileUpdated', { volunteerId: caller.sub, fields: Object.keys(patch).sort(), updatedAt: at }, { id: ulid(now.getTime()), time: new Date(at) })],
  );
  return toProfile({ ...current, ...changes }, now);
};

/**
 * The SMS consent of a profile set from outside the app (an SMS STOP / START keyword):
 * `preferences.sms` and `consent.sms` change together, with the time, in the consent trail.
 * Nothing is written when it already says so.
 */
export const setSmsConsent = async (ports: Pick<VolunteerPorts, 'repo' | 'clock'>, volunteerId: string, granted: boolean): Promise<void> => {
  const current = await ports.repo.get(volunteerId);
  if (!current || (current.preferences.sms === granted && current.consent.sms.granted === granted)) return;
  await updateProfile(ports, { sub: volunteerId, groups: [] }, { preferences: { ...current.preferences, sms: granted } });
};

/**
 * Accepts the current charter. Accepting it again is harmless: the first acceptance (and its
 * time) stands and is returned with `created: false` (the handler answers 200 instead of 201).
 */
export const acceptCharter = async (
  ports: Pick<VolunteerPorts, 'repo' | 'clock'>,
  caller: Caller,
  input: AcceptCharter,
  published: readonly CharterDocument[] = charters,
): Promise<{ created: boolean; acceptance: CharterAcceptance }> => {
  if (!charterByVersion(input.version, published)) throw new UnknownCharterVersionError(input.version);
  const current = currentCharter(published);
  if (input.version !== current.version) throw new CharterSupersededError(input.version, current.version);
  return ports.repo.acceptCharter(caller.sub, { version: current.version, acceptedAt: ports.clock.now().toISOString() });
};

/** True when the volunteer accepted the charter in force; a newer version needs a new acceptance. */
export const hasAcceptedCurrentCharter = (
  profile: Pick<VolunteerRecord, 'acceptedCharterVersion'>,
  published: readonly CharterDocument[] = charters,
): boolean => profile.acceptedCharterVersion !== undefined && profile.acceptedCharterVersion === currentCharter(published).version;

export const getCharter = (published: readonly CharterDocument[] = charters): Charter => charterView(currentCharter(published));

export const getGuide = (published: readonly Guide[] = guides): Guide => currentGuide(published);
