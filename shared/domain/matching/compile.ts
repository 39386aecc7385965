/**
 * Compiled forms of the matching views: the same facts as MatchVolunteer/MatchOpportunity
 * turned into bitmasks, interned ids and precomputed trigonometry, so that scoring a pair
 * allocates nothing and does no string or Date work. Compiling is O(size of the record) and
 * done once per volunteer and per opportunity; scoring is then done many times.
 */
import { causes, type Cause } from '../reference/causes.js';
import { cityById } from '../reference/cities.js';
import { Language, professions, skillRank, type Profession, type SkillLevel } from '../reference/professions.js';
import type { MatchOpportunity, MatchVolunteer } from './schema.js';
import { riyadhLocal } from '../time.js';
import { availabilityBits, dateInt, shiftSlots, WEEK_WORDS, type ShiftSlots } from './time.js';
import { limits } from './weights.js';

export const professionList = /* @__PURE__ */ Object.keys(professions) as Profession[];
export const causeList = /* @__PURE__ */ Object.keys(causes) as Cause[];
export const languageList = Language.options;
const professionBit = /* @__PURE__ */ new Map(/* @__PURE__ */ professionList.map((p, i) => [p, 1 << i]));
const causeBit = /* @__PURE__ */ new Map(/* @__PURE__ */ causeList.map((c, i) => [c, 1 << i]));
const languageBit = /* @__PURE__ */ new Map<string, number>(/* @__PURE__ */ languageList.map((l, i) => [l, 1 << i]));

export const bitsOf = <T>(values: readonly T[], bits: ReadonlyMap<T, number>): number =>
  values.reduce((mask, value) => mask | (bits.get(value) ?? 0), 0);
export const professionMask = (values: readonly Profession[]): number => bitsOf(values, professionBit);
export const causeMask = (values: readonly Cause[]): number => bitsOf(values, causeBit);
export const languageMask = (values: readonly string[]): number => bitsOf(values, languageBit);

/** Skill names → small integers, shared by everything compiled in one matching run. */
export class SkillVocabulary {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}

const RAD = Math.PI / 180;

/**
 * What a volunteer already has of the catalogue (issue 11), never recommended or offered again:
 * the shifts they applied to, whatever became of the application (waiting, approved, withdrawn,
 * rejected, expired), and the opportunities where they hold a seat (an approved application
 * whose shift has not ended).
 */
export interface Holds {
  readonly shifts: ReadonlySet<string>;
  readonly opportunities: ReadonlySet<string>;
}

/** A volunteer's applications → their holds at `now` (undefined when they have none). */
export const holdsOf = (
  applications: readonly { readonly opportunityId: string; readonly shiftId: string; readonly status: string; readonly shiftEnd: string }[],
  now: Date,
): Holds | undefined => {
  if (applications.length === 0) return undefined;
  const at = now.toISOString();
  return {
    shifts: new Set(applications.map((a) => a.shiftId)),
    opportunities: new Set(applications.filter((a) => a.status === 'approved' && a.shiftEnd > at).map((a) => a.opportunityId)),
  };
};

export interface CompiledVolunteer {
  readonly index: number;
  readonly view: MatchVolunteer;
  readonly professionMask: number;
  readonly languageMask: number;
  readonly interestMask: number;
  readonly latRad: number;
  readonly lonRad: number;
  readonly cosLat: number;
  readonly lat: number;
  readonly lon: number;
  /** Birth date as yyyymmdd. */
  readonly birth: number;
  /**
   * Everything else in one contiguous array (scoring touches one buffer, not five objects, and
   * a national run allocates one per volunteer):
   * `[week × WEEK_WORDS, skillCount, (skillId, rank) × skillCount]` — the weekly availability
   * bitset (WEEK_WORDS words), then the skills as vocabulary ids and ranks.
   */
  readonly packed: Int32Array;
  /** Shifts applied to and opportunities with a seat: excluded from this volunteer's results. */
  readonly held: Holds | undefined;
}

export interface CompiledShift {
  readonly id: string;
  /** Riyadh calendar date of the start, yyyymmdd (age is checked on that day). */
  readonly dateInt: number;
  readonly slots: ShiftSlots;
  /** Starts at least `limits.availabilityHardWithinDays` after `now`: eligible without overlapping the availability. */
  readonly far: boolean;
}

export interface CompiledOpportunity {
  readonly index: number;
  readonly view: MatchOpportunity;
  readonly professionMask: number;
  readonly skillIds: Int32Array;
  readonly skillRanks: Int8Array;
  readonly languageMask: number;
  readonly languageCount: number;
  readonly causeBit: number;
  readonly remote: boolean;
  readonly latRad: number;
  readonly lonRad: number;
  readonly cosLat: number;
  readonly lat: number;
  readonly lon: number;
  /** 0 when there is no minimum age. */
  readonly minAge: number;
  /** Shifts that start after `now`, earliest first. */
  readonly shifts: readonly CompiledShift[];
  /**
   * The hot data in one contiguous array:
   * `[skillCount, (skillId, rank) × skillCount, shiftCount, (dateInt, slots, far, wordCount, (word, mask) × wordCount) × shiftCount]`.
   */
  readonly packed: Int32Array;
}

export const pointOf = (view: { city: string; location?: { lat: number; lon: number } | undefined }): { lat: number; lon: number } => {
  if (view.location) return view.location;
  const city = cityById(view.city);
  if (!city) throw new Error(`unknown city "${view.city}"`);
  return { lat: city.lat, lon: city.lon };
};

const rankOf = (level: SkillLevel): number => skillRank[level];

const packOpportunity = (skillIds: Int32Array, skillRanks: Int8Array, shifts: readonly CompiledShift[]): Int32Array => {
  const out: number[] = [skillIds.length];
  for (let i = 0; i < skillIds.length; i++) out.push(skillIds[i]!, skillRanks[i]!);
  out.push(shifts.length);
  for (const shift of shifts) {
    out.push(shift.dateInt, shift.slots.slots, shift.far ? 1 : 0, shift.slots.words.length);
    for (let w = 0; w < shift.slots.words.length; w++) out.push(shift.slots.words[w]!, shift.slots.masks[w]!);
  }
  return Int32Array.from(out);
};

/**
 * Compiles a volunteer. Run once per volunteer in a national run (300,000 times), so it is
 * written for speed: plain loops, and one object and one buffer per volunteer.
 */
export const compileVolunteer = (view: MatchVolunteer, vocabulary: SkillVocabulary, index = 0, held?: Holds): CompiledVolunteer => {
  const point = pointOf(view);
  const skills = view.skills;
  const count = skills.length;
  const packed = new Int32Array(WEEK_WORDS + 1 + 2 * count);
  availabilityBits(view.availability, packed, 0);
  packed[WEEK_WORDS] = count;
  for (let i = 0; i < count; i++) {
    packed[WEEK_WORDS + 1 + 2 * i] = vocabulary.id(skills[i]!.name);
    packed[WEEK_WORDS + 2 + 2 * i] = rankOf(skills[i]!.level);
  }
  let professions = 0;
  for (const p of view.professions) professions |= professionBit.get(p) ?? 0;
  let languages = 0;
  for (const l of view.languages) languages |= languageBit.get(l) ?? 0;
  let interests = 0;
  for (const c of view.interests) interests |= causeBit.get(c) ?? 0;
  return {
    index,
    view,
    professionMask: professions,
    languageMask: languages,
    interestMask: interests,
    lat: point.lat,
    lon: point.lon,
    latRad: point.lat * RAD,
    lonRad: point.lon * RAD,
    cosLat: Math.cos(point.lat * RAD),
    birth: dateInt(view.birthDate),
    packed,
    held,
  };
};

export const compileOpportunity = (view: MatchOpportunity, vocabulary: SkillVocabulary, now: Date, index = 0): CompiledOpportunity => {
  const point = pointOf(view);
  const languages = view.languages && view.languages.length > 0 ? view.languages : limits.defaultLanguages;
  const farFrom = now.getTime() + limits.availabilityHardWithinDays * 86_400_000;
  const shifts = view.shifts
    .map((s) => ({ id: s.id, start: new Date(s.start), end: new Date(s.end) }))
    .filter((s) => s.start.getTime() > now.getTime())
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : 1))
    .map((s) => ({ id: s.id, dateInt: riyadhLocal(s.start).dateInt, slots: shiftSlots(s.start, s.end), far: s.start.getTime() >= farFrom }));
  const skillIds = Int32Array.from(view.skills, (s) => vocabulary.id(s.name));
  const skillRanks = Int8Array.from(view.skills, (s) => rankOf(s.level));
  return {
    index,
    view,
    professionMask: professionMask(view.professions),
    skillIds,
    skillRanks,
    languageMask: languageMask(languages),
    languageCount: languages.length,
    causeBit: causeBit.get(view.category) ?? 0,
    remote: view.remote,
    lat: point.lat,
    lon: point.lon,
    latRad: point.lat * RAD,
    lonRad: point.lon * RAD,
    cosLat: Math.cos(point.lat * RAD),
    minAge: view.minAge ?? 0,
    shifts,
    packed: packOpportunity(skillIds, skillRanks, shifts),
  };
};
