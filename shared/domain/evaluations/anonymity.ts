/**
 * What may be shown of ratings, pure. The public sees an organisation's average only once it
 * rests on at least ANONYMITY_THRESHOLD ratings, and never a comment. The organisation sees
 * volunteers' comments without their author's identity; when fewer than ANONYMITY_THRESHOLD
 * volunteers attended a shift, a comment's score (and the shift's average) could be tied to a
 * person by elimination, so only the texts are shown, in text order (not in time order).
 */
import { ANONYMITY_THRESHOLD, type ExperienceAggregate, type ExperienceRecord, type OrganizationRatingView, type VolunteerAggregate, type VolunteerRatingView } from './schema.js';

const round2 = (value: number) => Math.round(value * 100) / 100;

export const publicOrganizationRating = (orgId: string, aggregate: ExperienceAggregate | undefined): OrganizationRatingView => {
  const count = aggregate?.count ?? 0;
  return { orgId, count, ...(aggregate && count >= ANONYMITY_THRESHOLD && { average: round2(aggregate.sum / count) }) };
};

export const volunteerRating = (volunteerId: string, aggregate: VolunteerAggregate | undefined): VolunteerRatingView => {
  if (!aggregate || aggregate.count === 0) return { volunteerId, count: 0 };
  const { count } = aggregate;
  return {
    volunteerId,
    count,
    punctuality: round2(aggregate.punctuality / count),
    skill: round2(aggregate.skill / count),
    conduct: round2(aggregate.conduct / count),
    overall: round2((aggregate.punctuality + aggregate.skill + aggregate.conduct) / (3 * count)),
  };
};

/** The volunteers' feedback on one shift, as its organisation may see it. */
export const shiftExperienceForOrganization = (
  attended: number,
  experiences: readonly Pick<ExperienceRecord, 'rating' | 'comment'>[],
): { count: number; average?: number; comments: { text: string; rating?: number }[] } => {
  const open = attended >= ANONYMITY_THRESHOLD;
  const comments = experiences
    .filter((e) => e.comment !== undefined)
    .map((e) => (open ? { text: e.comment!, rating: e.rating } : { text: e.comment! }))
    .sort((a, b) => a.text.localeCompare(b.text));
  const count = experiences.length;
  return {
    count,
    ...(open && count > 0 && { average: round2(experiences.reduce((sum, e) => sum + e.rating, 0) / count) }),
    comments,
  };
};
