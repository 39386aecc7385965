/**
 * Matching coverage on the demo data of `npm run seed` (issue 11): of the volunteers the seed
 * registers, how many get at least one match against the opportunities it publishes, and of
 * the Riyadh volunteers holding a skill some Riyadh opportunity asks for, how many. The data is
 * drawn exactly as the seed draws it (infra/local/seed-data.ts, same PRNG streams), the views
 * built as the matching consumers build them (adapters.ts), and matched by the matcher of the
 * MatchingRun shards (each volunteer's top `limits.matchesPerVolunteer`), in memory.
 *
 * `now` is the 15th of the month before the seed's shifts (they are dated from the 1st of the
 * next month), at 09:00 Riyadh. Also printed: the pairs of an unmatched volunteer and an
 * opportunity within reach excluded by the availability rule alone, and by a required
 * profession or skill alone. A coverage figure, not a goal: no PASS/FAIL.
 *
 * `npm run bench -- matching-coverage`, or alone: `npx tsx test/bench/matching-coverage.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { anchor, OPPORTUNITIES_PER_ORG, opportunity, organizationNames, ORGANIZATIONS, stepRandom, volunteer, VOLUNTEERS } from '../../infra/local/seed-data.js';
import { SkillVocabulary } from '../../shared/domain/matching/compile.js';
import { OpportunityIndex, TopK } from '../../shared/domain/matching/matcher.js';
import type { Exclusion, MatchOpportunity, MatchVolunteer } from '../../shared/domain/matching/schema.js';
import { explainPair } from '../../shared/domain/matching/score.js';
import { limits } from '../../shared/domain/matching/weights.js';
import { round, type Benchmark, type BenchResult, type Row } from './lib.js';

const NOW = new Date('2027-01-15T06:00:00Z');

/** The seed's volunteers and opportunities as matching views. */
export const seededViews = (now: Date = NOW): { volunteers: MatchVolunteer[]; opportunities: MatchOpportunity[] } => {
  const used = new Set<string>();
  const random = stepRandom('volunteers');
  const volunteers = Array.from({ length: VOLUNTEERS }, (_, i) => volunteer(random, i, used)).map(({ sub, profile }): MatchVolunteer => {
    const p = profile as Omit<MatchVolunteer, 'id'>;
    return {
      id: sub,
      birthDate: p.birthDate,
      city: p.city,
      ...(p.location && { location: p.location }),
      skills: p.skills,
      professions: p.professions,
      languages: p.languages,
      availability: p.availability,
      interests: p.interests,
    };
  });
  const draw = stepRandom('opportunities');
  const start = anchor(now);
  const opportunities = organizationNames.slice(0, ORGANIZATIONS).flatMap((org, o) =>
    Array.from({ length: OPPORTUNITIES_PER_ORG }, (_, n): MatchOpportunity => {
      const body = opportunity(draw, org, start);
      const id = `seed-opp-${String(o + 1).padStart(2, '0')}-${n + 1}`;
      return {
        id,
        orgId: `seed-org-${o + 1}`,
        titleAr: body.titleAr,
        titleEn: body.titleEn,
        category: body.category,
        city: body.city as MatchOpportunity['city'],
        location: body.location,
        remote: body.remote ?? false,
        // As toMatchOpportunity: an opportunity's skills carry no level (any level meets them).
        skills: body.skills.map((name) => ({ name, level: 'beginner' as const })),
        professions: body.professions,
        ...(body.minAge !== undefined && { minAge: body.minAge }),
        shifts: body.shifts.map((s, i) => ({ id: `${id}-s${i + 1}`, start: s.start, end: s.end })),
      };
    }),
  );
  return { volunteers, opportunities };
};

export const measureCoverage = (now: Date = NOW) => {
  const { volunteers, opportunities } = seededViews(now);
  const index = new OpportunityIndex(opportunities, new SkillVocabulary(), now);
  const top = new TopK(limits.matchesPerVolunteer);
  const matched = new Map<string, number>();
  for (const view of volunteers) matched.set(view.id, index.topFor(index.compileVolunteer(view), top).size);

  const riyadhSkills = new Set(opportunities.filter((o) => o.city === 'riyadh').flatMap((o) => o.skills.map((s) => s.name)));
  const riyadhSkilled = volunteers.filter((v) => v.city === 'riyadh' && v.skills.some((s) => riyadhSkills.has(s.name)));

  // Why the unmatched are unmatched: pairs within reach excluded by one rule alone.
  const alone: Record<string, number> = {};
  for (const v of volunteers.filter((view) => matched.get(view.id) === 0)) {
    const compiled = index.compileVolunteer(v);
    for (const o of index.opportunities) {
      const codes = explainPair(compiled, o).exclusions.map((e: Exclusion) => e.code);
      if (codes.length === 1) alone[codes[0]!] = (alone[codes[0]!] ?? 0) + 1;
    }
  }
  const withMatch = volunteers.filter((v) => matched.get(v.id)! > 0).length;
  const riyadhWithMatch = riyadhSkilled.filter((v) => matched.get(v.id)! > 0).length;
  const matches = [...matched.values()].reduce((a, b) => a + b, 0);
  return { volunteers: volunteers.length, opportunities: opportunities.length, withMatch, matches, riyadh: riyadhSkilled.length, riyadhWithMatch, alone };
};

export const runCoverage = (): BenchResult => {
  const c = measureCoverage();
  const rows: Row[] = [
    { measure: 'seeded data', value: `${c.volunteers} volunteers, ${c.opportunities} opportunities (now ${NOW.toISOString()})` },
    { measure: 'volunteers with at least one match', value: `${c.withMatch} / ${c.volunteers} (${round((100 * c.withMatch) / c.volunteers, 1)} %)` },
    { measure: 'matches per volunteer (mean)', value: round(c.matches / c.volunteers, 2) },
    { measure: 'Riyadh volunteers with a skill a Riyadh opportunity asks for: with a match', value: `${c.riyadhWithMatch} / ${c.riyadh}` },
    ...Object.entries(c.alone)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, pairs]) => ({ measure: `unmatched volunteers' pairs excluded by '${code}' alone`, value: pairs })),
  ];
  return { rows };
};

const benchmark: Benchmark = {
  name: 'matching-coverage',
  title: 'matching coverage on the seeded demo data: volunteers with at least one match',
  run: async () => runCoverage(),
};
export default benchmark;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of runCoverage().rows) console.log(`${String(row.measure).padEnd(80)} ${String(row.value)}`);
}
