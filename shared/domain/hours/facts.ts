/** The facts an hours record carries for events, and how they are derived (track, region, value). */
import { cityById } from '../reference/cities.js';
import type { OpportunityRecord } from '../opportunities/schema.js';
import type { VolunteerTrack } from './ports.js';
import type { HoursRecord, HoursTrack } from './schema.js';

/**
 * The track of hours: professional when the opportunity asked for a profession the volunteer
 * holds (the first such profession is named), skills when it asked for skills they hold, else general.
 */
export const trackOf = (
  opportunity: Pick<OpportunityRecord, 'professions' | 'skills'>,
  volunteer: VolunteerTrack | undefined,
): { track: HoursTrack; profession?: string } => {
  const profession = opportunity.professions.find((p) => volunteer?.professions.includes(p));
  if (profession) return { track: 'professional', profession };
  const held = new Set(volunteer?.skills.map((s) => s.name) ?? []);
  if (opportunity.skills.some((s) => held.has(s))) return { track: 'skills' };
  return { track: 'general' };
};

export const placeOf = (opportunity: Pick<OpportunityRecord, 'city' | 'category'>) => ({
  causes: [opportunity.category as string],
  city: opportunity.city as string,
  region: cityById(opportunity.city)?.region ?? 'unknown',
});

/** SAR, two decimals: minutes / 60 × the hourly replacement cost. */
export const valueOf = (minutes: number, sarPerHour: number | undefined): number =>
  sarPerHour === undefined ? 0 : Math.round((minutes / 60) * sarPerHour * 100) / 100;

/** The common part of every hours event detail. */
export const hoursFacts = (r: HoursRecord) => ({
  hoursId: r.id,
  volunteerId: r.volunteerId,
  orgId: r.orgId,
  opportunityId: r.opportunityId,
  ...(r.shiftId !== undefined && { shiftId: r.shiftId }),
  kind: r.kind,
  date: r.date,
  ...(r.startedAt !== undefined && { startedAt: r.startedAt }),
  ...(r.endedAt !== undefined && { endedAt: r.endedAt }),
  minutes: r.minutes,
  track: r.track,
  ...(r.profession !== undefined && { profession: r.profession }),
  causes: r.causes,
  city: r.city,
  region: r.region,
  ...(r.companyId !== undefined && { companyId: r.companyId }),
  ...(r.programId !== undefined && { programId: r.programId }),
  ...(r.disputeOf !== undefined && { disputeOf: r.disputeOf }),
});
