/**
 * Honours: volunteer of the month per region and for the Kingdom, chosen by the ministry from
 * the organisations' volunteers of the month through the HonourNomination workflow
 * (functions/workflows/honour-nomination): the monthly run opens one honour per region with
 * winners and one national honour and starts its execution; the execution waits
 * (`.waitForTaskToken`) for the ministry's choice (`POST /v1/honours/{id}/decision`); after
 * 10 days the rule decides (most approved minutes in the month, then rating, then whoever
 * reached the total first). Whichever decision is written first stands (a conditional write);
 * the award step then records the award, its points and the public achievement once.
 */
import { requireGroup, type Caller } from '../caller.js';
import { NomineeNotEligibleError, HonourAlreadyDecidedError, HonourNotFoundError } from './errors.js';
import type { AwardRecord, HonourDecisionPorts, HonourRecord, PublicAchievement, RecognitionCounters, RecognitionPorts, RecognitionRepository, RecognitionStore } from './ports.js';
import { byTheRule, displayName, isPublishable, type Contender } from './rules.js';
import type { HonourDecision, HonourScope, HonourView, PointsEntry } from './schema.js';

/** How long the ministry has to choose before the rule decides. */
export const HONOUR_WAIT_DAYS = 10;
/** Candidates kept per honour (the best by the rule): the item stays small, the ministry's list readable. */
export const MAX_HONOUR_CANDIDATES = 100;
export const HONOUR_POINTS: Readonly<Record<HonourScope, number>> = { region: 500, national: 1000 };
export const NATIONAL = 'sa';

export const honourId = (month: string, scope: HonourScope, scopeId: string): string => `${month}.${scope}.${scopeId}`;
export const honourExecutionName = (id: string): string => `honour-${id}`;

type Candidate = HonourRecord['candidates'][number];

const ranked = (candidates: readonly Candidate[]): Candidate[] =>
  [...candidates].sort((a, b) => b.minutes - a.minutes || a.reachedAt.localeCompare(b.reachedAt) || a.volunteerId.localeCompare(b.volunteerId));

/** The rule's winner: ratings are read only when the top minutes tie. */
export const ruleWinner = async <C extends Contender>(ports: Pick<RecognitionPorts, 'volunteers'>, contenders: readonly C[]): Promise<C | undefined> => {
  const top = Math.max(0, ...contenders.map((c) => c.minutes));
  const tied = contenders.filter((c) => c.minutes === top && top > 0);
  if (tied.length <= 1) return tied[0];
  const ratings = await ports.volunteers.ratings(tied.map((c) => c.volunteerId));
  const winner = byTheRule(tied.map((c) => (ratings.has(c.volunteerId) ? { ...c, rating: ratings.get(c.volunteerId)! } : c)));
  return tied.find((c) => c.volunteerId === winner?.volunteerId);
};

/**
 * After the organisations' awards of `month`: opens the region and national honours (once) and
 * starts their workflows. A rerun opens nothing new; an honour whose workflow never reached its
 * wait (no task token) is started again (the start is idempotent).
 */
export const openHonours = async (
  ports: Pick<RecognitionPorts, 'organizations' | 'honourWorkflow' | 'messages'> & { readonly repo: Pick<RecognitionRepository, 'awards' | 'monthTotal' | 'openHonour' | 'honour'> },
  month: string, now: Date): Promise<number> => {
  const winners = (await ports.repo.awards(month)).filter((award) => award.scope === 'org');
  if (winners.length === 0) return 0;
  const candidates = await Promise.all(
    winners.map(async (award) => {
      const [total, region] = await Promise.all([ports.repo.monthTotal(award.volunteerId, month), ports.organizations.region(award.scopeId)]);
      return { region, candidate: { volunteerId: award.volunteerId, displayName: award.displayName, orgId: award.scopeId, minutes: total.minutes, reachedAt: total.reachedAt } };
    }),
  );
  const groups = new Map<string, { scope: HonourScope; scopeId: string; candidates: Candidate[] }>();
  const add = (scope: HonourScope, scopeId: string, candidate: Candidate) => {
    const key = `${scope}.${scopeId}`;
    const group = groups.get(key) ?? { scope, scopeId, candidates: [] };
    // A volunteer who won in two organisations is one candidate.
    if (!group.candidates.some((c) => c.volunteerId === candidate.volunteerId)) group.candidates.push(candidate);
    groups.set(key, group);
  };
  for (const { region, candidate } of candidates) {
    if (region) add('region', region, candidate);
    add('national', NATIONAL, candidate);
  }
  let opened = 0;
  for (const { scope, scopeId, candidates: all } of groups.values()) {
    const id = honourId(month, scope, scopeId);
    const record: HonourRecord = { id, month, scope, scopeId, status: 'pending', candidates: ranked(all).slice(0, MAX_HONOUR_CANDIDATES), openedAt: now.toISOString() };
    const created = await ports.repo.openHonour(record);
    const existing = created ? record : await ports.repo.honour(id);
    if (created) opened += 1;
    if (existing && existing.status === 'pending' && !existing.taskToken) await ports.honourWorkflow.start(id);
  }
  if (opened > 0) await ports.messages.honoursOpened(month, opened, new Date(now.getTime() + HONOUR_WAIT_DAYS * 86_400_000).toISOString());
  return opened;
};

/** AwaitChoice (the workflow's wait): keeps the task token; an honour already decided ends the wait at once. */
export const awaitHonourChoice = async (ports: { readonly repo: Pick<RecognitionRepository, 'waitForHonour'> } & Pick<RecognitionPorts, 'clock'>, id: string, taskToken: string): Promise<void> => {
  const decideBy = new Date(ports.clock.now().getTime() + HONOUR_WAIT_DAYS * 86_400_000).toISOString();
  if (!(await ports.repo.waitForHonour(id, taskToken, decideBy))) {
    throw new HonourAlreadyDecidedError(`honour ${id} is already decided`);
  }
};

const view = ({ taskToken: _token, reasonAr: _ar, reasonEn: _en, candidates, ...honour }: HonourRecord): HonourView => ({
  ...honour,
  candidates: candidates.map(({ volunteerId, displayName: shown, orgId, minutes }) => ({ volunteerId, displayName: shown, orgId, minutes })),
});

export const listHonours = async (ports: RecognitionStore, caller: Caller, month: string) => {
  requireGroup(caller, 'ministry-reviewer', 'ministry-admin');
  return { items: (await ports.repo.honours(month)).map(view) };
};

/** The ministry's choice among the candidates; resumes the waiting workflow, which records the award. */
export const decideHonour = async (ports: HonourDecisionPorts, caller: Caller, id: string, body: HonourDecision): Promise<HonourView> => {
  requireGroup(caller, 'ministry-reviewer', 'ministry-admin');
  const honour = await ports.repo.honour(id);
  if (!honour) throw new HonourNotFoundError(`honour ${id} not found`);
  if (honour.status === 'decided') throw new HonourAlreadyDecidedError(`honour ${id} was already decided (${honour.basis})`);
  if (!honour.candidates.some((c) => c.volunteerId === body.volunteerId)) {
    throw new NomineeNotEligibleError('volunteerId', `the volunteer is not a candidate of honour ${id} (an organisation's volunteer of the month ${honour.month})`);
  }
  const at = ports.clock.now().toISOString();
  const choice = { volunteerId: body.volunteerId, basis: 'ministry' as const, by: caller.sub, at, reasonAr: body.reasonAr, reasonEn: body.reasonEn };
  if (!(await ports.repo.decideHonour(id, choice))) throw new HonourAlreadyDecidedError(`honour ${id} was decided meanwhile`);
  if (honour.taskToken) await ports.honourWorkflow.resume(honour.taskToken, { volunteerId: body.volunteerId });
  const { by: decidedBy, at: decidedAt, ...decided } = choice;
  return view({ ...honour, ...decided, status: 'decided', decidedBy, decidedAt });
};

/**
 * Award (the workflow's last step, after the choice or the 10-day timeout): a pending honour is
 * decided by the rule (unless the ministry's choice is written first); then the award, its
 * bonus points and the public achievement are recorded once and the volunteer is told.
 */
export const awardHonour = async (ports: RecognitionCounters & Pick<RecognitionPorts, 'messages'>, id: string): Promise<{ volunteerId: string; basis: 'ministry' | 'rule'; awarded: boolean }> => {
  let honour = await ports.repo.honour(id);
  if (!honour) throw new HonourNotFoundError(`honour ${id} not found`);
  const now = ports.clock.now();
  if (honour.status === 'pending') {
    const winner = await ruleWinner(ports, honour.candidates);
    if (!winner) throw new HonourNotFoundError(`honour ${id} has no candidate with approved minutes`);
    await ports.repo.decideHonour(id, { volunteerId: winner.volunteerId, basis: 'rule', by: 'rule', at: now.toISOString() });
    honour = (await ports.repo.honour(id))!;
  }
  const volunteerId = honour.volunteerId!;
  const basis = honour.basis!;
  const candidate = honour.candidates.find((c) => c.volunteerId === volunteerId);
  const profile = await ports.volunteers.profile(volunteerId);
  const publishable = profile !== undefined && isPublishable(profile, now);
  const shownAs = publishable ? displayName(profile.nameEn, profile.nameAr) : '—';
  const at = now.toISOString();
  const where = honour.scope === 'national' ? { ar: 'على مستوى المملكة', en: 'of the Kingdom' } : { ar: `في المنطقة (${honour.scopeId})`, en: `of the ${honour.scopeId} region` };
  const award: AwardRecord = {
    month: honour.month,
    award: 'volunteer-of-the-month',
    scope: honour.scope,
    scopeId: honour.scopeId,
    volunteerId,
    displayName: shownAs,
    minutes: candidate?.minutes ?? 0,
    basis,
    ...(honour.reasonAr && { reasonAr: honour.reasonAr }),
    ...(honour.reasonEn && { reasonEn: honour.reasonEn }),
    awardedAt: at,
  };
  const entry: PointsEntry = { id: `award#${honour.month}#${honour.scope}#${honour.scopeId}`, at, points: HONOUR_POINTS[honour.scope], reason: 'award', about: `volunteer-of-the-month/${honour.month}/${honour.scope}/${honour.scopeId}` };
  const achievement: PublicAchievement | undefined = publishable
    ? { at, displayName: shownAs, kind: 'award', titleAr: `متطوع الشهر ${where.ar} ${honour.month}`, titleEn: `Volunteer of the month ${where.en} ${honour.month}` }
    : undefined;
  const awarded = await ports.repo.award(award, entry, achievement);
  if (awarded) await ports.messages.awardWon(volunteerId, award);
  return { volunteerId, basis, awarded };
};
