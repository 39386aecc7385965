/**
 * Candidate retrieval without all-pairs scoring: the posting keys shared by the in-memory
 * index (matcher.ts, the benchmark and the MatchingRun shards) and the index items in the
 * table (shared/db/matching-repository.ts).
 *
 * Each opportunity is posted under its GATE, the most selective hard rule it has, in the
 * geographic cell of its location (remote opportunities in the `remote` cell):
 *   requires professions → `prof:<profession>` for each;
 *   else requires skills → `skill:<name>` for each;
 *   else (open to all)   → `cause:<category>`.
 * A gated opportunity can only be eligible for a volunteer who holds one of its gate values,
 * so probing a volunteer's professions and skills finds every eligible gated opportunity;
 * open ones are found through causes. Cells are 0.5° squares; a volunteer probes the cells
 * that come within `maxDistanceKm` of their point (and `remote`), so distance never needs a
 * full pass either.
 *
 * Probes come in tiers by the most points an opportunity found in the tier can score:
 *   1. the volunteer's professions and skills — up to 100;
 *   2. open opportunities of a cause the volunteer is interested in — no profession or skill
 *      points, so at most 100 − 30 − 20 = 50;
 *   3. open opportunities of the other causes — at most 50 − 10 = 40.
 * When the top K is full and its K-th score is above the next tier's bound, the remaining
 * tiers cannot change it and are skipped. The result is exactly the all-pairs top K.
 * The in-memory matcher (matcher.ts) probes the same features and cells with finer bounds:
 * per posting list and per posting, best first (see `OpportunityIndex.topFor`).
 */
import { distanceKm } from '../reference/cities.js';
import { causeList } from './compile.js';
import type { MatchOpportunity, MatchVolunteer } from './schema.js';
import { limits, maxScore, weights } from './weights.js';

export const CELL_DEGREES = 0.5;
const MIN_LAT = 16;
const MIN_LON = 34.5;
export const LAT_CELLS = 33;
export const LON_CELLS = 43;
/** Index of the pseudo-cell of remote opportunities. */
export const REMOTE_CELL = LAT_CELLS * LON_CELLS;
export const CELL_COUNT = REMOTE_CELL + 1;

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

export const cellOf = (lat: number, lon: number): number =>
  clamp(Math.floor((lat - MIN_LAT) / CELL_DEGREES), 0, LAT_CELLS - 1) * LON_CELLS +
  clamp(Math.floor((lon - MIN_LON) / CELL_DEGREES), 0, LON_CELLS - 1);

/** The cell as it appears in table keys, e.g. `c17-24` or `remote`. */
export const cellName = (cell: number): string =>
  cell === REMOTE_CELL ? 'remote' : `c${Math.floor(cell / LON_CELLS)}-${cell % LON_CELLS}`;

const reachMemo = /* @__PURE__ */ new Map<string, Int32Array>();

/**
 * The cells within `maxKm` of a point, without the remote cell: writes each cell into
 * `cells` and a LOWER BOUND of the distance from the point to anything located in it into
 * `km`, and returns how many there are. The bound is the distance to the nearest point of the
 * cell's rectangle, less 1 km of slack for the curvature of the rectangle's edges; the cells
 * on the border of the grid stretch to the pole or antimeridian on the outer side, because
 * `cellOf` clamps points outside the grid into them. Cells with `include[cell] === 0` are
 * skipped (the matcher passes the cells that hold postings). `cells` and `km` must have room
 * for `LAT_CELLS * LON_CELLS` entries.
 */
export const nearCells = (
  lat: number,
  lon: number,
  maxKm: number,
  cells: Int32Array,
  km: Float64Array,
  include?: Uint8Array,
): number => {
  let count = 0;
  const span = Math.ceil(maxKm / 110 / CELL_DEGREES) + 1;
  const lat0 = clamp(Math.floor((lat - MIN_LAT) / CELL_DEGREES), 0, LAT_CELLS - 1);
  const lonSpan = Math.ceil(maxKm / (111 * Math.cos(((Math.abs(lat) + 2) * Math.PI) / 180)) / CELL_DEGREES) + 1;
  const lon0 = clamp(Math.floor((lon - MIN_LON) / CELL_DEGREES), 0, LON_CELLS - 1);
  const point = { lat, lon };
  const nearest = { lat, lon };
  for (let i = Math.max(0, lat0 - span); i <= Math.min(LAT_CELLS - 1, lat0 + span); i++) {
    const south = i === 0 ? -90 : MIN_LAT + i * CELL_DEGREES;
    const north = i === LAT_CELLS - 1 ? 90 : MIN_LAT + (i + 1) * CELL_DEGREES;
    for (let j = Math.max(0, lon0 - lonSpan); j <= Math.min(LON_CELLS - 1, lon0 + lonSpan); j++) {
      const cell = i * LON_CELLS + j;
      if (include && include[cell] === 0) continue;
      const west = j === 0 ? -180 : MIN_LON + j * CELL_DEGREES;
      const east = j === LON_CELLS - 1 ? 180 : MIN_LON + (j + 1) * CELL_DEGREES;
      nearest.lat = clamp(lat, south, north);
      nearest.lon = clamp(lon, west, east);
      const d = distanceKm(point, nearest) - 1;
      if (d <= maxKm) {
        cells[count] = cell;
        km[count++] = d > 0 ? d : 0;
      }
    }
  }
  return count;
};

/** Cells within `maxKm` of a point (see `nearCells`), plus the remote cell. */
export const reachCells = (lat: number, lon: number, maxKm: number = limits.maxDistanceKm): Int32Array => {
  const key = `${lat},${lon},${maxKm}`;
  const known = reachMemo.get(key);
  if (known) return known;
  const cells = new Int32Array(LAT_CELLS * LON_CELLS + 1);
  const count = nearCells(lat, lon, maxKm, cells, new Float64Array(LAT_CELLS * LON_CELLS));
  cells[count] = REMOTE_CELL;
  const result = cells.slice(0, count + 1);
  if (reachMemo.size > 100_000) reachMemo.clear();
  reachMemo.set(key, result);
  return result;
};

/** The gate features an opportunity is posted under (see the file comment). */
export const opportunityGate = (o: Pick<MatchOpportunity, 'professions' | 'skills' | 'category'>): string[] =>
  o.professions.length > 0
    ? o.professions.map((p) => `prof:${p}`)
    : o.skills.length > 0
      ? [...new Set(o.skills.map((s) => `skill:${s.name}`))]
      : [`cause:${o.category}`];

export interface ProbeTier {
  /** The most points any opportunity reached through this tier can score. */
  readonly bound: number;
  readonly features: readonly string[];
}

/** The features a volunteer probes, tier by tier (see the file comment). */
export const volunteerTiers = (v: Pick<MatchVolunteer, 'professions' | 'skills' | 'interests'>): ProbeTier[] => {
  const open = maxScore - weights.profession - weights.skills;
  const interests = new Set<string>(v.interests);
  return [
    { bound: maxScore, features: [...v.professions.map((p) => `prof:${p}`), ...v.skills.map((s) => `skill:${s.name}`)] },
    { bound: open, features: v.interests.map((c) => `cause:${c}`) },
    { bound: open - weights.interest, features: causeList.filter((c) => !interests.has(c)).map((c) => `cause:${c}`) },
  ];
};

/**
 * The features a volunteer is posted under in the table, for ranking an opportunity's
 * candidates: every gate that can let them in (professions, skills) and the causes they chose.
 */
export const volunteerFeatures = (v: Pick<MatchVolunteer, 'professions' | 'skills' | 'interests'>): string[] => [
  ...v.professions.map((p) => `prof:${p}`),
  ...v.skills.map((s) => `skill:${s.name}`),
  ...v.interests.map((c) => `cause:${c}`),
];
