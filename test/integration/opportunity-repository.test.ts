import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { createTestTable } from '../helpers/table.js';
import { BadRequestError } from '../../shared/domain/errors.js';
import { OpportunityStatusError } from '../../shared/domain/opportunities/errors.js';
import { SearchOpportunities, type OpportunityRecord, type SearchPage, type ShiftRecord } from '../../shared/domain/opportunities/schema.js';
import { planSearch } from '../../shared/domain/opportunities/search.js';
import type { OpportunityRepository } from '../../shared/domain/opportunities/service.js';

let repo: OpportunityRepository;
let seed: typeof import('../../shared/db/opportunity-repository.js').seedPublishedOpportunities;
let encodeCursor: typeof import('../../shared/db/opportunity-repository.js').encodeCursor;
let documentClient: typeof import('../../shared/db/client.js').documentClient;
let shiftKeys: typeof import('../../shared/db/entities/shift.js').shift.keys;

const NOW = new Date('2026-05-01T09:00:00.000Z');
const hour = 3_600_000;

const opportunity = (orgId: string, index: number, overrides: Partial<OpportunityRecord> = {}): { opportunity: OpportunityRecord; shifts: ShiftRecord[] } => {
  const id = ulid();
  const start = new Date(NOW.getTime() + (24 + (index % 7)) * hour).toISOString();
  const end = new Date(NOW.getTime() + (28 + (index % 7)) * hour).toISOString();
  return {
    opportunity: {
      id,
      orgId,
      status: 'draft',
      titleAr: `فرصة ${index}`,
      titleEn: `Opportunity ${index}`,
      descriptionAr: 'وصف الفرصة التطوعية',
      descriptionEn: 'A volunteering opportunity',
      category: index % 2 === 0 ? 'health' : 'education',
      city: index % 3 === 0 ? 'riyadh' : 'jeddah',
      remote: false,
      skills: index % 4 === 0 ? ['first-aid'] : [],
      professions: index % 5 === 0 ? ['nurse'] : [],
      requiresApproval: false,
      trainingModules: [],
      firstShiftStart: start,
      lastShiftEnd: end,
      createdBy: 'manager',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      ...overrides,
    },
    shifts: [{ id: ulid(), opportunityId: id, orgId, start, end, capacity: 10, seatsTaken: 0 }],
  };
};

const search = (query: Record<string, string>, cursor?: string): Promise<SearchPage> => {
  const parsed = SearchOpportunities.parse(query);
  return repo.search(planSearch(parsed, NOW), parsed.limit, cursor);
};

const allPages = async (query: Record<string, string>) => {
  const pages: SearchPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await search(query, cursor);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
};

beforeAll(async () => {
  await createTestTable();
  const module = await import('../../shared/db/opportunity-repository.js');
  repo = module.opportunityRepository();
  seed = module.seedPublishedOpportunities;
  encodeCursor = module.encodeCursor;
  documentClient = (await import('../../shared/db/client.js')).documentClient;
  shiftKeys = (await import('../../shared/db/entities/shift.js')).shift.keys;
});

describe('opportunity repository', () => {
  it('pages through an organisation in 3 pages with every opportunity exactly once, in order', async () => {
    const orgId = ulid();
    const entries = Array.from({ length: 25 }, (_, i) => opportunity(orgId, i));
    await seed(entries);
    const pages = await allPages({ orgId, limit: '10' });
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.at(-1)?.nextCursor).toBeUndefined();
    const ids = pages.flatMap((p) => p.items.map((item) => item.id));
    expect([...ids].sort()).toEqual(entries.map((e) => e.opportunity.id).sort());
    const sortKeys = pages.flatMap((p) => p.items.map((item) => `${item.lastShiftEnd}#${item.id}`));
    expect(sortKeys).toEqual([...sortKeys].sort());
  });

  it('keeps pages stable when an opportunity is published between two pages', async () => {
    const orgId = ulid();
    const entries = Array.from({ length: 12 }, (_, i) => opportunity(orgId, i));
    await seed(entries);
    const first = await search({ orgId, limit: '5' });
    const late = opportunity(orgId, 0, { lastShiftEnd: new Date(NOW.getTime() + 2 * hour).toISOString() });
    await seed([late]);
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await search({ orgId, limit: '5' }, cursor);
      rest.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    const seen = [...first.items.map((i) => i.id), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(entries.map((e) => e.opportunity.id).sort());
  });

  it('applies the other filters on the chosen partition across pages', async () => {
    const orgId = ulid();
    const entries = Array.from({ length: 40 }, (_, i) => opportunity(orgId, i));
    await seed(entries);
    const pages = await allPages({ orgId, city: 'riyadh', category: 'health', limit: '3' });
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    const expected = entries.filter((e) => e.opportunity.city === 'riyadh' && e.opportunity.category === 'health').map((e) => e.opportunity.id);
    expect([...ids].sort()).toEqual(expected.sort());
  });

  it('finds opportunities by skill and profession', async () => {
    const orgId = ulid();
    const entries = Array.from({ length: 20 }, (_, i) => opportunity(orgId, i));
    await seed(entries);
    const bySkill = (await allPages({ orgId, skill: 'first-aid', limit: '100' })).flatMap((p) => p.items);
    expect(bySkill.map((i) => i.id).sort()).toEqual(entries.filter((e) => e.opportunity.skills.includes('first-aid')).map((e) => e.opportunity.id).sort());
    const byProfession = (await allPages({ profession: 'nurse', orgId, limit: '100' })).flatMap((p) => p.items);
    expect(byProfession).toHaveLength(4);
  });

  it('leaves out opportunities whose last shift ended before from', async () => {
    const orgId = ulid();
    const entries = [opportunity(orgId, 0), opportunity(orgId, 1, { lastShiftEnd: new Date(NOW.getTime() - hour).toISOString() })];
    await seed(entries);
    const items = (await search({ orgId })).items;
    expect(items.map((i) => i.id)).toEqual([entries[0]!.opportunity.id]);
  });

  it('refuses a tampered cursor', async () => {
    const orgId = ulid();
    await seed(Array.from({ length: 3 }, (_, i) => opportunity(orgId, i)));
    const { nextCursor } = await search({ orgId, limit: '1' });
    const tampered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(nextCursor!, 'base64url').toString()), s: 'x' })).toString('base64url');
    await expect(search({ orgId, limit: '1' }, tampered)).rejects.toThrow(BadRequestError);
    await expect(search({ orgId, limit: '1' }, 'not a cursor!')).rejects.toThrow(BadRequestError);
  });

  it('refuses a cursor of another search', async () => {
    const orgId = ulid();
    await seed(Array.from({ length: 3 }, (_, i) => opportunity(orgId, i)));
    const { nextCursor } = await search({ orgId, limit: '1' });
    await expect(search({ city: 'riyadh', limit: '1' }, nextCursor)).rejects.toThrow(/another search|other filters/);
  });

  it('refuses a cursor positioned before its from', async () => {
    const cursor = encodeCursor({ p: 'PUB#ALL', f: '2026-05-01T09:00:00.000Z', s: `2026-04-01T09:00:00.000Z#${ulid()}` });
    await expect(search({}, cursor)).rejects.toThrow(BadRequestError);
  });

  it('publishes once, then close removes the opportunity from every index', async () => {
    const orgId = ulid();
    const { opportunity: draft, shifts } = opportunity(orgId, 0, { skills: ['driving'], professions: ['doctor'] });
    await repo.create(draft, shifts);
    const published = await repo.publish(draft, NOW.toISOString());
    await expect(repo.publish(draft, NOW.toISOString())).rejects.toThrow(OpportunityStatusError);
    expect((await search({ orgId, skill: 'driving' })).items.map((i) => i.id)).toEqual([draft.id]);
    await repo.close(published, NOW.toISOString());
    const queries: Record<string, string>[] = [{ orgId }, { skill: 'driving', orgId }, { profession: 'doctor', orgId }, { city: 'riyadh', orgId }];
    for (const query of queries) {
      expect((await search(query)).items).toEqual([]);
    }
    expect((await repo.get(draft.id))?.opportunity.status).toBe('closed');
  });

  it('keeps seatsTaken within capacity with the conditional update applications use', async () => {
    const orgId = ulid();
    const { opportunity: draft, shifts } = opportunity(orgId, 0);
    const shift = { ...shifts[0]!, capacity: 3 };
    await repo.create(draft, [shift]);
    const reserve = () =>
      documentClient().send(
        new UpdateCommand({
          TableName: process.env.TABLE_NAME,
          Key: shiftKeys.item(draft.id, shift.id),
          UpdateExpression: 'SET seatsTaken = seatsTaken + :one',
          ConditionExpression: 'seatsTaken < #capacity',
          ExpressionAttributeNames: { '#capacity': 'capacity' },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    const results = await Promise.allSettled(Array.from({ length: 8 }, reserve));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof ConditionalCheckFailedException)).toBe(true);
    expect((await repo.get(draft.id))?.shifts[0]).toMatchObject({ capacity: 3, seatsTaken: 3 });
  });
});
