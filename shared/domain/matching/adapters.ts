/**
 * From the records of other areas to the matching views, and the partitioning helpers of the
 * matching index. Pure.
 */
import type { OpportunityRecord, ShiftRecord } from '../opportunities/schema.js';
import type { VolunteerRecord } from '../volunteers/schema.js';
import type { MatchOpportunity, MatchVolunteer } from './schema.js';

/** Volunteer shards: the unit of work of MatchingRun (about 1,200 volunteers each at 300,000). */
export const SHARD_COUNT = 256;
/** Partitions of the open-opportunity catalogue (10,000 items spread so no partition is hot). */
export const OPEN_BUCKETS = 16;

/** FNV-1a: a stable, well-spread hash of an id. */
export const hashOf = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
};
export const shardOf = (volunteerId: string): number => hashOf(volunteerId) % SHARD_COUNT;
export const bucketOf = (opportunityId: string): number => hashOf(opportunityId) % OPEN_BUCKETS;
export const allShards = (): number[] => Array.from({ length: SHARD_COUNT }, (_, i) => i);

export const toMatchVolunteer = (record: VolunteerRecord): MatchVolunteer => ({
  id: record.id,
  birthDate: record.birthDate,
  city: record.city,
  ...(record.location && { location: record.location }),
  skills: record.skills,
  professions: record.professions,
  languages: record.languages,
  availability: record.availability,
  interests: record.interests,
});

/** "Sara Ahmed Alqahtani" → "Sara A.": what an organisation sees before the volunteer applies. */
export const displayName = (fullName: string): string => {
  const [first = '', second] = fullName.trim().split(/\s+/);
  return second ? `${first} ${second.charAt(0)}.` : first;
};

/** How a volunteer wants to be reached: email if they consent to it, else SMS, else only in the app. */
export const preferredChannel = (preferences: VolunteerRecord['preferences']): 'email' | 'sms' | 'none' =>
  preferences.email ? 'email' : preferences.sms ? 'sms' : 'none';

/** What matching keeps of a volunteer besides the view: display data and how to reach them. */
export interface VolunteerCard {
  readonly displayName: string;
  readonly displayNameAr: string;
  readonly channel: 'email' | 'sms' | 'none';
}

export const volunteerCard = (record: VolunteerRecord): VolunteerCard => ({
  displayName: displayName(record.nameEn),
  displayNameAr: displayName(record.nameAr),
  channel: preferredChannel(record.preferences),
});

/** Opportunity skills carry no level: any level meets them. The platform's working language is Arabic. */
export const toMatchOpportunity = (record: OpportunityRecord, shifts: readonly ShiftRecord[]): MatchOpportunity => ({
  id: record.id,
  orgId: record.orgId,
  titleAr: record.titleAr,
  titleEn: record.titleEn,
  category: record.category,
  city: record.city,
  ...(record.location && { location: record.location }),
  remote: record.remote,
  skills: record.skills.map((name) => ({ name, level: 'beginner' as const })),
  professions: record.professions,
  ...(record.minAge !== undefined && { minAge: record.minAge }),
  shifts: shifts.map((s) => ({ id: s.id, start: s.start, end: s.end })),
});
