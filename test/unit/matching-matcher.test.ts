import { describe, expect, it } from 'vitest';
import { SkillVocabulary } from '../../shared/domain/matching/compile.js';
import { allPairsTopK, OpportunityIndex, TopK } from '../../shared/domain/matching/matcher.js';
import { opportunityGate, reachCells, cellOf, REMOTE_CELL } from '../../shared/domain/matching/retrieval.js';
import { syntheticCountry } from '../bench/synthetic-country.js';

const NOW = new Date('2025-03-02T06:00:00Z');

describe('TopK', () => {
  it('keeps the best K, higher score first, lower index first on ties', () => {
    const top = new TopK(3);
    for (const [score, item] of [[5, 9], [7, 2], [5, 1], [9, 4], [1, 0], [7, 0]] as const) top.offer(score, item, 0);
    expect(top.toArray().map((r) => [r.score, r.opportunity])).toEqual([[9, 4], [7, 0], [7, 2]]);
  });

  it('reports no floor until it is full', () => {
    const top = new TopK(2);
    top.offer(3, 1, 0);
    expect(top.floor).toBe(-1);
    top.offer(4, 2, 0);
    expect(top.floor).toBe(3);
  });
});

describe('retrieval', () => {
  it('posts an opportunity under its most selective gate', () => {
    expect(opportunityGate({ professions: ['doctor', 'nurse'], skills: [{ name: 'cpr', level: 'beginner' }], category: 'health' })).toEqual(['prof:doctor', 'prof:nurse']);
    expect(opportunityGate({ professions: [], skills: [{ name: 'cpr', level: 'beginner' }], category: 'health' })).toEqual(['skill:cpr']);
    expect(opportunityGate({ professions: [], skills: [], category: 'health' })).toEqual(['cause:health']);
  });

  it('reaches the cells within the maximum distance and the remote cell, not the next city', () => {
    const riyadh = reachCells(24.7136, 46.6753);
    expect(riyadh).toContain(cellOf(24.7136, 46.6753));
    expect(riyadh).toContain(REMOTE_CELL);
    expect(riyadh).not.toContain(cellOf(21.4858, 39.1925));
  });
});

describe('OpportunityIndex', () => {
  const country = syntheticCountry({ volunteers: 3_000, opportunities: 2_000, planted: 200, now: NOW });
  const index = new OpportunityIndex(country.opportunities, new SkillVocabulary(), NOW);

  it('returns exactly the all-pairs top 10 while scoring a fraction of the pairs', () => {
    const indexed = new TopK(10);
    const naive = new TopK(10);
    let differing = 0;
    for (const [i, view] of country.volunteers.entries()) {
      const v = index.compileVolunteer(view, i);
      const a = index.topFor(v, indexed).toArray();
      const b = allPairsTopK(v, index.opportunities, naive).toArray();
      if (JSON.stringify(a) !== JSON.stringify(b)) differing++;
    }
    expect(differing).toBe(0);
    expect(index.stats.evaluated).toBeLessThan((country.volunteers.length * country.opportunities.length) / 5);
  });

  it('finds the planted matches in the top 10', () => {
    const top = new TopK(10);
    const position = new Map(index.opportunities.map((o) => [o.view.id, o.index]));
    let found = 0;
    for (const view of country.volunteers) {
      const planted = country.planted.get(view.id);
      if (!planted) continue;
      index.topFor(index.compileVolunteer(view), top);
      if (top.toArray().some((r) => r.opportunity === position.get(planted))) found++;
    }
    expect(found / country.planted.size).toBeGreaterThanOrEqual(0.95);
  });
});
