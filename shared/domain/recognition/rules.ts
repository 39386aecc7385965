/** Pure rules of recognition: points, display names, who may be published. */
import type { HoursApprovedDetail } from '../hours/schema.js';

/** Points per approved hour; skills-based and professional hours count more (the seed's "Haroon" programme). */
export const POINTS_PER_HOUR = { general: 10, skills: 15, professional: 15 } as const;

/** Points for approved hours: whole points, none for hours cut to zero. */
export const pointsForHours = (minutes: number, track: HoursApprovedDetail['track']): number =>
  minutes <= 0 ? 0 : Math.floor((minutes * POINTS_PER_HOUR[track]) / 60);

/** Volunteers under this age are never published (achievements, leaderboards, awards feed). */
export const PUBLICATION_MIN_AGE = 18;

const initial = (word: string | undefined): string => (word ? `${[...word][0]}.` : '');

/** "Sara A." / "سارة ع.": the first name and the initial of the last; never the full name. */
export const displayName = (nameEn: string, nameAr: string, locale: 'ar' | 'en' = 'en'): string => {
  const words = (locale === 'ar' ? nameAr : nameEn).trim().split(/\s+/u);
  return words.length > 1 ? `${words[0]} ${initial(words[words.length - 1])}` : words[0] ?? '';
};

export interface PublicationProfile {
  readonly birthDate: string;
  /** The volunteer's choice (preferences.showAchievements); absent means yes. */
  readonly showAchievements?: boolean;
}

/** Adults who did not opt out may appear in public achievements and leaderboards. */
export const isPublishable = (profile: PublicationProfile, at: Date): boolean => {
  if (profile.showAchievements === false) return false;
  const [y, m, d] = profile.birthDate.split('-').map(Number) as [number, number, number];
  const adultOn = Date.UTC(y + PUBLICATION_MIN_AGE, m - 1, d);
  return at.getTime() >= adultOn;
};

/** Leaderboard order: more minutes first; equal minutes → whoever reached the total first. */
export const rankKey = (minutes: number, reachedAt: string): string =>
  `${String(Math.max(0, minutes)).padStart(10, '0')}#${String(9_999_999_999_999 - Date.parse(reachedAt)).padStart(13, '0')}`;

/** The GSI1SK prefix of every entry with exactly `minutes` (to read all who tie on a total). */
export const rankPrefix = (minutes: number): string => `${String(Math.max(0, minutes)).padStart(10, '0')}#`;

/** A volunteer in the running for an award decided by the rule. */
export interface Contender {
  readonly volunteerId: string;
  readonly minutes: number;
  /** When they reached their total. */
  readonly reachedAt: string;
  /** Mean of the managers' ratings (1-5); absent when never rated (ranks below any rating). */
  readonly rating?: number;
}

/**
 * The rule of volunteer of the month (organisation, region or nation): most approved minutes
 * in the month; ties broken by rating, then by whoever reached the total first.
 */
export const byTheRule = (contenders: readonly Contender[]): Contender | undefined =>
  [...contenders]
    .filter((c) => c.minutes > 0)
    .sort(
      (a, b) =>
        b.minutes - a.minutes ||
        (b.rating ?? 0) - (a.rating ?? 0) ||
        a.reachedAt.localeCompare(b.reachedAt) ||
        a.volunteerId.localeCompare(b.volunteerId),
    )[0];
