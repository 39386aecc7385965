import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../shared/domain/errors.js';
import { OpportunityStatusError } from '../../shared/domain/opportunities/errors.js';
import { CreateOpportunity, SearchOpportunities, UpdateOpportunity, type OpportunityRecord, type ShiftRecord } from '../../shared/domain/opportunities/schema.js';
import { matchesResidual, partitionsOf, planSearch, summaryOf } from '../../shared/domain/opportunities/search.js';
import {
  closeOpportunity,
  createOpportunity,
  publishOpportunity,
  viewOpportunity,
  type OpportunityRepository,
} from '../../shared/domain/opportunities/service.js';
import { OrganizationNotActiveError } from '../../shared/domain/organizations/errors.js';
import type { OrganizationRecord } from '../../shared/domain/organizations/schema.js';
import type { DomainEvent } from '../../shared/domain/events.js';
import type { Caller } from '../../shared/domain/caller.js';

const ORG = '01J0000000000000000000RG01';
const OTHER = '01J0000000000000000000TH01';
const NOW = new Date('2026-05-01T09:00:00.000Z');

const input = (): Record<string, unknown> => ({
  titleAr: 'تنظيف الشاطئ',
  titleEn: 'Beach clean-up',
  descriptionAr: 'نجمع النفايات من شاطئ جدة الشمالي.',
  descriptionEn: 'We collect litter on the northern Jeddah beach.',
  category: 'environment',
  city: 'jeddah',
  skills: ['first-aid'],
  professions: ['paramedic'],
  requiresApproval: true,
  shifts: [
    { start: '2026-05-10T08:00:00+03:00', end: '2026-05-10T12:00:00+03:00', capacity: 20 },
    { start: '2026-05-11T08:00:00+03:00', end: '2026-05-11T12:00:00+03:00', capacity: 10 },
  ],
});

const paths = (schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[] }[] } } }, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.path.map(String).join('.')) ?? [];

const shift = (overrides: Record<string, unknown>) => ({ start: '2026-05-10T08:00:00Z', end: '2026-05-10T12:00:00Z', capacity: 5, ...overrides });

describe('CreateOpportunity', () => {
  it('accepts a complete opportunity and stores shift times in UTC', () => {
    const parsed = CreateOpportunity.parse(input());
    expect(parsed.shifts?.[0]).toEqual({ start: '2026-05-10T05:00:00.000Z', end: '2026-05-10T09:00:00.000Z', capacity: 20 });
    expect(parsed.remote).toBe(false);
    expect(parsed.trainingModules).toEqual([]);
  });

  it('rejects a shift that ends before it starts', () => {
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ end: '2026-05-10T07:00:00Z' })] })).toEqual(['shifts.0.end']);
  });

  it('compares shift times across offsets', () => {
    // 10:00+03:00 is 07:00Z: before the 08:00Z start.
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ end: '2026-05-10T10:00:00+03:00' })] })).toEqual(['shifts.0.end']);
  });

  it.each([0, 10_001, 2.5])('rejects capacity %j', (capacity) => {
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ capacity })] })).toEqual(['shifts.0.capacity']);
  });

  it('accepts capacity 10,000', () => {
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ capacity: 10_000 })] })).toEqual([]);
  });

  it('rejects a 10-year shift (at most 24 hours)', () => {
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ end: '2036-05-10T08:00:00Z' })] })).toEqual(['shifts.0.end']);
  });

  it('accepts a 24-hour shift and refuses one a minute longer', () => {
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ end: '2026-05-11T08:00:00Z' })] })).toEqual([]);
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ end: '2026-05-11T08:01:00Z' })] })).toEqual(['shifts.0.end']);
  });

  it('rejects more than 50 shifts', () => {
    expect(paths(CreateOpportunity, { ...input(), shifts: Array.from({ length: 51 }, () => shift({})) })).toEqual(['shifts']);
  });

  it('rejects an opportunity without shifts', () => {
    expect(paths(CreateOpportunity, { ...input(), shifts: [] })).toEqual(['shifts']);
  });

  it('rejects a time without offset', () => {
    expect(paths(CreateOpportunity, { ...input(), shifts: [shift({ start: '2026-05-10T08:00:00' })] })).toContain('shifts.0.start');
  });

  it('rejects a title longer than 120 characters', () => {
    expect(paths(CreateOpportunity, { ...input(), titleEn: 'x'.repeat(121) })).toEqual(['titleEn']);
  });

  it('rejects a description longer than 4,000 characters', () => {
    expect(paths(CreateOpportunity, { ...input(), descriptionAr: 'ن'.repeat(4001) })).toEqual(['descriptionAr']);
  });

  it('rejects an unknown category', () => {
    expect(paths(CreateOpportunity, { ...input(), category: 'gaming' })).toEqual(['category']);
  });

  it('rejects an unknown profession', () => {
    expect(paths(CreateOpportunity, { ...input(), professions: ['astronaut'] })).toEqual(['professions.0']);
  });

  it('rejects a skill that is not kebab-case', () => {
    expect(paths(CreateOpportunity, { ...input(), skills: ['first aid!'] })).toEqual(['skills.0']);
  });

  it('rejects a minimum age below 12', () => {
    expect(paths(CreateOpportunity, { ...input(), minAge: 8 })).toEqual(['minAge']);
  });

  it('requires requiresApproval', () => {
    const { requiresApproval: _r, ...rest } = input();
    expect(paths(CreateOpportunity, rest)).toEqual(['requiresApproval']);
  });
});

describe('UpdateOpportunity (PATCH body)', () => {
  it('takes every field of the create body but the project, shifts being edits', () => {
    const created = Object.keys(CreateOpportunity.shape).filter((field) => field !== 'project').sort();
    expect(Object.keys(UpdateOpportunity.shape).sort()).toEqual(created);
  });

  it('carries only the fields the patch gives: no create default overwrites the rest', () => {
    expect(UpdateOpportunity.parse({ titleEn: 'Beach day' })).toEqual({ titleEn: 'Beach day' });
  });

  it.each([
    ['titleAr', 'ab'],
    ['descriptionEn', 'short'],
    ['skills', ['first-aid', 'first-aid']],
    ['trainingModules', ['Not An Id']],
    ['minAge', 11],
  ])('refuses %s as creation does', (field, value) => {
    const path = (result: { error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path[0]);
    expect(path(UpdateOpportunity.safeParse({ [field]: value }))).toContain(field);
    expect(path(CreateOpportunity.safeParse({ ...input(), [field]: value }))).toContain(field);
  });
});

describe('SearchOpportunities', () => {
  it('defaults the limit to 20 and reads it from the query string', () => {
    expect(SearchOpportunities.parse({}).limit).toBe(20);
    expect(SearchOpportunities.parse({ limit: '5' }).limit).toBe(5);
  });

  it.each(['0', '101', 'ten'])('rejects limit %j', (limit) => {
    expect(paths(SearchOpportunities, { limit })).toEqual(['limit']);
  });

  it('rejects to before from', () => {
    expect(paths(SearchOpportunities, { from: '2026-06-01T00:00:00Z', to: '2026-05-01T00:00:00Z' })).toEqual(['to']);
  });
});

describe('planSearch', () => {
  const query = (q: Record<string, string>) => SearchOpportunities.parse(q);

  it('queries the all-published partition from now when no filter is given', () => {
    expect(planSearch(query({}), NOW)).toEqual({ partition: { dimension: 'all' }, now: NOW.toISOString(), residual: {} });
  });

  it('queries the organisation partition first and filters the rest on it', () => {
    const plan = planSearch(query({ city: 'riyadh', category: 'health', orgId: ORG, profession: 'doctor' }), NOW);
    expect(plan.partition).toEqual({ dimension: 'org', value: ORG });
    expect(plan.residual).toEqual({ city: 'riyadh', category: 'health', profession: 'doctor' });
  });

  it('prefers profession over skill, skill over city and city over category', () => {
    expect(planSearch(query({ city: 'riyadh', skill: 'first-aid', profession: 'nurse' }), NOW).partition).toEqual({ dimension: 'profession', value: 'nurse' });
    expect(planSearch(query({ city: 'riyadh', skill: 'first-aid' }), NOW).partition).toEqual({ dimension: 'skill', value: 'first-aid' });
    expect(planSearch(query({ city: 'riyadh', category: 'health' }), NOW).partition).toEqual({ dimension: 'city', value: 'riyadh' });
  });

  it('keeps an explicit from and turns to into a filter on the first shift start', () => {
    const plan = planSearch(query({ from: '2026-06-01T00:00:00+03:00', to: '2026-06-30T00:00:00Z' }), NOW);
    expect(plan.from).toBe('2026-05-31T21:00:00.000Z');
    expect(plan.residual).toEqual({ startsBy: '2026-06-30T00:00:00.000Z' });
  });
});

const { shifts: _shifts, project: _project, ...fields } = CreateOpportunity.parse(input());
const record = (overrides: Partial<OpportunityRecord> = {}): OpportunityRecord => ({
  ...fields,
  id: '01J0000000000000000000OPP1',
  orgId: ORG,
  status: 'draft',
  firstShiftStart: '2026-05-10T05:00:00.000Z',
  lastShiftEnd: '2026-05-11T09:00:00.000Z',
  createdBy: 'manager-1',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  ...overrides,
});

describe('partitionsOf', () => {
  it('lists an opportunity under all, its city, category, organisation, skills and professions', () => {
    expect(partitionsOf(record({ skills: ['first-aid', 'driving'] }))).toEqual([
      { dimension: 'all' },
      { dimension: 'city', value: 'jeddah' },
      { dimension: 'category', value: 'environment' },
      { dimension: 'org', value: ORG },
      { dimension: 'skill', value: 'first-aid' },
      { dimension: 'skill', value: 'driving' },
      { dimension: 'profession', value: 'paramedic' },
    ]);
  });
});

describe('matchesResidual', () => {
  const summary = summaryOf(record(), NOW.toISOString());
  it('matches when every residual filter holds', () => {
    expect(matchesResidual(summary, { city: 'jeddah', skill: 'first-aid', startsBy: '2026-05-10T05:00:00.000Z' })).toBe(true);
  });
  it('fails when the first shift starts after to', () => {
    expect(matchesResidual(summary, { startsBy: '2026-05-10T04:59:59.999Z' })).toBe(false);
  });
});

const fakeRepo = (initial: { opportunity: OpportunityRecord; shifts: ShiftRecord[] }[] = []) => {
  const store = new Map(initial.map((entry) => [entry.opportunity.id, entry]));
  /** The events each write carried in its transaction. */
  const events: DomainEvent[] = [];
  const repo: OpportunityRepository = {
    async create(opportunity, shifts) {
      store.set(opportunity.id, { opportunity, shifts: [...shifts] });
    },
    async get(id) {
      return store.get(id);
    },
    async publish(opportunity, publishedAt, written = []) {
      const next = { ...opportunity, status: 'published' as const, publishedAt };
      store.set(opportunity.id, { ...store.get(opportunity.id)!, opportunity: next });
      events.push(...written);
      return next;
    },
    async close(opportunity, closedAt, written = []) {
      const next = { ...opportunity, status: 'closed' as const, closedAt };
      store.set(opportunity.id, { ...store.get(opportunity.id)!, opportunity: next });
      events.push(...written);
      return next;
    },
    async search() {
      return { items: [] };
    },
    async update(_before, after, plan, written = []) {
      const removed = new Set(plan.remove.map((shift) => shift.id));
      const kept = new Map(plan.keep.map((k) => [k.shift.id, k.shift]));
      const shifts = store.get(after.id)!.shifts.filter((shift) => !removed.has(shift.id)).map((shift) => kept.get(shift.id) ?? shift);
      store.set(after.id, { opportunity: after, shifts: [...shifts, ...plan.add] });
      events.push(...written);
    },
    async listByOrganization(orgId, status) {
      return { items: [...store.values()].map((e) => e.opportunity).filter((o) => o.orgId === orgId && (status === undefined || o.status === status)) };
    },
  };
  return { repo, store, events };
};

const org = (status: OrganizationRecord['status']): OrganizationRecord => ({
  id: ORG,
  nameAr: 'جمعية',
  nameEn: 'Society',
  licenseNumber: '1010123456',
  city: 'jeddah',
  contactEmail: 'c@example.sa',
  phone: '+966112345678',
  causes: ['environment'],
  status,
  registeredBy: { sub: 'founder' },
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});

const deps = (status: OrganizationRecord['status'] = 'active', initial: { opportunity: OpportunityRecord; shifts: ShiftRecord[] }[] = []) => {
  const { repo, store, events } = fakeRepo(initial);
  let n = 0;
  return {
    store,
    events,
    deps: {
      repo,
      organizations: { get: async (id: string) => (id === ORG ? org(status) : undefined) },
      clock: { now: () => NOW },
      ids: () => `01J0000000000000000000${String(++n).padStart(4, '0')}`,
    },
  };
};

const manager: Caller = { sub: 'manager-1', groups: ['org-manager'], orgId: ORG };
const otherManager: Caller = { sub: 'manager-2', groups: ['org-manager'], orgId: OTHER };
const shiftOf = (opportunity: OpportunityRecord, start: string, seatsTaken = 0): ShiftRecord => ({
  id: `S${start}`,
  opportunityId: opportunity.id,
  orgId: ORG,
  start,
  end: '2026-05-11T09:00:00.000Z',
  capacity: 10,
  seatsTaken,
});

describe('createOpportunity', () => {
  it('creates a draft with shift ids and every seat left', async () => {
    const { deps: d } = deps();
    const view = await createOpportunity(d, manager, ORG, CreateOpportunity.parse(input()));
    expect(view).toMatchObject({ status: 'draft', orgId: ORG, firstShiftStart: '2026-05-10T05:00:00.000Z', lastShiftEnd: '2026-05-11T09:00:00.000Z' });
    expect(view.shifts.map((s) => [typeof s.id, s.seatsLeft])).toEqual([
      ['string', 20],
      ['string', 10],
    ]);
  });

  it('names every shift that starts in the past', async () => {
    const { deps: d, store } = deps();
    const body = CreateOpportunity.parse({ ...input(), shifts: [shift({ start: '2026-06-01T08:00:00Z', end: '2026-06-01T09:00:00Z' }), shift({ start: '2026-04-30T08:00:00Z', end: '2026-04-30T09:00:00Z' })] });
    const error = await createOpportunity(d, manager, ORG, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ path: 'shifts.1.start', message: expect.stringContaining('future') }]);
    expect(store.size).toBe(0);
  });

  it('names a shift in year 9999 (shifts start within two years)', async () => {
    const { deps: d, store } = deps();
    const body = CreateOpportunity.parse({ ...input(), shifts: [shift({}), shift({ start: '9999-01-01T08:00:00Z', end: '9999-01-01T12:00:00Z' })] });
    const error = await createOpportunity(d, manager, ORG, body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ path: 'shifts.1.start', message: expect.stringContaining('within 730 days') }]);
    expect(store.size).toBe(0);
  });

  it("refuses another organisation's manager", async () => {
    const { deps: d } = deps();
    await expect(createOpportunity(d, otherManager, ORG, CreateOpportunity.parse(input()))).rejects.toThrow(ForbiddenError);
  });

  it.each(['pending', 'rejected', 'expired'] as const)('refuses a %s organisation', async (status) => {
    const { deps: d } = deps(status);
    await expect(createOpportunity(d, manager, ORG, CreateOpportunity.parse(input()))).rejects.toThrow(OrganizationNotActiveError);
  });
});

describe('publish, close and view', () => {
  const draft = record();
  const published = record({ id: '01J0000000000000000000OPP2', status: 'published', publishedAt: NOW.toISOString() });
  const entries = () => [
    { opportunity: draft, shifts: [shiftOf(draft, '2026-05-10T05:00:00.000Z', 3)] },
    { opportunity: published, shifts: [shiftOf(published, '2026-05-10T05:00:00.000Z')] },
  ];

  it('publishes a draft and announces it', async () => {
    const { deps: d, events } = deps('active', entries());
    expect(await publishOpportunity(d, manager, draft.id)).toEqual({ id: draft.id, status: 'published' });
    expect(events.map((e) => e.type)).toEqual(['OpportunityPublished']);
  });

  it('refuses to publish twice', async () => {
    const { deps: d } = deps('active', entries());
    await expect(publishOpportunity(d, manager, published.id)).rejects.toThrow(OpportunityStatusError);
  });

  it('refuses to publish when every shift has started', async () => {
    const past = record({ id: '01J0000000000000000000OPP3' });
    const { deps: d } = deps('active', [{ opportunity: past, shifts: [shiftOf(past, '2026-04-30T05:00:00.000Z')] }]);
    await expect(publishOpportunity(d, manager, past.id)).rejects.toThrow(RuleViolationError);
  });

  it("answers 404 to another organisation's manager for a draft and 403 for a published one", async () => {
    const { deps: d } = deps('active', entries());
    await expect(publishOpportunity(d, otherManager, draft.id)).rejects.toThrow(NotFoundError);
    await expect(closeOpportunity(d, otherManager, published.id)).rejects.toThrow(ForbiddenError);
  });

  it('closes a published opportunity and announces it', async () => {
    const { deps: d, events } = deps('active', entries());
    expect(await closeOpportunity(d, manager, published.id)).toEqual({ id: published.id, status: 'closed' });
    expect(events[0]).toMatchObject({ type: 'OpportunityClosed', detail: { previousStatus: 'published' } });
  });

  it('announces the beneficiaries a manager reports when closing (impact reports)', async () => {
    const { deps: d, events } = deps('active', entries());
    await closeOpportunity(d, manager, published.id, { beneficiaries: 230 });
    expect(events[0]).toMatchObject({ type: 'OpportunityClosed', detail: { beneficiaries: 230 } });
  });

  it('shows a draft to its managers only, with seats left per shift', async () => {
    const { deps: d } = deps('active', entries());
    await expect(viewOpportunity(d, undefined, draft.id)).rejects.toThrow(NotFoundError);
    await expect(viewOpportunity(d, otherManager, draft.id)).rejects.toThrow(NotFoundError);
    const view = await viewOpportunity(d, manager, draft.id);
    expect(view.shifts[0]?.seatsLeft).toBe(7);
    expect(view).not.toHaveProperty('createdBy');
  });

  it('shows a published opportunity to anyone', async () => {
    const { deps: d } = deps('active', entries());
    await expect(viewOpportunity(d, undefined, published.id)).resolves.toMatchObject({ id: published.id, status: 'published' });
  });
});
