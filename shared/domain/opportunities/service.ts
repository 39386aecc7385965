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
import type { OrganizationOpportunityPage, OrganizationOpportunitiesQuery, UpdateOpportunity } from './schema.js';
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
  /**
   * Writes an edit in one transaction: the opportunity (if still as read: `before.updatedAt`),
   * changed and added shifts, removed shifts, the search items of a published one, the events.
   * Conditions keep capacity ≥ seats taken and shifts with seats in place; a failed one is an
   * OpportunityChangedError (read it again).
   */
  update(before: OpportunityRecord, after: OpportunityRecord, shifts: ShiftPlan, events?: readonly DomainEvent[]): Promise<void>;
  /** An organisation's opportunities, newest first, in one status or all. */
  listByOrganization(orgId: string, status: OpportunityStatus | undefined, limit: number, cursor: string | undefined): Promise<{ items: OpportunityRecord[]; nextCursor?: string }>;
}

/** How an edit changes the shifts: `keep` and `add` are written, `remove` deleted; `moved`/`seated` drive the conditions. */
export interface ShiftPlan {
  readonly keep: readonly { readonly shift: ShiftRecord; readonly moved: boolean; readonly seated: boolean; readonly changed: boolean }[];
  readonly add: readonly ShiftRecord[];
  readonly remove: readonly ShiftRecord[];
}

export interface OpportunityDeps {
  readonly repo: OpportunityRepository;
  /** Whether the organisation may post (its status). */
  readonly organizations: { get(orgId: string): Promise<Pick<OrganizationRecord, 'status'> | undefined> };
  readonly clock: Clock;
  readonly ids: () => string;
}

/** What editing, closing and reading use: no organisation read (issue 17). */
export type OpportunityStoreDeps = Omit<OpportunityDeps, 'organizations'>;

/** What posting a draft uses: the organisation's status and the create write alone (issue 17). */
export type OpportunityCreateDeps = Omit<OpportunityDeps, 'repo'> & { readonly repo: Pick<OpportunityRepository, 'create'> };

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
  deps: OpportunityCreateDeps,
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
  // A project's period is its one shift (seats = capacity): applications, seats and the rest work unchanged.
  const { project, shifts: given, ...rest } = input;
  const where = project ? 'project' : 'shifts';
  const shiftInputs = project ? [{ start: project.start, end: project.end, capacity: project.seats }] : (given ?? []);
  const outOfRange = shiftInputs.flatMap((shift, index) =>
    shift.start <= now
      ? [{ path: project ? `${where}.start` : `shifts.${index}.start`, message: `must be in the future (now is ${now})` }]
      : shift.start > latest
        ? [{ path: project ? `${where}.start` : `shifts.${index}.start`, message: `must be within ${MAX_SHIFT_LEAD_DAYS} days (by ${latest})` }]
        : [],
  );
  if (outOfRange.length > 0) {
    throw new ValidationError(`shifts must start in the future, within ${MAX_SHIFT_LEAD_DAYS} days: ${outOfRange.map((e) => e.path).join(', ')}`, {
      errors: outOfRange,
    });
  }

  const fields = {
    ...rest,
    ...(project && {
      kind: 'project' as const,
      project: { estimatedHours: project.estimatedHours, deliverables: project.deliverables.map((d) => ({ id: deps.ids(), titleAr: d.titleAr, titleEn: d.titleEn })) },
    }),
  };
  const id = deps.ids();
  const shifts: ShiftRecord[] = shiftInputs.map((shift) => ({
    id: deps.ids(),
    opportunityId: id,
    orgId,
    start: shift.start,
    end: shift.end,
    capacity: shift.capacity,
    seatsTaken: 0,
    ...(project && { project: true }),
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
const loadForChange = async (deps: Pick<OpportunityDeps, 'repo'>, caller: Caller, id: string) => {
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

export const closeOpportunity = async (deps: OpportunityStoreDeps, caller: Caller, id: string, input: { beneficiaries?: number | undefined } = {}) => {
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


/** A shift's seats: approved seats or a waitlist (a waitlist exists only when seats were taken). */
const isSeated = (shift: ShiftRecord) => shift.seatsTaken > 0 || (shift.waiting ?? 0) > 0;

/**
 * Edits an opportunity (its organisation's managers). A draft changes freely. A published one
 * keeps what volunteers hold: a shift's capacity never goes below its seats taken, a shift with
 * seats (or a waitlist) is neither moved nor removed, and at least one shift stays in the
 * future; when its place changes or a shift moves, `OpportunityUpdated` tells the volunteers
 * (notify-opportunity-updated). A closed opportunity is not edited (409).
 */
export const updateOpportunity = async (deps: OpportunityStoreDeps, caller: Caller, id: string, input: UpdateOpportunity): Promise<OpportunityView> => {
  const { opportunity, shifts } = await loadForChange(deps, caller, id);
  ensureStatus(opportunity, ['draft', 'published'], 'edited');
  const published = opportunity.status === 'published';
  const now = deps.clock.now().toISOString();
  const latest = new Date(deps.clock.now().getTime() + MAX_SHIFT_LEAD_DAYS * 86_400_000).toISOString();
  const errors: { path: string; message: string }[] = [];
  // A project is one period (its only shift), never shifts (issue 19).
  if (input.shifts && opportunity.kind === 'project') errors.push({ path: 'shifts', message: `opportunity ${id} is a project: it has one period and no shifts` });

  let plan: ShiftPlan = { keep: shifts.map((shift) => ({ shift, moved: false, seated: isSeated(shift), changed: false })), add: [], remove: [] };
  if (input.shifts) {
    const byId = new Map(shifts.map((shift) => [shift.id, shift]));
    const seen = new Set<string>();
    const keep: ShiftPlan['keep'][number][] = [];
    const add: ShiftRecord[] = [];
    input.shifts.forEach((edit, index) => {
      const path = `shifts.${index}`;
      const current = edit.id === undefined ? undefined : byId.get(edit.id);
      if (edit.id !== undefined && !current) return void errors.push({ path: `${path}.id`, message: `opportunity ${id} has no shift ${edit.id}` });
      if (edit.id !== undefined && seen.has(edit.id)) return void errors.push({ path: `${path}.id`, message: `shift ${edit.id} is listed twice` });
      if (edit.id !== undefined) seen.add(edit.id);
      const moved = !current || current.start !== edit.start || current.end !== edit.end;
      if (moved && edit.start <= now) errors.push({ path: `${path}.start`, message: `must be in the future (now is ${now})` });
      else if (moved && edit.start > latest) errors.push({ path: `${path}.start`, message: `must be within ${MAX_SHIFT_LEAD_DAYS} days (by ${latest})` });
      if (!current) {
        add.push({ id: deps.ids(), opportunityId: id, orgId: opportunity.orgId, start: edit.start, end: edit.end, capacity: edit.capacity, seatsTaken: 0 });
        return;
      }
      const seated = isSeated(current);
      if (published && seated && moved) {
        errors.push({ path: `${path}.start`, message: `shift ${current.id} has ${current.seatsTaken} seats taken: it cannot be moved (add a new shift instead)` });
      }
      if (edit.capacity < current.seatsTaken) {
        errors.push({ path: `${path}.capacity`, message: `must be at least the ${current.seatsTaken} seats already taken` });
      }
      keep.push({ shift: { ...current, start: edit.start, end: edit.end, capacity: edit.capacity }, moved, seated, changed: moved || edit.capacity !== current.capacity });
    });
    const remove = shifts.filter((shift) => !seen.has(shift.id));
    for (const shift of remove) {
      if (published && isSeated(shift)) errors.push({ path: 'shifts', message: `shift ${shift.id} has ${shift.seatsTaken} seats taken: it cannot be removed` });
    }
    plan = { keep, add, remove };
  }
  const next = [...plan.keep.map((k) => k.shift), ...plan.add];
  if (published && input.shifts && !next.some((shift) => shift.start > now)) {
    errors.push({ path: 'shifts', message: 'a published opportunity needs a shift starting in the future' });
  }
  if (errors.length > 0) throw new ValidationError(`opportunity ${id} cannot be changed so: ${errors.map((e) => e.path).join(', ')}`, { errors });

  const { shifts: _shifts, location, minAge, ...fields } = input;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const { location: oldLocation, minAge: oldMinAge, ...kept } = opportunity;
  const after: OpportunityRecord = {
    ...kept,
    ...defined,
    ...(location === undefined ? oldLocation && { location: oldLocation } : location !== null && { location }),
    ...(minAge === undefined ? oldMinAge !== undefined && { minAge: oldMinAge } : minAge !== null && { minAge }),
    firstShiftStart: next.map((s) => s.start).sort()[0]!,
    lastShiftEnd: next.map((s) => s.end).sort().at(-1)!,
    updatedAt: now,
  };
  const outside = after.location && locationOutsideCity(after.city, after.location);
  if (outside) throw new ValidationError(`location ${outside}`, { errors: [{ path: 'location', message: outside }] });
  const placeChanged = after.city !== opportunity.city || JSON.stringify(after.location ?? null) !== JSON.stringify(opportunity.location ?? null);
  const movedShifts = plan.keep
    .filter((k) => k.moved)
    .map((k) => {
      const before = shifts.find((s) => s.id === k.shift.id)!;
      return { shiftId: k.shift.id, start: k.shift.start, end: k.shift.end, previousStart: before.start, previousEnd: before.end };
    });
  const events =
    published && (placeChanged || movedShifts.length > 0)
      ? [event(deps, 'OpportunityUpdated', { opportunityId: id, orgId: opportunity.orgId, placeChanged, movedShifts, updatedAt: now })]
      : [];
  await deps.repo.update(opportunity, after, plan, events);
  return toView(after, next);
};

/** An organisation's own opportunities in every status (its managers; the ministry reads them too). */
export const listOrganizationOpportunities = async (
  deps: Pick<OpportunityDeps, 'repo'>,
  caller: Caller,
  orgId: string,
  query: OrganizationOpportunitiesQuery,
): Promise<OrganizationOpportunityPage> => {
  if (!managesOrganization(caller, orgId) && !hasGroup(caller, 'ministry-reviewer', 'ministry-admin')) {
    throw new ForbiddenError(`only managers of organisation ${orgId} and the ministry may list its opportunities`);
  }
  const page = await deps.repo.listByOrganization(orgId, query.status, query.limit, query.cursor);
  return {
    items: page.items.map((o) => ({
      id: o.id,
      orgId: o.orgId,
      titleAr: o.titleAr,
      titleEn: o.titleEn,
      category: o.category,
      city: o.city,
      status: o.status,
      requiresApproval: o.requiresApproval,
      firstShiftStart: o.firstShiftStart,
      lastShiftEnd: o.lastShiftEnd,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      ...(o.publishedAt && { publishedAt: o.publishedAt }),
      ...(o.closedAt && { closedAt: o.closedAt }),
    })),
    ...(page.nextCursor && { nextCursor: page.nextCursor }),
  };
};
