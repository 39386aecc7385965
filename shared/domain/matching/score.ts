/**
 * The scoring function: (volunteer, opportunity) → { eligible, score, reasons }.
 *
 * Hard rules first — a pair that breaks one is EXCLUDED (never merely ranked lower):
 * - professions: if the opportunity lists professions, the volunteer holds at least one;
 * - skills: if it lists skills, the volunteer holds at least one of them at the required level;
 * - distance: an on-site opportunity is at most `limits.maxDistanceKm` from the volunteer's
 *   location (or, without one, their city centre); remote opportunities match anywhere;
 * - shifts: some shift starts in the future, on a day the volunteer is at least `minAge`
 *   (Asia/Riyadh calendar), and either overlaps their weekly availability (Asia/Riyadh) or
 *   starts `limits.availabilityHardWithinDays` (7) days ahead or later — time enough to
 *   arrange it: availability then only weighs, it does not exclude.
 *
 * - what the volunteer already has (issue 11, `CompiledVolunteer.held`): a shift they applied
 *   to (or withdrew from, or were refused) is never recommended again, and an opportunity where
 *   they hold a seat not at all.
 *
 * Then the score, the sum of the factor points of weights.ts (0–100):
 *   profession   30  holds a required profession (0 when none is required)
 *   skills       20  × share of required skills met (a lower level earns half its share)
 *   distance     15  × (1 − km / maxKm); remote: 15 × 0.5
 *   availability 15  × share of the recommended shift inside the weekly availability (0 for a
 *                    shift a week or more ahead outside it)
 *   interest     10  the opportunity's cause is one of the volunteer's interests
 *   language     10  × share of the working languages spoken (none stated → Arabic)
 * The recommended shift is the eligible shift with the largest overlap (earliest on ties; the
 * earliest shift a week or more ahead when none overlaps);
 * it is what an invitation offers and what a one-step application sends.
 *
 * `evaluate` is the allocation-free kernel over compiled forms (compile.ts) that both the
 * indexed matcher and the all-pairs baseline call; `score` is the documented entry point
 * for plain views and always explains itself.
 */
import { SkillLevel } from '../reference/professions.js';
import {
  compileOpportunity,
  compileVolunteer,
  languageList,
  professionList,
  SkillVocabulary,
  type CompiledOpportunity,
  type CompiledVolunteer,
} from './compile.js';
import type { Exclusion, MatchOpportunity, MatchVolunteer, Reason, ScoreResult } from './schema.js';
import { popcount, WEEK_WORDS } from './time.js';
import { limits, lowerLevelSkillShare, remoteDistanceShare, weights } from './weights.js';

export const EARTH_KM = 6371;
const levels = SkillLevel.options;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Great-circle distance between two compiled points, in km (haversine on precomputed radians). */
export const compiledDistanceKm = (v: CompiledVolunteer, o: CompiledOpportunity): number => {
  const sLat = Math.sin((o.latRad - v.latRad) / 2);
  const sLon = Math.sin((o.lonRad - v.lonRad) / 2);
  return 2 * EARTH_KM * Math.asin(Math.sqrt(sLat * sLat + v.cosLat * o.cosLat * sLon * sLon));
};

/** Collects the explanation when asked; the kernel runs without one in bulk. */
export interface Explanation {
  reasons: Reason[];
  exclusions: Exclusion[];
  /** Index into `opportunity.shifts` of the recommended shift, -1 when none. */
  shift: number;
}

/** Index of the recommended shift of the last `evaluate` call (the kernel allocates no result object). */
export let lastShift = -1;

/**
 * Scores a compiled pair: the score (0–100, two decimals), or -1 when a hard rule excludes
 * it. Without `explain` it stops at the first broken rule; with it, it checks every rule and
 * records the reasons.
 *
 * `floor` (bulk use only): the caller's top K is full and only a score of at least `floor`
 * can enter it. Once the cheap factors are known, a pair whose best possible score is below
 * the floor is answered -1 without the distance and shift work (the kept results do not
 * change: only pairs that could not be kept are cut short).
 */
export const evaluate = (v: CompiledVolunteer, o: CompiledOpportunity, explain?: Explanation, floor = -1): number => {
  let excluded = false;
  let total = 0;
  const held = v.held;
  if (held !== undefined && held.opportunities.has(o.view.id)) {
    if (!explain) return -1;
    excluded = true;
    explain.exclusions.push({ code: 'seat-held' });
  }

  if (o.professionMask !== 0) {
    const held = o.professionMask & v.professionMask;
    if (held === 0) {
      if (!explain) return -1;
      excluded = true;
      explain.exclusions.push({ code: 'profession-missing', required: [...o.view.professions] });
    } else {
      total += weights.profession;
      explain?.reasons.push({ code: 'profession', detail: professionList[31 - Math.clz32(held & -held)]!, points: weights.profession });
    }
  }

  const op = o.packed;
  const vp = v.packed;
  const required = op[0]!;
  if (required > 0) {
    const vSkills = vp[WEEK_WORDS]!;
    let met = 0;
    let credit = 0;
    for (let i = 0; i < required; i++) {
      const id = op[1 + 2 * i]!;
      const need = op[2 + 2 * i]!;
      for (let j = 0; j < vSkills; j++) {
        if (vp[WEEK_WORDS + 1 + 2 * j] !== id) continue;
        const has = vp[WEEK_WORDS + 2 + 2 * j]!;
        const ok = has >= need;
        if (ok) met++;
        const share = ok ? 1 : lowerLevelSkillShare;
        credit += share;
        explain?.reasons.push({
          code: 'skill',
          detail: o.view.skills[i]!.name,
          required: levels[need - 1]!,
          level: levels[has - 1]!,
          met: ok,
          points: round2((weights.skills * share) / required),
        });
        break;
      }
    }
    if (met === 0) {
      if (!explain) return -1;
      excluded = true;
      explain.exclusions.push({ code: 'skill-missing', required: o.view.skills.map((s) => s.name) });
    }
    total += (weights.skills * credit) / required;
  }

  if ((o.causeBit & v.interestMask) !== 0) {
    total += weights.interest;
    explain?.reasons.push({ code: 'interest', detail: o.view.category, points: weights.interest });
  }

  const spoken = o.languageMask & v.languageMask;
  if (spoken !== 0) {
    const points = (weights.language * popcount(spoken)) / o.languageCount;
    total += points;
    if (explain) {
      const detail: (typeof languageList)[number][] = [];
      for (let i = 0; i < languageList.length; i++) if ((spoken & (1 << i)) !== 0) detail.push(languageList[i]!);
      explain.reasons.push({ code: 'language', detail, points: round2(points) });
    }
  }

  if (!explain && total + (o.remote ? weights.distance * remoteDistanceShare : weights.distance) + weights.availability < floor - 0.005) return -1;

  if (o.remote) {
    const points = weights.distance * remoteDistanceShare;
    total += points;
    explain?.reasons.push({ code: 'remote', points });
  } else {
    // Cheap exact reject first: the great-circle distance is at least the north–south one.
    const km = Math.abs(o.latRad - v.latRad) * EARTH_KM > limits.maxDistanceKm ? Infinity : compiledDistanceKm(v, o);
    if (km > limits.maxDistanceKm) {
      if (!explain) return -1;
      excluded = true;
      explain.exclusions.push({ code: 'too-far', km: Math.round(compiledDistanceKm(v, o)), maxKm: limits.maxDistanceKm });
    } else {
      const points = weights.distance * (1 - km / limits.maxDistanceKm);
      total += points;
      explain?.reasons.push({ code: 'distance', km: Math.round(km * 10) / 10, points: round2(points) });
    }
  }

  let best = -1;
  let bestOverlap = 0;
  let ageOk = false;
  let applied = false;
  let at = 1 + 2 * required;
  const shiftCount = op[at++]!;
  for (let s = 0; s < shiftCount; s++) {
    const date = op[at]!;
    const slots = op[at + 1]!;
    const far = op[at + 2]! === 1;
    const words = op[at + 3]!;
    const first = at + 4;
    at = first + 2 * words;
    if (held !== undefined && held.shifts.has(o.shifts[s]!.id)) {
      applied = true;
      continue;
    }
    if (o.minAge > 0 && Math.floor((date - v.birth) / 10_000) < o.minAge) continue;
    ageOk = true;
    let covered = 0;
    for (let w = 0; w < words; w++) covered += popcount(vp[op[first + 2 * w]!]! & op[first + 2 * w + 1]!);
    const overlap = covered / slots;
    if (best < 0 ? overlap > 0 || far : overlap > bestOverlap) {
      bestOverlap = overlap;
      best = s;
    }
  }
  if (best < 0) {
    if (!explain) return -1;
    excluded = true;
    explain.exclusions.push(
      shiftCount === 0
        ? { code: 'no-future-shift' }
        : !ageOk
          ? applied
            ? { code: 'already-applied' }
            : { code: 'under-min-age', minAge: o.minAge }
          : { code: 'no-availability' },
    );
  } else {
    const points = weights.availability * bestOverlap;
    total += points;
    explain?.reasons.push({ code: 'availability', shiftId: o.shifts[best]!.id, overlap: round2(bestOverlap), points: round2(points) });
  }

  lastShift = best;
  if (explain) explain.shift = excluded ? -1 : best;
  return excluded ? -1 : round2(total);
};

/** Explains a compiled pair (used for the results that are kept, never in the bulk loop). */
export const explainPair = (v: CompiledVolunteer, o: CompiledOpportunity): ScoreResult => {
  const explanation: Explanation = { reasons: [], exclusions: [], shift: -1 };
  const value = evaluate(v, o, explanation);
  return value >= 0
    ? { eligible: true, score: value, shiftId: o.shifts[explanation.shift]!.id, reasons: explanation.reasons, exclusions: explanation.exclusions }
    : { eligible: false, score: 0, reasons: explanation.reasons, exclusions: explanation.exclusions };
};

/**
 * Scores one volunteer against one opportunity at `now` (shifts that started are ignored).
 * Pure: same inputs, same result.
 */
export const score = (volunteer: MatchVolunteer, opportunity: MatchOpportunity, now: Date): ScoreResult => {
  const vocabulary = new SkillVocabulary();
  return explainPair(compileVolunteer(volunteer, vocabulary), compileOpportunity(opportunity, vocabulary, now));
};

/** The ordering of results: higher score first, then the id, so that ties are stable everywhere. */
export const compareRanked = (a: { score: number; id: string }, b: { score: number; id: string }): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
