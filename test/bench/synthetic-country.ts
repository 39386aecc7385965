/**
 * A synthetic country for the matching benchmark: volunteers and open opportunities with
 * skewed, realistic distributions (most people in Riyadh, Jeddah, the Dammam area and Makkah;
 * a few professions and causes dominate; evenings and weekends are when people are free),
 * deterministic for a seed, and PLANTED true matches: for a sample of volunteers, one
 * opportunity built to fit that volunteer best (their profession and skills at their level,
 * at their location, their cause and languages, a shift inside their availability).
 */
import type { Cause } from '../../shared/domain/reference/causes.js';
import { cities } from '../../shared/domain/reference/cities.js';
import type { Language, Profession, SkillLevel } from '../../shared/domain/reference/professions.js';
import type { MatchOpportunity, MatchVolunteer } from '../../shared/domain/matching/schema.js';
import { WEEKDAYS, type WeekdayName } from '../../shared/domain/matching/time.js';

export interface CountryOptions {
  readonly volunteers: number;
  readonly opportunities: number;
  /** How many of the opportunities are planted for a volunteer. */
  readonly planted: number;
  readonly seed?: number;
  /** Shifts start after this instant (the matching run's `now`). */
  readonly now: Date;
}

export interface Country {
  readonly volunteers: MatchVolunteer[];
  readonly opportunities: MatchOpportunity[];
  /** volunteer id → the id of the opportunity planted for them. */
  readonly planted: Map<string, string>;
}

/** mulberry32: small, fast, good enough for synthetic data. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

type Random = () => number;

/** Picks from weighted values (cumulative table built once). */
const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>) => {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cumulative = entries.map(([value, w]) => [value, (acc += w / total)] as const);
  return (random: Random): T => {
    const r = random();
    for (const [value, c] of cumulative) if (r < c) return value;
    return cumulative[cumulative.length - 1]![0];
  };
};

/** Zipf-like weights: the i-th value weighs 1 / (i + 1)^s. */
const zipf = <T>(values: readonly T[], s = 1): ReadonlyArray<readonly [T, number]> => values.map((v, i) => [v, 1 / (i + 1) ** s] as const);

const distinct = <T>(random: Random, pick: (r: Random) => T, count: number): T[] => {
  const out = new Set<T>();
  for (let tries = 0; out.size < count && tries < count * 10; tries++) out.add(pick(random));
  return [...out];
};

const cityShare: Record<string, number> = {
  riyadh: 30, jeddah: 17, makkah: 6, dammam: 6, madinah: 5, khobar: 3.5, taif: 3, dhahran: 1.5, ahsa: 3, jubail: 1.5,
  buraydah: 3, unaizah: 1, abha: 2.5, 'khamis-mushait': 2, tabuk: 2.5, hail: 2, jazan: 2, najran: 1.5, yanbu: 1.2,
  kharj: 1.3, 'hafr-al-batin': 1, arar: 0.8, baha: 0.8, sakaka: 0.9,
};
const pickCity = weighted(cities.map((c) => [c, cityShare[c.id] ?? 1] as const));
const professionOrder: Profession[] = [
  'teacher', 'engineer', 'nurse', 'accountant', 'software-developer', 'doctor', 'designer', 'project-manager', 'social-worker',
  'marketing-specialist', 'translator', 'data-analyst', 'pharmacist', 'hr-specialist', 'lawyer', 'paramedic', 'psychologist',
  'electrician', 'photographer', 'architect',
];
const pickProfession = weighted(zipf(professionOrder, 0.8));
const causeOrder: Cause[] = [
  'social-welfare', 'education', 'health', 'environment', 'youth-and-children', 'hajj-and-umrah', 'events-and-tourism',
  'elderly-care', 'emergency-relief', 'people-with-disabilities', 'culture-and-heritage', 'technology', 'sports', 'legal-aid',
];
const pickCause = weighted(zipf(causeOrder, 0.9));
/** Professions an opportunity of a cause tends to ask for. */
const causeProfessions: Partial<Record<Cause, Profession[]>> = {
  health: ['doctor', 'nurse', 'pharmacist', 'paramedic', 'psychologist'],
  education: ['teacher', 'translator', 'psychologist'],
  'social-welfare': ['social-worker', 'accountant', 'lawyer', 'psychologist'],
  'elderly-care': ['nurse', 'doctor', 'social-worker'],
  'people-with-disabilities': ['nurse', 'social-worker', 'teacher'],
  technology: ['software-developer', 'data-analyst', 'designer', 'engineer'],
  'legal-aid': ['lawyer', 'accountant'],
  'emergency-relief': ['paramedic', 'doctor', 'nurse', 'engineer', 'electrician'],
  'hajj-and-umrah': ['doctor', 'paramedic', 'translator', 'nurse'],
  environment: ['engineer', 'architect', 'data-analyst'],
  'culture-and-heritage': ['photographer', 'designer', 'architect', 'translator'],
  'events-and-tourism': ['photographer', 'marketing-specialist', 'project-manager', 'translator'],
  'youth-and-children': ['teacher', 'psychologist', 'social-worker'],
  sports: ['paramedic', 'project-manager'],
};
const skillNames = [
  'first-aid', 'event-organising', 'teaching', 'tutoring-math', 'public-speaking', 'arabic-calligraphy', 'photography', 'video-editing',
  'graphic-design', 'social-media', 'web-development', 'data-entry', 'excel', 'fundraising', 'crowd-management', 'driving', 'cooking',
  'elderly-support', 'sign-language', 'translation-en-ar', 'translation-ur-ar', 'counselling', 'child-care', 'tree-planting',
  'beach-cleaning', 'logistics', 'inventory', 'customer-service', 'coaching', 'football', 'swimming-lifeguard', 'carpentry',
  'plumbing', 'electrical-repair', 'sewing', 'quran-teaching', 'storytelling', 'research', 'grant-writing', 'bookkeeping',
  'legal-research', 'mediation', 'cpr', 'nursing-care', 'mental-health-support', 'ui-design', 'cloud', 'cybersecurity',
  'machine-learning', 'project-planning', 'marketing', 'copywriting', 'heritage-guiding', 'tour-guiding', 'sports-refereeing',
  'disaster-response', 'search-and-rescue', 'hajj-guiding', 'wheelchair-assistance', 'music',
];
const pickSkill = weighted(zipf(skillNames, 0.9));
const pickLevel = weighted<SkillLevel>([['beginner', 30], ['intermediate', 40], ['advanced', 22], ['expert', 8]]);
const otherLanguages: Language[] = ['ur', 'hi', 'bn', 'tl', 'id', 'fr', 'tr', 'fa', 'sw', 'am', 'es', 'zh'];
const pickOtherLanguage = weighted(zipf(otherLanguages, 1));

/** Typical weekly patterns (Riyadh time): evenings on work days, weekend days, mornings for those free then. */
const pickPattern = weighted<(r: Random) => Array<{ day: WeekdayName; from: string; to: string }>>([
  [(r) => distinct(r, (q) => WEEKDAYS[Math.floor(q() * 5)]!, 1 + Math.floor(r() * 4)).map((day) => ({ day, from: '17:00', to: '22:00' })), 45],
  [(r) => distinct(r, (q) => (q() < 0.5 ? 'fri' : 'sat') as WeekdayName, 1 + Math.floor(r() * 2)).map((day) => ({ day, from: r() < 0.5 ? '08:00' : '14:00', to: '20:00' })), 35],
  [(r) => distinct(r, (q) => WEEKDAYS[Math.floor(q() * 7)]!, 2 + Math.floor(r() * 4)).map((day) => ({ day, from: '08:00', to: '13:00' })), 20],
]);

const pad = (n: number) => String(n).padStart(2, '0');
const jitter = (r: Random, km: number) => (r() + r() + r() - 1.5) * (km / 111);

const volunteer = (r: Random, i: number, today: Date): MatchVolunteer => {
  const city = pickCity(r);
  const age = 16 + Math.floor(-Math.log(1 - r() * 0.97) * 12);
  const birthYear = today.getUTCFullYear() - age;
  const profCount = r() < 0.45 ? (r() < 0.2 ? 2 : 1) : 0;
  const skillCount = Math.floor(r() * 6);
  const languages: Language[] = [...(r() < 0.92 ? (['ar'] as Language[]) : []), ...(r() < 0.55 ? (['en'] as Language[]) : []), ...(r() < 0.12 ? [pickOtherLanguage(r)] : [])];
  if (languages.length === 0) languages.push(pickOtherLanguage(r));
  return {
    id: `vol-${String(i).padStart(6, '0')}`,
    birthDate: `${birthYear}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
    city: city.id,
    ...(r() < 0.4 && { location: { lat: city.lat + jitter(r, 10), lon: city.lon + jitter(r, 10) } }),
    professions: distinct(r, pickProfession, profCount),
    skills: distinct(r, pickSkill, skillCount).map((name) => ({ name, level: pickLevel(r) })),
    languages: [...new Set(languages)],
    availability: pickPattern(r)(r),
    interests: distinct(r, pickCause, 1 + Math.floor(r() * 4)),
  };
};

const START_HOURS = [8, 9, 10, 16, 17, 18, 19];

const shiftsFor = (r: Random, id: string, now: Date) => {
  const count = 1 + Math.floor(r() * 5);
  return Array.from({ length: count }, (_, s) => {
    const day = 1 + Math.floor(r() * 56);
    const hours = 2 + Math.floor(r() * 5);
    const startHour = START_HOURS[Math.floor(r() * START_HOURS.length)]!;
    // Midnight Riyadh of `now` + day days + startHour (Riyadh is UTC+3).
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 3 * 3_600_000;
    const start = new Date(midnight + day * 86_400_000 + startHour * 3_600_000);
    return { id: `${id}-s${s}`, start: start.toISOString(), end: new Date(start.getTime() + hours * 3_600_000).toISOString() };
  });
};

const opportunity = (r: Random, i: number, now: Date): MatchOpportunity => {
  const id = `opp-${String(i).padStart(5, '0')}`;
  const city = pickCity(r);
  const category = pickCause(r);
  const kind = r();
  const related = causeProfessions[category] ?? professionOrder;
  const professionsWanted = kind < 0.35 ? distinct(r, (q) => related[Math.floor(q() * related.length)]!, r() < 0.3 ? 2 : 1) : [];
  const skills = kind < 0.35 ? (r() < 0.4 ? [{ name: pickSkill(r), level: pickLevel(r) }] : []) : kind < 0.65 ? distinct(r, pickSkill, 1 + Math.floor(r() * 3)).map((name) => ({ name, level: pickLevel(r) })) : [];
  const remote = r() < 0.08;
  const languages: Language[] = category === 'hajj-and-umrah' && r() < 0.5 ? ['ar', pickOtherLanguage(r)] : r() < 0.2 ? ['ar', 'en'] : ['ar'];
  const minAgeRoll = r();
  return {
    id,
    orgId: `org-${Math.floor(r() * 2_000)}`,
    titleAr: `فرصة ${i}`,
    titleEn: `Opportunity ${i}`,
    category,
    city: city.id,
    ...(r() < 0.6 && { location: { lat: city.lat + jitter(r, 12), lon: city.lon + jitter(r, 12) } }),
    remote,
    professions: professionsWanted,
    skills,
    languages,
    ...(minAgeRoll < 0.4 ? { minAge: 18 } : minAgeRoll < 0.5 ? { minAge: 21 } : {}),
    shifts: shiftsFor(r, id, now),
  };
};

/** The opportunity that fits volunteer `v` best: every factor at its maximum. */
const plantedFor = (v: MatchVolunteer, id: string, now: Date): MatchOpportunity => {
  const slot = v.availability[0]!;
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 3 * 3_600_000;
  const todayRiyadh = new Date(now.getTime() + 3 * 3_600_000).getUTCDay();
  const days = ((WEEKDAYS.indexOf(slot.day) - todayRiyadh + 7) % 7) + 7;
  const [fh, fm] = slot.from.split(':').map(Number) as [number, number];
  const [th, tm] = slot.to.split(':').map(Number) as [number, number];
  const start = new Date(midnight + days * 86_400_000 + (fh * 60 + fm) * 60_000);
  const end = new Date(midnight + days * 86_400_000 + (th * 60 + tm) * 60_000);
  return {
    id,
    orgId: 'org-planted',
    titleAr: `فرصة مخصصة ${id}`,
    titleEn: `Planted ${id}`,
    category: v.interests[0]!,
    city: v.city,
    ...(v.location ? { location: v.location } : {}),
    remote: false,
    professions: v.professions.slice(0, 1),
    skills: v.skills.slice(0, 3),
    languages: v.languages.slice(0, 1),
    shifts: [{ id: `${id}-s0`, start: start.toISOString(), end: end.toISOString() }],
  };
};

export const syntheticCountry = (options: CountryOptions): Country => {
  const r = prng(options.seed ?? 20_300_000);
  const volunteers = Array.from({ length: options.volunteers }, (_, i) => volunteer(r, i, options.now));
  const random = options.opportunities - options.planted;
  const opportunities = Array.from({ length: random }, (_, i) => opportunity(r, i, options.now));
  const planted = new Map<string, string>();
  const stride = Math.max(1, Math.floor(options.volunteers / Math.max(1, options.planted)));
  for (let p = 0; p < options.planted; p++) {
    const v = volunteers[(p * stride + Math.floor(r() * stride)) % volunteers.length]!;
    if (planted.has(v.id)) continue;
    const id = `opp-p${String(p).padStart(5, '0')}`;
    opportunities.push(plantedFor(v, id, options.now));
    planted.set(v.id, id);
  }
  // Real ids carry no meaning (ULIDs); shuffled ids keep planted opportunities from winning or
  // losing every tie on the id tie-break.
  const ids = opportunities.map((_, i) => `opp-${String(i).padStart(5, '0')}`);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const renamed = opportunities.map((o, i) => ({ ...o, id: ids[i]!, shifts: o.shifts.map((s, n) => ({ ...s, id: `${ids[i]!}-s${n}` })) }));
  const renamedId = new Map(opportunities.map((o, i) => [o.id, ids[i]!]));
  for (const [volunteerId, id] of planted) planted.set(volunteerId, renamedId.get(id)!);
  return { volunteers, opportunities: renamed, planted };
};
