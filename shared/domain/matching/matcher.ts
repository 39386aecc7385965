/**
 * The in-memory matcher: an inverted index of open opportunities by (gate feature, cell)
 * (retrieval.ts) and a top-K per volunteer computed with the scoring kernel (score.ts) over
 * the retrieved candidates only, tier by tier. Used by the MatchingRun shard handler, the
 * incremental matching job and the benchmark; `allPairsTopK` is the naive baseline the
 * benchmark compares it with (same kernel, same ordering, every opportunity).
 */
import {
  causeList,
  compileOpportunity,
  compileVolunteer,
  professionList,
  SkillVocabulary,
  type CompiledOpportunity,
  type CompiledVolunteer,
} from './compile.js';
import { CELL_COUNT, cellOf, opportunityGate, reachCells, REMOTE_CELL } from './retrieval.js';
import type { MatchOpportunity, MatchVolunteer } from './schema.js';
import * as kernel from './score.js';
import { evaluate } from './score.js';
import { maxScore, weights } from './weights.js';

/** A kept result: opportunity (index into the matcher's sorted list), score, recommended shift index. */
export interface Ranked {
  readonly opportunity: number;
  readonly score: number;
  readonly shift: number;
}

/**
 * A bounded top-K: higher score first, then lower opportunity index (the opportunities are
 * sorted by id, so this is the id tie-break of `compareRanked`). Insertion into a short
 * sorted array beats a heap for K ≤ a few dozen.
 */
export class TopK {
  readonly scores: Float64Array;
  readonly items: Int32Array;
  readonly shifts: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.items = new Int32Array(k);
    this.shifts = new Int32Array(k);
  }
  reset(): void {
    this.size = 0;
  }
  /** The score a newcomer must beat once full (-1 while not full). */
  get floor(): number {
    return this.size < this.k ? -1 : this.scores[this.k - 1]!;
  }
  offer(score: number, item: number, shift: number): void {
    let i = this.size;
    if (i === this.k) {
      const last = this.scores[i - 1]!;
      if (score < last || (score === last && item > this.items[i - 1]!)) return;
      i--;
    } else {
      this.size++;
    }
    while (i > 0 && (this.scores[i - 1]! < score || (this.scores[i - 1] === score && this.items[i - 1]! > item))) {
      this.scores[i] = this.scores[i - 1]!;
      this.items[i] = this.items[i - 1]!;
      this.shifts[i] = this.shifts[i - 1]!;
      i--;
    }
    this.scores[i] = score;
    this.items[i] = item;
    this.shifts[i] = shift;
  }
  toArray(): Ranked[] {
    return Array.from({ length: this.size }, (_, i) => ({ opportunity: this.items[i]!, score: this.scores[i]!, shift: this.shifts[i]! }));
  }
}

export interface MatcherStats {
  /** Pairs scored by the kernel. */
  evaluated: number;
  /** Volunteers whose later tiers were skipped because the top K was already out of reach. */
  pruned: number;
}

export class OpportunityIndex {
  readonly opportunities: CompiledOpportunity[];
  private readonly features = new Map<string, number>();
  private readonly postings = new Map<number, Int32Array>();
  /** Feature ids of professions and causes by bit position, of skills by vocabulary id (-1: nothing posted). */
  private readonly professionFeature: Int32Array;
  private readonly causeFeature: Int32Array;
  private readonly skillFeature: number[] = [];
  private readonly stamp: Int32Array;
  private visit = 0;
  readonly stats: MatcherStats = { evaluated: 0, pruned: 0 };

  /** Compiles and indexes the opportunities (sorted by id, so ties break by id). */
  constructor(
    views: readonly MatchOpportunity[],
    readonly vocabulary: SkillVocabulary,
    readonly now: Date,
  ) {
    const sorted = [...views].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.opportunities = sorted.map((view, i) => compileOpportunity(view, vocabulary, now, i));
    const lists = new Map<number, number[]>();
    for (const o of this.opportunities) {
      if (o.shifts.length === 0) continue;
      const cell = o.remote ? REMOTE_CELL : cellOf(o.lat, o.lon);
      for (const feature of opportunityGate(o.view)) {
        const key = this.featureId(feature) * CELL_COUNT + cell;
        const list = lists.get(key);
        if (list) list.push(o.index);
        else lists.set(key, [o.index]);
      }
    }
    for (const [key, list] of lists) this.postings.set(key, Int32Array.from(list));
    this.professionFeature = Int32Array.from(professionList, (p) => this.features.get(`prof:${p}`) ?? -1);
    this.causeFeature = Int32Array.from(causeList, (c) => this.features.get(`cause:${c}`) ?? -1);
    this.stamp = new Int32Array(this.opportunities.length);
  }

  private featureId(feature: string): number {
    let id = this.features.get(feature);
    if (id === undefined) {
      id = this.features.size;
      this.features.set(feature, id);
    }
    return id;
  }

  private skillFeatureOf(skill: number): number {
    let id = this.skillFeature[skill];
    if (id === undefined) {
      for (let s = this.skillFeature.length; s <= skill; s++) this.skillFeature[s] = this.features.get(`skill:${this.vocabulary.names[s]}`) ?? -1;
      id = this.skillFeature[skill]!;
    }
    return id;
  }

  compileVolunteer(view: MatchVolunteer, index = 0): CompiledVolunteer {
    return compileVolunteer(view, this.vocabulary, index);
  }

  /** Scores every not yet visited opportunity posted under `feature` in `cells`. */
  private probe(v: CompiledVolunteer, feature: number, cells: Int32Array, top: TopK): void {
    if (feature < 0) return;
    const base = feature * CELL_COUNT;
    const stamp = this.stamp;
    const visit = this.visit;
    for (let c = 0; c < cells.length; c++) {
      const list = this.postings.get(base + cells[c]!);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const o = list[i]!;
        if (stamp[o] === visit) continue;
        stamp[o] = visit;
        this.stats.evaluated++;
        const s = evaluate(v, this.opportunities[o]!, undefined, top.floor);
        if (s >= 0) top.offer(s, o, kernel.lastShift);
      }
    }
  }

  /** True when the top K is full and nothing scoring at most `bound` can enter it. */
  private settled(top: TopK, bound: number): boolean {
    if (top.size === top.k && top.floor > bound) {
      this.stats.pruned++;
      return true;
    }
    return false;
  }

  /**
   * The volunteer's top K (into `top`, which is reset first), probing tier by tier
   * (retrieval.ts): professions (bound 100), skills (skill-gated opportunities require no
   * profession: bound 100 − 30), causes of interest (50), other causes (40).
   */
  topFor(v: CompiledVolunteer, top: TopK): TopK {
    top.reset();
    this.visit++;
    const cells = reachCells(v.lat, v.lon);
    for (let m = v.professionMask; m !== 0; m &= m - 1) this.probe(v, this.professionFeature[31 - Math.clz32(m & -m)]!, cells, top);
    if (this.settled(top, maxScore - weights.profession)) return top;
    for (let i = 0; i < v.skillIds.length; i++) this.probe(v, this.skillFeatureOf(v.skillIds[i]!), cells, top);
    const open = maxScore - weights.profession - weights.skills;
    if (this.settled(top, open)) return top;
    for (let m = v.interestMask; m !== 0; m &= m - 1) this.probe(v, this.causeFeature[31 - Math.clz32(m & -m)]!, cells, top);
    if (this.settled(top, open - weights.interest)) return top;
    for (let c = 0; c < causeList.length; c++) if ((v.interestMask & (1 << c)) === 0) this.probe(v, this.causeFeature[c]!, cells, top);
    return top;
  }
}

/** The naive baseline: every opportunity scored for the volunteer. */
export const allPairsTopK = (v: CompiledVolunteer, opportunities: readonly CompiledOpportunity[], top: TopK): TopK => {
  top.reset();
  for (let o = 0; o < opportunities.length; o++) {
    const s = evaluate(v, opportunities[o]!, undefined, top.floor);
    if (s >= 0) top.offer(s, o, kernel.lastShift);
  }
  return top;
};
