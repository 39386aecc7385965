import { describe, expect, it } from 'vitest';
import { SkillVocabulary } from '../../shared/domain/matching/compile.js';
import { allPairsTopK, OpportunityIndex, TopK } from '../../shared/domain/matching/matcher.js';
import { opportunityGate, reachCells, cellOf, REMOTE_CELL } from '../../shared/domain/matching/retrieval.js';
import type { MatchOpportunity, MatchVolunteer } from '../../shared/domain/matching/schema.js';
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

// ── The pruning of topFor: each case is one where a careless bound or pre-check would drop a
// pair that belongs in the all-pairs top K. ──

const volunteerAt = (over: Partial<MatchVolunteer> = {}): MatchVolunteer => ({
  id: 'vol-x',
  birthDate: '1990-01-01',
  city: 'riyadh',
  professions: [],
  skills: [],
  languages: ['ar'],
  // Tuesdays 17:00–22:00 Riyadh time.
  availability: [{ day: 'tue', from: '17:00', to: '22:00' }],
  interests: ['health'],
  ...over,
});

/** An open opportunity with one shift on Tuesday 4 March 2025, 18:00–20:00 Riyadh. */
const openAt = (id: string, over: Partial<MatchOpportunity> = {}): MatchOpportunity => ({
  id,
  orgId: 'org-1',
  titleAr: 'فرصة',
  titleEn: 'Opportunity',
  category: 'health',
  city: 'riyadh',
  remote: false,
  professions: [],
  skills: [],
  shifts: [{ id: `${id}-s0`, start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' }],
  ...over,
});

const both = (opportunities: MatchOpportunity[], volunteer: MatchVolunteer, k = 10) => {
  const index = new OpportunityIndex(opportunities, new SkillVocabulary(), NOW);
  const v = index.compileVolunteer(volunteer);
  const ids = (top: TopK) => top.toArray().map((r) => ({ id: index.opportunities[r.opportunity]!.view.id, score: r.score, shift: r.shift }));
  return { indexed: ids(index.topFor(v, new TopK(k))), naive: ids(allPairsTopK(v, index.opportunities, new TopK(k))) };
};

describe('OpportunityIndex pruning stays exact', () => {
  it('checks the minimum age on the LAST shift: an earlier shift may be too early, a later one not', () => {
    // 18 on 10 March 2025: the 4 March shift is too early, the 11 March one is fine.
    const volunteer = volunteerAt({ birthDate: '2007-03-10' });
    const adult = openAt('opp-adult', {
      minAge: 18,
      shifts: [
        { id: 'early', start: '2025-03-04T15:00:00Z', end: '2025-03-04T17:00:00Z' },
        { id: 'late', start: '2025-03-11T15:00:00Z', end: '2025-03-11T17:00:00Z' },
      ],
    });
    const { indexed, naive } = both([adult, openAt('opp-other', { category: 'sports' })], volunteer);
    expect(indexed).toEqual(naive);
    expect(indexed.map((r) => r.id)).toContain('opp-adult');
  });

  it('checks availability against the union of all shifts, not the first', () => {
    const twoShifts = openAt('opp-two', {
      shifts: [
        { id: 'morning', start: '2025-03-04T05:00:00Z', end: '2025-03-04T07:00:00Z' }, // 08:00–10:00, outside
        { id: 'evening', start: '2025-03-05T15:00:00Z', end: '2025-03-05T17:00:00Z' }, // Wednesday 18:00–20:00, outside
        { id: 'tuesday', start: '2025-03-11T15:00:00Z', end: '2025-03-11T17:00:00Z' }, // Tuesday 18:00–20:00, inside
      ],
    });
    const { indexed, naive } = both([twoShifts], volunteerAt());
    expect(indexed).toEqual(naive);
    expect(indexed).toHaveLength(1);
  });

  it('finds an opportunity just inside the maximum distance in a neighbouring cell, with its exact score', () => {
    // 0.44° of latitude ≈ 48.9 km, across the 0.5° cell border at 24.5° N.
    const near = openAt('opp-48km', { location: { lat: 24.52, lon: 46.7 } });
    const far = openAt('opp-52km', { location: { lat: 24.55, lon: 46.7 } });
    const { indexed, naive } = both([near, far], volunteerAt({ location: { lat: 24.08, lon: 46.7 } }));
    expect(indexed).toEqual(naive);
    expect(indexed.map((r) => r.id)).toEqual(['opp-48km']);
  });

  it('reaches points outside the grid (clamped into its border cells) by their true distance', () => {
    // South of the grid's first row (16° N): both are clamped into row 0, 10 km apart.
    const south = openAt('opp-south', { city: 'jazan', location: { lat: 15.1, lon: 42.6 } });
    const { indexed, naive } = both([south], volunteerAt({ city: 'jazan', location: { lat: 15.0, lon: 42.6 } }));
    expect(naive).toHaveLength(1);
    expect(indexed).toEqual(naive);
  });

  it('keeps a tie with the K-th score when it wins on the id, whatever list it sits in', () => {
    // Equal scores of 70 from lists with different bounds: profession-gated, no skills, a cause
    // the volunteer does not choose (30 + 10 + 15 + 15) and skill-gated in a chosen cause
    // (20 + 10 + 10 + 15 + 15). The lower id must win even when its list is scanned later.
    const volunteer = volunteerAt({ professions: ['nurse'], skills: [{ name: 'cpr', level: 'expert' }] });
    const byProfession = openAt('opp-b', { professions: ['nurse'], category: 'sports' });
    const bySkills = openAt('opp-a', { skills: [{ name: 'cpr', level: 'beginner' }] });
    const filler = openAt('opp-c', { professions: ['nurse'], category: 'sports', languages: ['en'] });
    for (const k of [1, 2]) {
      const { indexed, naive } = both([filler, byProfession, bySkills], volunteer, k);
      expect(indexed).toEqual(naive);
    }
    const { indexed } = both([filler, byProfession, bySkills], volunteer, 2);
    expect(indexed.map((r) => [r.id, r.score])).toEqual([['opp-a', 70], ['opp-b', 70]]);
  });

  it('equals all-pairs on a dense, tie-heavy random town for small and large K', () => {
    // Few distinct values (points on a coarse lattice that straddles cell borders, a handful of
    // shift times and languages), so many scores tie and many bounds sit right at the K-th score.
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const point = () => ({ lat: 24.3 + 0.1 * Math.floor(random() * 6), lon: 46.3 + 0.1 * Math.floor(random() * 6) });
    const days = ['2025-03-04', '2025-03-05', '2025-03-07', '2025-03-08'];
    const hours = ['05', '07', '13', '14', '16'];
    const opportunities = Array.from({ length: 400 }, (_, i) => {
      const kind = random();
      return openAt(`opp-${String(i).padStart(3, '0')}`, {
        category: pick(['health', 'education', 'sports'] as const),
        remote: random() < 0.1,
        location: point(),
        professions: kind < 0.3 ? [pick(['nurse', 'teacher'] as const)] : [],
        skills: kind < 0.15 || (kind >= 0.3 && kind < 0.6) ? [{ name: pick(['cpr', 'triage']), level: pick(['beginner', 'advanced'] as const) }] : [],
        languages: pick([['ar'], ['ar', 'en'], ['en']] as const) as MatchOpportunity['languages'],
        ...(random() < 0.3 && { minAge: pick([18, 21]) }),
        shifts: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, s) => {
          const start = `${pick(days)}T${pick(hours)}:00:00Z`;
          return { id: `opp-${i}-s${s}`, start, end: new Date(Date.parse(start) + 2 * 3_600_000).toISOString() };
        }),
      });
    });
    let differing = 0;
    for (let i = 0; i < 300; i++) {
      const volunteer = volunteerAt({
        birthDate: pick(['2000-01-01', '2007-03-06', '2005-06-01']),
        location: point(),
        professions: random() < 0.5 ? [pick(['nurse', 'teacher'] as const)] : [],
        skills: random() < 0.6 ? [{ name: pick(['cpr', 'triage']), level: pick(['beginner', 'advanced', 'expert'] as const) }] : [],
        languages: pick([['ar'], ['en'], ['ar', 'en']] as const) as MatchVolunteer['languages'],
        availability: [{ day: pick(['tue', 'wed', 'fri', 'sat'] as const), from: pick(['08:00', '16:00']), to: pick(['13:00', '22:00']) }],
        interests: [pick(['health', 'education', 'sports'] as const)],
      });
      for (const k of [1, 3, 10]) {
        const { indexed, naive } = both(opportunities, volunteer, k);
        if (JSON.stringify(indexed) !== JSON.stringify(naive)) differing++;
      }
    }
    expect(differing).toBe(0);
  });
});
