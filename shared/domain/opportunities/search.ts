/**
 * How a search is served, decided without I/O. A published opportunity is listed in one index
 * partition per filter dimension (see shared/db/keys.ts); a search queries exactly one of them,
 * the most selective one the query names, and applies the other filters to the items of that
 * partition as it reads them (a DynamoDB FilterExpression). The order of selectivity is fixed
 * (an organisation has few opportunities; a profession or a skill is rarer than a city, a city
 * rarer than a category): counting partition sizes would need a counter item that every publish
 * updates, a hot item, for a gain only on unusual combinations.
 */
import type { CityId } from '../reference/cities.js';
import type { Cause } from '../reference/causes.js';
import type { Profession } from '../reference/professions.js';
import type { OpportunityRecord, OpportunitySummary, SearchOpportunities } from './schema.js';

export type SearchDimension = 'all' | 'city' | 'category' | 'skill' | 'profession' | 'org';

export interface SearchPartition {
  readonly dimension: SearchDimension;
  readonly value?: string;
}

/** The filters left after choosing the partition (they are applied to that partition's items). */
export interface ResidualFilters {
  readonly city?: CityId;
  readonly category?: Cause;
  readonly skill?: string;
  readonly profession?: Profession;
  readonly orgId?: string;
  /** Latest first-shift start (the query's `to`). */
  readonly startsBy?: string;
}

export interface SearchPlan {
  readonly partition: SearchPartition;
  /**
   * Lower bound of the sort key (last shift end): opportunities still running at `from`.
   * Absent → `now` on the first page; later pages keep the first page's bound (it travels in
   * the cursor), so that a page boundary never moves with the clock.
   */
  readonly from?: string;
  readonly now: string;
  readonly residual: ResidualFilters;
}

/** Most selective first. */
export const SELECTIVITY: readonly Exclude<SearchDimension, 'all'>[] = ['org', 'profession', 'skill', 'city', 'category'];

const valueOf = (query: SearchOpportunities, dimension: Exclude<SearchDimension, 'all'>): string | undefined =>
  dimension === 'org' ? query.orgId : query[dimension];

export const planSearch = (query: SearchOpportunities, now: Date): SearchPlan => {
  const chosen = SELECTIVITY.find((dimension) => valueOf(query, dimension) !== undefined);
  const partition: SearchPartition = chosen ? { dimension: chosen, value: valueOf(query, chosen)! } : { dimension: 'all' };
  const residual: ResidualFilters = {
    ...(chosen !== 'city' && query.city && { city: query.city }),
    ...(chosen !== 'category' && query.category && { category: query.category }),
    ...(chosen !== 'skill' && query.skill && { skill: query.skill }),
    ...(chosen !== 'profession' && query.profession && { profession: query.profession }),
    ...(chosen !== 'org' && query.orgId && { orgId: query.orgId }),
    ...(query.to && { startsBy: query.to }),
  };
  return { partition, ...(query.from && { from: query.from }), now: now.toISOString(), residual };
};

/** The partitions a published opportunity is listed in: all, its city, category, org, each skill and profession. */
export const partitionsOf = (opportunity: Pick<OpportunityRecord, 'city' | 'category' | 'orgId' | 'skills' | 'professions'>): SearchPartition[] => [
  { dimension: 'all' },
  { dimension: 'city', value: opportunity.city },
  { dimension: 'category', value: opportunity.category },
  { dimension: 'org', value: opportunity.orgId },
  ...opportunity.skills.map((skill) => ({ dimension: 'skill' as const, value: skill })),
  ...opportunity.professions.map((profession) => ({ dimension: 'profession' as const, value: profession })),
];

export const summaryOf = (opportunity: OpportunityRecord, publishedAt: string): OpportunitySummary => ({
  id: opportunity.id,
  orgId: opportunity.orgId,
  titleAr: opportunity.titleAr,
  titleEn: opportunity.titleEn,
  category: opportunity.category,
  city: opportunity.city,
  ...(opportunity.location && { location: opportunity.location }),
  remote: opportunity.remote,
  skills: opportunity.skills,
  professions: opportunity.professions,
  ...(opportunity.minAge !== undefined && { minAge: opportunity.minAge }),
  requiresApproval: opportunity.requiresApproval,
  firstShiftStart: opportunity.firstShiftStart,
  lastShiftEnd: opportunity.lastShiftEnd,
  publishedAt,
});

/** The same conditions as the residual FilterExpression, for tests and fakes. */
export const matchesResidual = (summary: OpportunitySummary, residual: ResidualFilters): boolean =>
  (residual.city === undefined || summary.city === residual.city) &&
  (residual.category === undefined || summary.category === residual.category) &&
  (residual.skill === undefined || summary.skills.includes(residual.skill)) &&
  (residual.profession === undefined || summary.professions.includes(residual.profession)) &&
  (residual.orgId === undefined || summary.orgId === residual.orgId) &&
  (residual.startsBy === undefined || summary.firstShiftStart <= residual.startsBy);
