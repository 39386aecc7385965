/**
 * Opportunities and shifts: create (draft), publish, close, read with seats left, search.
 * Pure: ports come in as arguments. Who may do what:
 * - create, publish, close: managers of the opportunity's organisation, which must be active;
 *   another organisation's manager gets 403 on a published opportunity (it can see it) and 404
 *   on a draft or closed one (it cannot);
 * - read: anyone when published, its managers and the ministry (read-only) otherwise (404 for everyone else).
 */
import type { Clock } from '../../clock.js';
import type { DomainEvent } from '../events.js';
import { hasGroup, managesOrganization, type Caller } from '../caller.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { OrganizationNotActiveError } from '../organizations/errors.js';
import type { OrganizationRecord } from '../organizations/schema.js';
import { event } from '../organizations/service.js';
import { OpportunityStatusError } from './errors.js';
import type {
  CreateOpportunity,
  OpportunityRecord,
  OpportunityStatus,
  OpportunityView,
  SearchOpportunities,
  SearchPage,
  ShiftRecord,
} from './schema.js';
import { MAX_SHIFT_LEAD_DAYS } from './schema.js';
import { planSearch, type SearchPlan } from './search.js';
import { locationOutsideCity } from '../reference/cities.js';

export interface OpportunityRepository {
  create(opportunity: OpportunityRecord, shifts: readonly ShiftRecord[]): Promise<void>;
  get(id: string): Promise<{ opportunity: OpportunityRecord; shifts: ShiftRecord[] } | undefined>;
  /** draft → published with its search index items, one transaction (OpportunityStatusError if not a draft). */
  publish(opportunity: OpportunityRecord, publishedAt: string, events?: readonly DomainEvent[]): Promise<OpportunityRecord>;
  /** draft|published → closed, removing the index items; OpportunityStatusError if already closed. */
  close(opportunity: OpportunityRecord, closedAt: string, events?: readonly DomainEvent[]): Promise<OpportunityRecord>;
  search(plan: SearchPlan, limit: number, cursor: string | undefined): Promise<SearchPage>;
}

export interface OpportunityDeps {
  readonly repo: OpportunityRepository;
  readonly organizations: { get(orgId: string): Promise<OrganizationRecord | undefined> };
  readonly clock: Clock;
  readonly ids: () => string;
}

export const toView = (opportunity: OpportunityRecord, shifts: readonly ShiftRecord[]): OpportunityView => {
  const { createdBy: _createdBy, ...fields } = opportunity;
  return {
    ...fields,
    shifts: [...shifts]
      .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
      .map((shift) => ({
        id: shift.id,
        start: shift.start,
        end: shift.end,
        capacity: shift.capacity,
        seatsLeft: Math.max(0, shift.capacity - shift.seatsTaken),
      })),
  };
};

const requireActiveOrganization = async (deps: Pick<OpportunityDeps, 'organizations'>, orgId: string): Promise<void> => {
  const org = await deps.organizations.get(orgId);
  if (!org) throw new NotFoundError(`organisation ${orgId} not found`);
  if (org.status !== 'active') throw new OrganizationNotActiveError(orgId, org.status);
};

export const createOpportunity = async (
  deps: OpportunityDeps,
  caller: Caller,
  orgId: string,
  input: CreateOpportunity,
): Promise<OpportunityView> => {
  if (!managesOrganization(caller, orgId)) throw new ForbiddenError(`only managers of organisation ${orgId} may post its opportunities`);
  await requireActiveOrganization(deps, orgId);
  const outside = input.location && locationOutsideCity(input.city, input.location);
  if (outside) throw new ValidationError(`location ${outside}`, { errors: [{ path: 'location', message: outside }] });
  const now = deps.clock.now().toISOString();
  const latest = new Date(deps.clock.now().getTime() + MAX_SHIFT_LEAD_DAYS * 86_400_000).toISOString();
  const outOfRange = input.shifts.flatMap((shift, index) =>
    shift.start <= now
      ? [{ path: `shifts.${index}.start`, message: `must be in the future (now is ${now})` }]
      : shift.start > latest
        ? [{ path: `shifts.${index}.start`, message: `must be within ${MAX_SHIFT_LEAD_DAYS} days (by ${latest})` }]
        : [],
  );
  if (outOfRange.length > 0) {
    throw new ValidationError(`shifts must start in the future, within ${MAX_SHIFT_LEAD_DAYS} days: ${outOfRange.map((e) => e.path).join(', ')}`, {
      errors: outOfRange,
    });
  }

  const { shifts: shiftInputs, ...fields } = input;
  const id = deps.ids();
  const shifts: ShiftRecord[] = shiftInputs.map((shift) => ({
    id: deps.ids(),
    opportunityId: id,
    orgId,
    start: shift.start,
    end: shift.end,
    capacity: shift.capacity,
    seatsTaken: 0,
  }));
  const opportunity: OpportunityRecord = {
    ...fields,
    id,
    orgId,
    status: 'draft',
    firstShiftStart: shifts.map((s) => s.start).sort()[0]!,
    lastShiftEnd: shifts.map((s) => s.end).sort().at(-1)!,
    createdBy: caller.sub,
    createdAt: now,
    updatedAt: now,
  };
  await deps.repo.create(opportunity, shifts);
  return toView(opportunity, shifts);
};

/** Published ones for anyone; every status for its managers and, read-only, the ministry. */
const visibleTo = (caller: Caller | undefined, opportunity: OpportunityRecord): boolean =>
  opportunity.status === 'published' || managesOrganization(caller, opportunity.orgId) || hasGroup(caller, 'ministry-reviewer', 'ministry-admin');

/** Loads an opportunity the caller is to change: 404 if they cannot see it, 403 if they can but may not change it. */
const loadForChange = async (deps: OpportunityDeps, caller: Caller, id: string) => {
  const found = await deps.repo.get(id);
  if (!found || !visibleTo(caller, found.opportunity)) throw new NotFoundError(`opportunity ${id} not found`);
  if (!managesOrganization(caller, found.opportunity.orgId)) {
    throw new ForbiddenError(`only managers of organisation ${found.opportunity.orgId} may change opportunity ${id}`);
  }
  return found;
};

const ensureStatus = (opportunity: OpportunityRecord, allowed: readonly OpportunityStatus[], action: string) => {
  if (!allowed.includes(opportunity.status)) throw new OpportunityStatusError(opportunity.id, opportunity.status, action);
};

export const publishOpportunity = async (deps: OpportunityDeps, caller: Caller, id: string) => {
  const { opportunity, shifts } = await loadForChange(deps, caller, id);
  ensureStatus(opportunity, ['draft'], 'published');
  await requireActiveOrganization(deps, opportunity.orgId);
  const now = deps.clock.now().toISOString();
  if (!shifts.some((shift) => shift.start > now)) {
    throw new RuleViolationError('shifts', `opportunity ${id} has no shift starting in the future; it cannot be published`);
  }
  const published = await deps.repo.publish(opportunity, now, [
    event(deps, 'OpportunityPublished', {
      opportunityId: id,
      orgId: opportunity.orgId,
      category: opportunity.category,
      city: opportunity.city,
      skills: opportunity.skills,
      professions: opportunity.professions,
      requiresApproval: opportunity.requiresApproval,
      firstShiftStart: opportunity.firstShiftStart,
      lastShiftEnd: opportunity.lastShiftEnd,
      publishedAt: now,
    }),
  ]);
  return { id, status: published.status };
};

export const closeOpportunity = async (deps: OpportunityDeps, caller: Caller, id: string, input: { beneficiaries?: number | undefined } = {}) => {
  const { opportunity } = await loadForChange(deps, caller, id);
  ensureStatus(opportunity, ['draft', 'published'], 'closed');
  const now = deps.clock.now().toISOString();
  const closed = await deps.repo.close(opportunity, now, [
    event(deps, 'OpportunityClosed', {
      opportunityId: id,
      orgId: opportunity.orgId,
      previousStatus: opportunity.status === 'published' ? 'published' : 'draft',
      closedAt: now,
      ...(input.beneficiaries !== undefined && { beneficiaries: input.beneficiaries }),
    }),
  ]);
  return { id, status: closed.status };
};

export const viewOpportunity = async (deps: Pick<OpportunityDeps, 'repo'>, caller: Caller | undefined, id: string): Promise<OpportunityView> => {
  const found = await deps.repo.get(id);
  if (!found || !visibleTo(caller, found.opportunity)) throw new NotFoundError(`opportunity ${id} not found`);
  return toView(found.opportunity, found.shifts);
};

export const searchOpportunities = async (deps: Pick<OpportunityDeps, 'repo' | 'clock'>, query: SearchOpportunities): Promise<SearchPage> =>
  deps.repo.search(planSearch(query, deps.clock.now()), query.limit, query.cursor);

