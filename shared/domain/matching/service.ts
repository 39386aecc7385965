/**
 * Matching, as the jobs and consumers run it. Pure: the table, the notifier, the event bus
 * and the clock are ports.
 *
 * - Index maintenance (consumers): a volunteer's view goes to its shard and to one posting per
 *   feature (profession, skill, cause of interest) in its cell; a published opportunity to the
 *   open catalogue; both leave a change marker for the next job.
 * - `runChanges` (the hourly `matching` job): new or changed opportunities get their candidates
 *   (from the volunteer postings of their gate, in the cells within reach — a bounded number of
 *   Queries, no Scan) and their top K eligible volunteers are invited; changed volunteers and
 *   those new candidates get their matches recomputed against the open catalogue.
 * - `matchShard` (MatchingRun's child task, and the local run): the same recomputation for
 *   every volunteer of one shard.
 * Writes are deterministic and diffed: a rerun rewrites nothing that did not change.
 */
import type { Clock } from '../../clock.js';
import { domainEvent, type DomainEvent } from '../events.js';
import { cities } from '../reference/cities.js';
import { shardOf, toMatchOpportunity, toMatchVolunteer, volunteerCard, type VolunteerCard } from './adapters.js';
import type { OpportunityRecord, ShiftRecord } from '../opportunities/schema.js';
import type { VolunteerRecord } from '../volunteers/schema.js';
import { compileOpportunity, compileVolunteer, pointOf, SkillVocabulary, type Holds } from './compile.js';
import { OpportunityIndex, TopK } from './matcher.js';
import { cellName, cellOf, opportunityGate, reachCells, volunteerFeatures } from './retrieval.js';
import type { Invitation, MatchOpportunity, MatchVolunteer, Reason } from './schema.js';
import { explainPair } from './score.js';
import { riyadhIsoWeek } from '../time.js';
import { limits } from './weights.js';

/** A volunteer as the matching index holds it. */
export interface IndexedVolunteer {
  readonly view: MatchVolunteer;
  readonly card: VolunteerCard;
  readonly shard: number;
  readonly cell: string;
  readonly features: readonly string[];
}

export interface StoredMatch {
  readonly opportunityId: string;
  readonly shiftId: string;
  readonly score: number;
  readonly reasons: readonly Reason[];
  readonly opportunity: Pick<MatchOpportunity, 'orgId' | 'titleAr' | 'titleEn' | 'category' | 'city' | 'remote'>;
  readonly matchedAt: string;
}

export interface StoredCandidate {
  readonly volunteerId: string;
  readonly displayName: string;
  readonly displayNameAr: string;
  readonly city: string;
  readonly score: number;
  readonly shiftId: string;
  readonly reasons: readonly Reason[];
}

export interface Change {
  readonly kind: 'VOL' | 'OPP';
  readonly id: string;
  readonly changedAt: string;
}

export type InviteOutcome = 'invited' | 'duplicate' | 'capped';

export interface MatchingStore {
  getVolunteer(id: string): Promise<IndexedVolunteer | undefined>;
  /** Shard item + postings; postings of `previous` no longer wanted are deleted. */
  putVolunteer(entry: IndexedVolunteer, previous: IndexedVolunteer | undefined): Promise<void>;
  putOpenOpportunity(view: MatchOpportunity): Promise<void>;
  removeOpenOpportunity(id: string): Promise<void>;
  openOpportunity(id: string): Promise<MatchOpportunity | undefined>;
  openOpportunities(): Promise<MatchOpportunity[]>;
  markChanged(change: Change): Promise<void>;
  changes(limit: number): Promise<Change[]>;
  /** Deletes the marker unless it was changed again after `change.changedAt`. */
  clearChange(change: Change): Promise<void>;
  shardMembers(shard: number): Promise<IndexedVolunteer[]>;
  postedVolunteers(feature: string, cell: string, limit: number): Promise<IndexedVolunteer[]>;
  matches(volunteerId: string): Promise<StoredMatch[]>;
  /** Writes rank i of `next` where it differs from `previous`, deletes ranks beyond `next`. */
  replaceMatches(volunteerId: string, next: readonly StoredMatch[], previous: readonly StoredMatch[]): Promise<number>;
  putCandidates(opportunityId: string, candidates: readonly StoredCandidate[]): Promise<void>;
  deleteCandidates(opportunityId: string, volunteerIds: readonly string[]): Promise<void>;
  /** Every candidate of the opportunity (its matches are gone with it). */
  clearCandidates(opportunityId: string): Promise<void>;
  /** Records the invitation once (deterministic key) within the volunteer's weekly cap, with `events` in the same transaction. */
  invite(invitation: Invitation, volunteerId: string, week: string, cap: number, events?: readonly DomainEvent[]): Promise<InviteOutcome>;
  /** Of these shifts, those with no seat left (seatsTaken ≥ capacity), read by key in batches. */
  fullShifts(shifts: readonly { readonly opportunityId: string; readonly shiftId: string }[]): Promise<Set<string>>;
  /** Each volunteer's holds at `now` (compile.ts `holdsOf`): only volunteers with an application are in the map. */
  holds(volunteerIds: readonly string[], now: Date): Promise<Map<string, Holds>>;
}

export interface InvitationSender {
  /** Sends (or re-sends, idempotently) the invitation through the volunteer's channel. */
  send(invitation: Invitation, volunteer: IndexedVolunteer, opportunity: MatchOpportunity): Promise<void>;
}

export interface MatchingPorts {
  readonly store: MatchingStore;
  readonly invitations: InvitationSender;
  readonly clock: Clock;
}

// ── Index maintenance ─────────────────────────────────────────────────────────

export const indexedVolunteer = (view: MatchVolunteer, card: VolunteerCard): IndexedVolunteer => {
  const point = pointOf(view);
  return { view, card, shard: shardOf(view.id), cell: cellName(cellOf(point.lat, point.lon)), features: volunteerFeatures(view) };
};

export const indexVolunteer = async (ports: Pick<MatchingPorts, 'store' | 'clock'>, view: MatchVolunteer, card: VolunteerCard): Promise<void> => {
  const previous = await ports.store.getVolunteer(view.id);
  await ports.store.putVolunteer(indexedVolunteer(view, card), previous);
  await ports.store.markChanged({ kind: 'VOL', id: view.id, changedAt: ports.clock.now().toISOString() });
};

export const openOpportunity = async (ports: Pick<MatchingPorts, 'store' | 'clock'>, view: MatchOpportunity): Promise<void> => {
  await ports.store.putOpenOpportunity(view);
  await ports.store.markChanged({ kind: 'OPP', id: view.id, changedAt: ports.clock.now().toISOString() });
};

export const closeOpportunity = async (ports: Pick<MatchingPorts, 'store'>, opportunityId: string): Promise<void> => {
  await ports.store.removeOpenOpportunity(opportunityId);
  await ports.store.clearCandidates(opportunityId);
};

/**
 * A volunteer applied, took a seat or gave one up (issue 11): marked changed, so the next
 * `matching` job recomputes their matches with their holds (the read path hides what they hold
 * meanwhile).
 */
export const applicationChanged = async (ports: Pick<MatchingPorts, 'store' | 'clock'>, volunteerId: string): Promise<void> =>
  ports.store.markChanged({ kind: 'VOL', id: volunteerId, changedAt: ports.clock.now().toISOString() });

/** A volunteer's current profile → their index items (none yet: nothing to index). Answers whether it indexed. */
export const syncVolunteer = async (ports: Pick<MatchingPorts, 'store' | 'clock'>, record: VolunteerRecord | undefined): Promise<boolean> => {
  if (!record) return false;
  await indexVolunteer(ports, toMatchVolunteer(record), volunteerCard(record));
  return true;
};

/** An opportunity's current state → open in the catalogue while published, closed otherwise (or when it is gone). */
export const syncOpportunity = async (
  ports: Pick<MatchingPorts, 'store' | 'clock'>,
  found: { readonly opportunity: OpportunityRecord; readonly shifts: readonly ShiftRecord[] } | undefined,
  opportunityId: string,
): Promise<'open' | 'closed' | 'unknown'> => {
  if (found?.opportunity.status === 'published') {
    await openOpportunity(ports, toMatchOpportunity(found.opportunity, found.shifts));
    return 'open';
  }
  await closeOpportunity(ports, opportunityId);
  return found ? 'closed' : 'unknown';
};

// ── Matching volunteers (incremental job and shards) ──────────────────────────

export interface VolunteerRunSummary {
  volunteers: number;
  matches: number;
  itemsWritten: number;
}

/** Recomputes and stores the ranked matches of `volunteers` against `index`. */
export const matchVolunteers = async (
  ports: Pick<MatchingPorts, 'store'>,
  index: OpportunityIndex,
  volunteers: readonly IndexedVolunteer[],
): Promise<VolunteerRunSummary> => {
  const top = new TopK(limits.matchesPerVolunteer);
  const matchedAt = index.now.toISOString();
  const summary: VolunteerRunSummary = { volunteers: 0, matches: 0, itemsWritten: 0 };
  const holds = await ports.store.holds(volunteers.map((entry) => entry.view.id), index.now);
  for (const entry of volunteers) {
    const v = index.compileVolunteer(entry.view, 0, holds.get(entry.view.id));
    index.topFor(v, top);
    const next: StoredMatch[] = [];
    const candidates: StoredCandidate[] = [];
    for (let r = 0; r < top.size; r++) {
      const o = index.opportunities[top.items[r]!]!;
      const result = explainPair(v, o);
      const { orgId, titleAr, titleEn, category, city, remote } = o.view;
      next.push({
        opportunityId: o.view.id,
        shiftId: result.shiftId!,
        score: result.score,
        reasons: result.reasons,
        opportunity: { orgId, titleAr, titleEn, category, city, remote },
        matchedAt,
      });
      candidates.push(candidateOf(entry, result.score, result.shiftId!, result.reasons));
    }
    const previous = await ports.store.matches(entry.view.id);
    const written = await ports.store.replaceMatches(entry.view.id, next, previous);
    const changed = new Set(
      next.filter((m, i) => !sameMatch(m, previous[i]) && !previous.some((p) => sameMatch(p, m))).map((m) => m.opportunityId),
    );
    for (const [i, match] of next.entries()) if (changed.has(match.opportunityId)) await ports.store.putCandidates(match.opportunityId, [candidates[i]!]);
    const kept = new Set(next.map((m) => m.opportunityId));
    for (const dropped of previous.filter((p) => !kept.has(p.opportunityId))) await ports.store.deleteCandidates(dropped.opportunityId, [entry.view.id]);
    summary.volunteers++;
    summary.matches += next.length;
    summary.itemsWritten += written + changed.size;
  }
  return summary;
};

const sameMatch = (a: StoredMatch | undefined, b: StoredMatch | undefined): boolean =>
  a !== undefined && b !== undefined && a.opportunityId === b.opportunityId && a.shiftId === b.shiftId && a.score === b.score;

const candidateOf = (entry: IndexedVolunteer, score: number, shiftId: string, reasons: readonly Reason[]): StoredCandidate => ({
  volunteerId: entry.view.id,
  displayName: entry.card.displayName,
  displayNameAr: entry.card.displayNameAr,
  city: entry.view.city,
  score,
  shiftId,
  reasons,
});

/** The opportunity without its full shifts (nothing is recommended or offered on a shift without a seat). */
const withoutFullShifts = async (ports: Pick<MatchingPorts, 'store'>, views: readonly MatchOpportunity[], now: Date): Promise<MatchOpportunity[]> => {
  const future = views.flatMap((view) => view.shifts.filter((s) => Date.parse(s.start) > now.getTime()).map((s) => ({ opportunityId: view.id, shiftId: s.id })));
  const full = future.length > 0 ? await ports.store.fullShifts(future) : new Set<string>();
  return full.size === 0 ? [...views] : views.map((view) => ({ ...view, shifts: view.shifts.filter((s) => !full.has(s.id)) }));
};

/** The in-memory index of every open opportunity, built from the catalogue items, without the shifts that are full. */
export const loadIndex = async (ports: Pick<MatchingPorts, 'store'>, now: Date): Promise<OpportunityIndex> =>
  new OpportunityIndex(await withoutFullShifts(ports, await ports.store.openOpportunities(), now), new SkillVocabulary(), now);

/** MatchingRun's unit of work: every volunteer of one shard. */
export const matchShard = async (ports: Pick<MatchingPorts, 'store'>, index: OpportunityIndex, shard: number): Promise<VolunteerRunSummary> =>
  matchVolunteers(ports, index, await ports.store.shardMembers(shard));

// ── Opportunities: candidates and invitations ─────────────────────────────────

/** Cells whose volunteers can reach the opportunity; a remote one is searched in every city's cell. */
const candidateCells = (view: MatchOpportunity): string[] => {
  if (view.remote) return [...new Set(cities.map((c) => cellName(cellOf(c.lat, c.lon))))];
  const point = pointOf(view);
  return [...reachCells(point.lat, point.lon)].slice(0, -1).map(cellName);
};

export interface OpportunityRunSummary {
  candidates: number;
  invited: number;
  capped: number;
}

/** Candidates whose holds were read, in chunks of this many (a Query each). */
const HOLDS_CHUNK = 50;

/**
 * Ranks the opportunity's candidates from the volunteer postings and invites the top K.
 * Full shifts are left out first; then the candidates are ranked without their holds, and the
 * holds of the best are read chunk by chunk (a volunteer's holds only lower their score: fewer
 * shifts to offer, or none) until the kept ones outrank every candidate not yet checked.
 */
export const matchOpportunity = async (ports: MatchingPorts, published: MatchOpportunity, now: Date): Promise<OpportunityRunSummary & { volunteerIds: string[] }> => {
  const [view] = await withoutFullShifts(ports, [published], now);
  if (!view) throw new Error(`opportunity ${published.id} vanished`);
  const vocabulary = new SkillVocabulary();
  const o = compileOpportunity(view, vocabulary, now);
  const seen = new Map<string, IndexedVolunteer>();
  for (const feature of opportunityGate(view)) {
    for (const cell of candidateCells(view)) {
      for (const entry of await ports.store.postedVolunteers(feature, cell, limits.candidatePostingsPerKey)) seen.set(entry.view.id, entry);
    }
  }
  type Ranked = { entry: IndexedVolunteer; result: ReturnType<typeof explainPair> };
  const order = (a: Ranked, b: Ranked) => b.result.score - a.result.score || (a.entry.view.id < b.entry.view.id ? -1 : 1);
  const unchecked = [...seen.values()]
    .map((entry): Ranked => ({ entry, result: explainPair(compileVolunteer(entry.view, vocabulary), o) }))
    .filter(({ result }) => result.eligible)
    .sort(order);
  let checked: Ranked[] = [];
  for (let next = 0; next < unchecked.length; ) {
    const chunk = unchecked.slice(next, next + HOLDS_CHUNK);
    next += chunk.length;
    const holds = await ports.store.holds(chunk.map(({ entry }) => entry.view.id), now);
    for (const candidate of chunk) {
      const held = holds.get(candidate.entry.view.id);
      const result = held ? explainPair(compileVolunteer(candidate.entry.view, vocabulary, 0, held), o) : candidate.result;
      if (result.eligible) checked.push({ entry: candidate.entry, result });
    }
    checked = checked.sort(order).slice(0, limits.candidatesPerOpportunity);
    const rest = unchecked[next];
    if (checked.length === limits.candidatesPerOpportunity && (!rest || order(checked.at(-1)!, rest) < 0)) break;
  }
  const ranked = checked;
  await ports.store.putCandidates(
    view.id,
    ranked.map(({ entry, result }) => candidateOf(entry, result.score, result.shiftId!, result.reasons)),
  );

  let invited = 0;
  let capped = 0;
  const week = riyadhIsoWeek(now);
  for (const { entry, result } of ranked) {
    if (invited >= limits.invitationsPerOpportunity) break;
    const invitation: Invitation = {
      id: invitationId(view.id, entry.view.id),
      opportunityId: view.id,
      shiftId: result.shiftId!,
      channel: entry.card.channel,
      sentAt: now.toISOString(),
    };
    const outcome = await ports.store.invite(invitation, entry.view.id, week, limits.invitationsPerVolunteerPerWeek, [invitedEvent(invitation, entry.view.id)]);
    if (outcome === 'capped') {
      capped++;
      continue;
    }
    invited++;
    // A duplicate is sent again on purpose: the notifier's outbox dedupes on the invitation id,
    // so a run that died between recording and sending still delivers it, and only once.
    await ports.invitations.send(invitation, entry, view);
  }
  return { candidates: ranked.length, invited, capped, volunteerIds: ranked.map(({ entry }) => entry.view.id) };
};

/** The invitation's event; its id derives from the invitation's, which is recorded once. */
const invitedEvent = (invitation: Invitation, volunteerId: string) =>
  domainEvent(
    'VolunteerInvited',
    { invitationId: invitation.id, volunteerId, opportunityId: invitation.opportunityId, shiftId: invitation.shiftId, channel: invitation.channel, invitedAt: invitation.sentAt },
    { id: `${invitation.id}-VolunteerInvited`, time: new Date(invitation.sentAt) },
  );

/** One invitation per volunteer and opportunity, whatever reruns. */
export const invitationId = (opportunityId: string, volunteerId: string): string => `inv-${opportunityId}-${volunteerId}`;

// ── The hourly job ────────────────────────────────────────────────────────────

export interface ChangesSummary extends OpportunityRunSummary, VolunteerRunSummary {
  opportunities: number;
  changes: number;
}

/** Consumes up to `limit` change markers (see the file comment). */
export const runChanges = async (ports: MatchingPorts, limit = 2_000): Promise<ChangesSummary> => {
  const now = ports.clock.now();
  const changes = await ports.store.changes(limit);
  const summary: ChangesSummary = { changes: changes.length, opportunities: 0, candidates: 0, invited: 0, capped: 0, volunteers: 0, matches: 0, itemsWritten: 0 };
  const volunteerIds = new Set(changes.filter((c) => c.kind === 'VOL').map((c) => c.id));
  for (const change of changes.filter((c) => c.kind === 'OPP')) {
    const view = await ports.store.openOpportunity(change.id);
    if (view) {
      const result = await matchOpportunity(ports, view, now);
      summary.opportunities++;
      summary.candidates += result.candidates;
      summary.invited += result.invited;
      summary.capped += result.capped;
      for (const id of result.volunteerIds) volunteerIds.add(id);
    }
  }
  if (volunteerIds.size > 0) {
    const index = await loadIndex(ports, now);
    const entries = (await Promise.all([...volunteerIds].map((id) => ports.store.getVolunteer(id)))).filter((e): e is IndexedVolunteer => e !== undefined);
    const result = await matchVolunteers(ports, index, entries);
    summary.volunteers = result.volunteers;
    summary.matches = result.matches;
    summary.itemsWritten = result.itemsWritten;
  }
  for (const change of changes) await ports.store.clearChange(change);
  return summary;
};
