/**
 * The in-memory matcher: an inverted index of open opportunities by (gate feature, cell)
 * (retrieval.ts) and a top-K per volunteer computed with the scoring kernel (score.ts) over
 * the retrieved candidates only, best bound first, pruning what cannot enter the top K (see
 * `OpportunityIndex.topFor`). Used by the MatchingRun shard handler, the incremental matching job and the benchmark; `allPairsTopK` is the naive baseline the
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
  type Holds,
} from './compile.js';
import { CELL_COUNT, cellOf, LAT_CELLS, LON_CELLS, nearCells, opportunityGate, REMOTE_CELL } from './retrieval.js';
import type { MatchOpportunity, MatchVolunteer } from './schema.js';
import * as kernel from './score.js';
import { EARTH_KM, evaluate } from './score.js';
import { popcount, WEEK_WORDS } from './time.js';
import { limits, maxScore, remoteDistanceShare, weights } from './weights.js';

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
  /** Volunteers for whom some posting lists were skipped because their bound could not reach the top K. */
  pruned: number;
  /** Posting lists scanned. */
  lists: number;
  /** Postings read in those lists (each costs a few array reads, a scored pair costs the kernel). */
  postings: number;
}

/** Upper bounds of scores are bucketed by whole points (0–100) to scan candidates best first. */
const BUCKETS = maxScore + 1;

/**
 * The in-memory index: opportunities posted by (gate feature, cell) as in retrieval.ts, each
 * (feature, cell) split into up to two POSTING LISTS — opportunities that require skills and
 * those that do not — so that a list's score bound is tight (see `topFor`). The lists are
 * slices of one flat array of postings; next to it, in the same order, the index keeps what
 * the per-posting checks of the scan read, so a scan reads memory sequentially and touches an
 * opportunity's compiled form only to score it.
 */
export class OpportunityIndex {
  readonly opportunities: CompiledOpportunity[];
  private readonly features = new Map<string, number>();
  /** Opportunity index of each posting, list after list. */
  private readonly members: Int32Array;
  /** Per list: its slice of the postings. */
  private readonly listStart: Int32Array;
  private readonly listEnd: Int32Array;
  /**
   * Per list: the points its opportunities can get from the factors fixed by the list itself —
   * profession (30 in a profession list: the probing volunteer holds that profession, and a
   * profession-gated opportunity is posted only under professions; 0 elsewhere) plus skills
   * (20 if its members require skills; 0 if not: no required skill earns no skill points).
   */
  private readonly listBase: Float64Array;
  /** Per list: union of its members' cause bits, working-language masks and weekly shift slots. */
  private readonly listCauses: Int32Array;
  private readonly listLanguages: Int32Array;
  private readonly listWeek: Int32Array;
  /** Per list: 1 when a member has a shift a week or more ahead (eligible whatever the availability). */
  private readonly listFar: Uint8Array;
  /** Per list: 1 in the remote cell, which holds the remote opportunities and only them. */
  private readonly listRemote: Uint8Array;
  /** Per (feature, cell): the first of its lists (-1: none) and how many (1 or 2, consecutive). */
  private readonly keyFirst: Int32Array;
  private readonly keyCount: Uint8Array;
  /** Cells that hold at least one list (the others are not even looked at). */
  private readonly occupied: Uint8Array;
  /** Feature ids of professions and causes by bit position, of skills by vocabulary id (-1: nothing posted). */
  private readonly professionFeature: Int32Array;
  private readonly causeFeature: Int32Array;
  private readonly skillFeature: number[] = [];
  /**
   * Per posting, a copy of what the scan checks before scoring: the union of the shifts' weekly
   * slots as its non-zero (word, mask) pairs — `postWeek[postWeekAt[i] … postWeekAt[i + 1])`,
   * a few words, not WEEK_WORDS — the date (yyyymmdd) of the last shift and the minimum age (0, 0
   * without one), the cause bit, the working languages and their count, and the point as a
   * unit vector (0, 0, 0 when remote).
   */
  private readonly postWeekAt: Int32Array;
  private readonly postWeek: Int32Array;
  /** Per posting: 1 when the opportunity has a shift a week or more ahead (the availability check cannot exclude it). */
  private readonly postFar: Uint8Array;
  private readonly postLastDate: Int32Array;
  private readonly postMinAge: Int32Array;
  private readonly postCause: Int32Array;
  private readonly postLanguages: Int32Array;
  private readonly postLanguageCount: Int32Array;
  private readonly postX: Float64Array;
  private readonly postY: Float64Array;
  private readonly postZ: Float64Array;
  /** Per opportunity: the `visit` number of the last volunteer that looked at it (each is looked at once per volunteer). */
  private readonly stamp: Int32Array;
  private visit = 0;
  // Scratch space of `topFor` (allocation-free per volunteer).
  private readonly nearCell = new Int32Array(LAT_CELLS * LON_CELLS);
  private readonly nearKm = new Float64Array(LAT_CELLS * LON_CELLS);
  private readonly probeFeatures: number[] = [];
  private probeList = new Int32Array(256);
  private probeBound = new Float64Array(256);
  /** Candidates waiting to be scored, in buckets by upper bound: singly linked through `waitNext`. */
  private readonly bucketHead = new Int32Array(BUCKETS);
  private waitOpportunity = new Int32Array(1024);
  private waitBound = new Float64Array(1024);
  private waitNext = new Int32Array(1024);
  private waiting = 0;
  private highestBucket = -1;
  readonly stats: MatcherStats = { evaluated: 0, pruned: 0, lists: 0, postings: 0 };

  /** Compiles and indexes the opportunities (sorted by id, so ties break by id). */
  constructor(
    views: readonly MatchOpportunity[],
    readonly vocabulary: SkillVocabulary,
    readonly now: Date,
  ) {
    const sorted = [...views].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.opportunities = sorted.map((view, i) => compileOpportunity(view, vocabulary, now, i));
    // key = ((feature × CELL_COUNT) + cell) × 2 + (requires skills ? 1 : 0)
    const lists = new Map<number, number[]>();
    for (const o of this.opportunities) {
      if (o.shifts.length === 0) continue;
      const cell = o.remote ? REMOTE_CELL : cellOf(o.lat, o.lon);
      for (const feature of opportunityGate(o.view)) {
        const key = (this.featureId(feature) * CELL_COUNT + cell) * 2 + (o.skillIds.length > 0 ? 1 : 0);
        const list = lists.get(key);
        if (list) list.push(o.index);
        else lists.set(key, [o.index]);
      }
    }
    const keys = [...lists.keys()].sort((a, b) => a - b);
    const count = keys.length;
    const postings = keys.reduce((n, key) => n + lists.get(key)!.length, 0);
    this.members = new Int32Array(postings);
    this.postWeekAt = new Int32Array(postings + 1);
    const pairs: number[] = [];
    this.postLastDate = new Int32Array(postings);
    this.postMinAge = new Int32Array(postings);
    this.postCause = new Int32Array(postings);
    this.postLanguages = new Int32Array(postings);
    this.postLanguageCount = new Int32Array(postings);
    this.postX = new Float64Array(postings);
    this.postY = new Float64Array(postings);
    this.postZ = new Float64Array(postings);
    this.listStart = new Int32Array(count);
    this.listEnd = new Int32Array(count);
    this.listBase = new Float64Array(count);
    this.listCauses = new Int32Array(count);
    this.listLanguages = new Int32Array(count);
    this.listWeek = new Int32Array(count * WEEK_WORDS);
    this.listFar = new Uint8Array(count);
    this.postFar = new Uint8Array(postings);
    this.listRemote = new Uint8Array(count);
    this.keyFirst = new Int32Array(this.features.size * CELL_COUNT).fill(-1);
    this.keyCount = new Uint8Array(this.features.size * CELL_COUNT);
    this.occupied = new Uint8Array(CELL_COUNT);
    const professionGate = new Set([...this.features].filter(([name]) => name.startsWith('prof:')).map(([, id]) => id));
    let at = 0;
    for (let l = 0; l < count; l++) {
      const key = keys[l]!;
      const featureCell = key >> 1;
      this.listStart[l] = at;
      for (const index of lists.get(key)!) {
        const o = this.opportunities[index]!;
        this.members[at] = index;
        const union = new Int32Array(WEEK_WORDS);
        for (const shift of o.shifts) {
          const { words, masks } = shift.slots;
          for (let w = 0; w < words.length; w++) union[words[w]!]! |= masks[w]!;
        }
        this.postWeekAt[at] = pairs.length;
        if (o.shifts.some((s) => s.far)) {
          this.postFar[at] = 1;
          this.listFar[l] = 1;
        }
        for (let w = 0; w < WEEK_WORDS; w++) {
          if (union[w] !== 0) pairs.push(w, union[w]!);
          this.listWeek[l * WEEK_WORDS + w]! |= union[w]!;
        }
        if (o.minAge > 0) {
          this.postMinAge[at] = o.minAge;
          this.postLastDate[at] = o.shifts[o.shifts.length - 1]!.dateInt; // shifts are sorted by start
        }
        this.postCause[at] = o.causeBit;
        this.postLanguages[at] = o.languageMask;
        this.postLanguageCount[at] = o.languageCount;
        if (!o.remote) {
          this.postX[at] = o.cosLat * Math.cos(o.lonRad);
          this.postY[at] = o.cosLat * Math.sin(o.lonRad);
          this.postZ[at] = Math.sin(o.latRad);
        }
        this.listCauses[l]! |= o.causeBit;
        this.listLanguages[l]! |= o.languageMask;
        at++;
      }
      this.listEnd[l] = at;
      this.listRemote[l] = featureCell % CELL_COUNT === REMOTE_CELL ? 1 : 0;
      this.listBase[l] = (professionGate.has(Math.floor(featureCell / CELL_COUNT)) ? weights.profession : 0) + ((key & 1) === 1 ? weights.skills : 0);
      if (this.keyFirst[featureCell] === -1) this.keyFirst[featureCell] = l;
      this.keyCount[featureCell]!++;
      this.occupied[featureCell % CELL_COUNT] = 1;
    }
    this.postWeekAt[at] = pairs.length;
    this.postWeek = Int32Array.from(pairs);
    this.professionFeature = Int32Array.from(professionList, (p) => this.features.get(`prof:${p}`) ?? -1);
    this.causeFeature = Int32Array.from(causeList, (c) => this.features.get(`cause:${c}`) ?? -1);
    this.stamp = new Int32Array(this.opportunities.length);
    this.bucketHead.fill(-1);
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

  compileVolunteer(view: MatchVolunteer, index = 0, held?: Holds): CompiledVolunteer {
    return compileVolunteer(view, this.vocabulary, index, held);
  }

  /** Adds the lists of (feature, cell) to the probe in descending order of bound (see `topFor`, step 2). */
  private collect(v: CompiledVolunteer, featureCell: number, distancePoints: number, n: number): number {
    const first = this.keyFirst[featureCell]!;
    if (first < 0) return n;
    const week = v.packed;
    for (let l = first; l < first + this.keyCount[featureCell]!; l++) {
      // No member has a shift slot inside the weekly availability: all are excluded.
      let overlap = 0;
      for (let w = 0; w < WEEK_WORDS; w++) overlap |= this.listWeek[l * WEEK_WORDS + w]! & week[w]!;
      if (overlap === 0 && this.listFar[l] === 0) continue;
      const bound =
        this.listBase[l]! +
        ((this.listCauses[l]! & v.interestMask) !== 0 ? weights.interest : 0) +
        ((this.listLanguages[l]! & v.languageMask) !== 0 ? weights.language : 0) +
        distancePoints +
        weights.availability;
      if (n === this.probeList.length) {
        this.probeList = grow(this.probeList, new Int32Array(2 * n));
        this.probeBound = grow(this.probeBound, new Float64Array(2 * n));
      }
      let i = n; // insertion sort: a few dozen lists per volunteer
      while (i > 0 && this.probeBound[i - 1]! < bound) {
        this.probeBound[i] = this.probeBound[i - 1]!;
        this.probeList[i] = this.probeList[i - 1]!;
        i--;
      }
      this.probeBound[i] = bound;
      this.probeList[i] = l;
      n++;
    }
    return n;
  }

  /** Queues a candidate with an upper bound of its score. */
  private wait(o: number, bound: number): void {
    const w = this.waiting++;
    if (w === this.waitOpportunity.length) {
      this.waitOpportunity = grow(this.waitOpportunity, new Int32Array(2 * w));
      this.waitBound = grow(this.waitBound, new Float64Array(2 * w));
      this.waitNext = grow(this.waitNext, new Int32Array(2 * w));
    }
    const b = bound >= BUCKETS ? BUCKETS - 1 : Math.floor(bound);
    this.waitOpportunity[w] = o;
    this.waitBound[w] = bound;
    this.waitNext[w] = this.bucketHead[b]!;
    this.bucketHead[b] = w;
    if (b > this.highestBucket) this.highestBucket = b;
  }

  /**
   * Scores the waiting candidates of the buckets above `limit`, best bucket first, dropping
   * those whose bound cannot reach the top K any more (the K-th score only grows).
   */
  private scoreWaiting(v: CompiledVolunteer, top: TopK, limit: number): void {
    while (this.highestBucket > limit) {
      const b = this.highestBucket;
      const w = this.bucketHead[b]!;
      if (w < 0) {
        this.highestBucket--;
        continue;
      }
      this.bucketHead[b] = this.waitNext[w]!;
      if (top.size === top.k && this.waitBound[w]! < top.floor - 0.005) continue;
      const o = this.waitOpportunity[w]!;
      this.stats.evaluated++;
      const s = evaluate(v, this.opportunities[o]!, undefined, top.floor);
      if (s >= 0) top.offer(s, o, kernel.lastShift);
    }
  }

  /**
   * The volunteer's top K (into `top`, which is reset first), exactly as all-pairs scoring
   * would rank it, in the manner of a threshold (MaxScore) algorithm. A candidate is skipped
   * only when a hard rule surely excludes it or an UPPER BOUND of its score is below the
   * current K-th score (minus the kernel's rounding slack of 0.005: scores are rounded to
   * 2 decimals); the K-th score only grows, so a skipped candidate could never have entered.
   *
   * 1. Collect the posting lists that can hold an eligible opportunity: the volunteer's
   *    professions, skills and every cause (open opportunities), in the cells within reach
   *    and the remote cell (retrieval.ts). An opportunity outside these lists breaks a hard
   *    rule (gate or distance), so it is never in the all-pairs top K either.
   * 2. Bound each list: its profession and skill points (`listBase`), interest if some member's
   *    cause is one of the volunteer's, language if some member's languages meet theirs,
   *    distance from the nearest point of the cell (exactly half for remote), full
   *    availability. A list whose shift slots all miss the weekly availability, and none of
   *    whose members has a shift a week or more ahead, is dropped.
   * 3. Scan the lists from the highest bound down; stop at the first whose bound is below the
   *    K-th score (every later one is lower still). Per posting (each opportunity once):
   *    - skip it if its shifts cannot be eligible: none is a week or more ahead and none has a
   *      slot inside the availability (their union misses it), or the volunteer is under the minimum age even on the day of
   *      the last shift (age only grows, so every earlier shift fails too);
   *    - skip it if it is farther than the maximum distance, by a lower bound of the
   *      great-circle distance: the chord between the unit vectors (2·asin(c/2) ≥ c);
   *    - bound it: the list's base + its own interest and (exact) language points + distance
   *      points at that lower bound + full availability; skip it if that is below the K-th
   *      score, else queue it in the bucket of its bound.
   *    Before each list, the queued candidates whose bucket is above the list's bound are
   *    scored, best first: nothing in this or later lists can beat them, and scoring the best
   *    candidates first raises the K-th score early so that more of the rest are skipped.
   * 4. Score what is still queued, best first.
   */
  topFor(v: CompiledVolunteer, top: TopK): TopK {
    top.reset();
    this.visit++;
    const features = this.probeFeatures;
    features.length = 0;
    for (let m = v.professionMask; m !== 0; m &= m - 1) {
      const f = this.professionFeature[31 - Math.clz32(m & -m)]!;
      if (f >= 0) features.push(f);
    }
    for (let i = 0; i < v.packed[WEEK_WORDS]!; i++) {
      const f = this.skillFeatureOf(v.packed[WEEK_WORDS + 1 + 2 * i]!);
      if (f >= 0) features.push(f);
    }
    for (let c = 0; c < causeList.length; c++) if (this.causeFeature[c]! >= 0) features.push(this.causeFeature[c]!);

    let n = 0;
    if (this.occupied[REMOTE_CELL] === 1) {
      const remote = weights.distance * remoteDistanceShare;
      for (let f = 0; f < features.length; f++) n = this.collect(v, features[f]! * CELL_COUNT + REMOTE_CELL, remote, n);
    }
    const near = nearCells(v.lat, v.lon, limits.maxDistanceKm, this.nearCell, this.nearKm, this.occupied);
    for (let c = 0; c < near; c++) {
      const cell = this.nearCell[c]!;
      const distance = weights.distance * (1 - this.nearKm[c]! / limits.maxDistanceKm);
      for (let f = 0; f < features.length; f++) n = this.collect(v, features[f]! * CELL_COUNT + cell, distance, n);
    }

    const stamp = this.stamp;
    const visit = this.visit;
    const week = v.packed;
    const x = v.cosLat * Math.cos(v.lonRad);
    const y = v.cosLat * Math.sin(v.lonRad);
    const z = Math.sin(v.latRad);
    const remotePoints = weights.distance * remoteDistanceShare;
    this.waiting = 0;
    let pruned = false;
    for (let p = 0; p < n; p++) {
      const listBound = this.probeBound[p]!;
      this.scoreWaiting(v, top, Math.floor(listBound));
      if (top.size === top.k && listBound < top.floor - 0.005) {
        pruned = true;
        break;
      }
      const l = this.probeList[p]!;
      const remote = this.listRemote[l] === 1;
      const base = this.listBase[l]! + weights.availability;
      this.stats.lists++;
      this.stats.postings += this.listEnd[l]! - this.listStart[l]!;
      for (let i = this.listStart[l]!; i < this.listEnd[l]!; i++) {
        const o = this.members[i]!;
        if (stamp[o] === visit) continue;
        stamp[o] = visit;
        // The bound first (cheapest to refute once the top K is full), then the hard rules.
        let bound = base;
        if ((this.postCause[i]! & v.interestMask) !== 0) bound += weights.interest;
        const spoken = this.postLanguages[i]! & v.languageMask;
        if (spoken !== 0) bound += (weights.language * popcount(spoken)) / this.postLanguageCount[i]!;
        if (remote) bound += remotePoints;
        else {
          const dx = x - this.postX[i]!;
          const dy = y - this.postY[i]!;
          const dz = z - this.postZ[i]!;
          // A hair of slack keeps floating-point rounding on the safe side of both tests.
          const km = EARTH_KM * Math.sqrt(dx * dx + dy * dy + dz * dz) - 1e-6;
          if (km > limits.maxDistanceKm) continue;
          bound += km > 0 ? weights.distance * (1 - km / limits.maxDistanceKm) : weights.distance;
        }
        if (top.size === top.k && bound < top.floor - 0.005) continue;
        const minAge = this.postMinAge[i]!;
        if (minAge > 0 && Math.floor((this.postLastDate[i]! - v.birth) / 10_000) < minAge) continue;
        let overlap = this.postFar[i]!;
        for (let w = this.postWeekAt[i]!; w < this.postWeekAt[i + 1]! && overlap === 0; w += 2) overlap = this.postWeek[w + 1]! & week[this.postWeek[w]!]!;
        if (overlap === 0) continue;
        this.wait(o, bound);
      }
    }
    this.scoreWaiting(v, top, -1);
    if (pruned) this.stats.pruned++;
    return top;
  }
}

const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
  to.set(from);
  return to;
};

/** The naive baseline: every opportunity scored for the volunteer. */
export const allPairsTopK = (v: CompiledVolunteer, opportunities: readonly CompiledOpportunity[], top: TopK): TopK => {
  top.reset();
  for (let o = 0; o < opportunities.length; o++) {
    const s = evaluate(v, opportunities[o]!, undefined, top.floor);
    if (s >= 0) top.offer(s, o, kernel.lastShift);
  }
  return top;
};
