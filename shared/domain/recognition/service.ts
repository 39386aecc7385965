/**
 * Recognition and incentives: approved hours become points and leaderboard minutes as they
 * are approved; badges are evaluated by the daily `awards` run for the volunteers whose
 * standing changed (change markers, never a Scan); volunteer of the month per organisation
 * is chosen after each month ends (the managers' nomination, else the rule); rewards are
 * redeemed with points in one transaction. Pure: the ports do the I/O.
 */
import { ForbiddenError, NotFoundError, TooManyRequestsError } from '../errors.js';
import type { RateLimiter } from '../certificates/ports.js';
import { managesOrganization, requireGroup, type Caller } from '../caller.js';
import type { HoursApprovedDetail, HoursReversedDetail } from '../hours/schema.js';
import type { EventDetail } from '../../../events/catalog.js';
import { addMonths, riyadhMonth } from '../time.js';
import { badgeById, evaluateBadges } from './badges.js';
import { NomineeNotEligibleError, RewardNotFoundError, RewardUnavailableError } from './errors.js';
import type { AwardRecord, DailyAwardRepository, HoursChange, MonthlyAwardRepository, PublicAchievement, RecognitionHoursCounters, RecognitionPorts, RecognitionRepository, RecognitionStore, RewardRecord } from './ports.js';
import { openHonours, ruleWinner } from './honours.js';
import { displayName, isPublishable, pointsForHours } from './rules.js';
import type { CreateReward, LeaderboardQuery, Nomination, PointsEntry, RedemptionCheck, RedemptionView, RewardView } from './schema.js';

const monthOf = (date: string): string => date.slice(0, 7);

/** HoursApproved → counters, points and leaderboards, once per event. */
export const recordHoursApproved = async (ports: RecognitionHoursCounters, eventId: string, hours: HoursApprovedDetail): Promise<boolean> => {
  const professional = hours.track === 'general' ? 0 : hours.minutes;
  const change: HoursChange = {
    eventId,
    hoursId: hours.hoursId,
    volunteerId: hours.volunteerId,
    orgId: hours.orgId,
    city: hours.city,
    month: monthOf(hours.date),
    year: hours.date.slice(0, 4),
    minutes: hours.minutes,
    professionalMinutes: professional,
    shifts: hours.kind === 'shift' && hours.minutes > 0 ? 1 : 0,
    points: pointsForHours(hours.minutes, hours.track),
    at: hours.approvedAt,
    reversal: false,
  };
  return applyChange(ports, change, 'hours');
};

/** HoursReversed → takes back exactly what the approval gave (a reversing entry, never an edit). */
export const recordHoursReversed = async (ports: RecognitionHoursCounters, eventId: string, reversal: HoursReversedDetail): Promise<boolean> => {
  const applied = await ports.repo.appliedHours(reversal.hoursId);
  // An approval recognition never saw (e.g. before this area existed) has nothing to take back.
  if (!applied) return false;
  const change: HoursChange = {
    eventId,
    hoursId: reversal.hoursId,
    volunteerId: reversal.volunteerId,
    orgId: reversal.orgId,
    city: applied.city,
    month: applied.month,
    year: applied.year,
    minutes: -applied.minutes,
    professionalMinutes: -applied.professionalMinutes,
    shifts: -applied.shifts,
    points: -applied.points,
    at: reversal.reversedAt,
    reversal: true,
  };
  return applyChange(ports, change, 'hours-reversed');
};

const applyChange = async (ports: RecognitionHoursCounters, change: HoursChange, reason: PointsEntry['reason']): Promise<boolean> => {
  const entry: PointsEntry = { id: `${reason}#${change.hoursId}`, at: change.at, points: change.points, reason, about: change.hoursId };
  const applied = await ports.repo.applyHours(change, entry);
  const profile = await ports.volunteers.profile(change.volunteerId);
  const shownAs = profile && isPublishable(profile, new Date(change.at)) ? displayName(profile.nameEn, profile.nameAr) : undefined;
  // Leaderboards are updated even for a redelivered event: their own markers make it once.
  await ports.repo.updateLeaderboards(change, shownAs);
  return applied;
};

/** TrainingCompleted → the volunteer's training count (the trained-3 badge), once per module; the daily run evaluates it. */
export const recordTrainingCompleted = (ports: { readonly repo: Pick<RecognitionRepository, 'applyTraining'> }, training: EventDetail<'TrainingCompleted'>): Promise<boolean> =>
  ports.repo.applyTraining(training.volunteerId, training.trainingId, training.completedAt);

export interface DailyAwardsSummary {
  readonly volunteers: number;
  readonly badgesAwarded: number;
  readonly badgesRevoked: number;
}

/** The daily part of the `awards` schedule: evaluates the badges of every volunteer whose standing changed. */
/** Volunteers evaluated at once by the daily run: the work is I/O, so a few dozen in flight keep it busy. */
const DAILY_CONCURRENCY = 32;

/** What the daily run uses: its repository methods, no honour workflow, no organisations' regions (the monthly run's). */
export type DailyAwardPorts = Pick<RecognitionPorts, 'clock' | 'volunteers' | 'credentials' | 'messages'> & { readonly repo: DailyAwardRepository };
/** What the monthly run uses: its repository methods, no badge signer (the daily run's). */
export type MonthlyAwardPorts = Pick<RecognitionPorts, 'clock' | 'volunteers' | 'messages' | 'honourWorkflow' | 'organizations'> & { readonly repo: MonthlyAwardRepository };

export const runDailyAwards = async (ports: DailyAwardPorts, now: Date): Promise<DailyAwardsSummary> => {
  let volunteers = 0;
  let badgesAwarded = 0;
  let badgesRevoked = 0;
  const evaluate = async (volunteerId: string, markedAt: string): Promise<void> => {
    const standing = await ports.repo.standing(volunteerId);
    const held = new Set(standing.badges.filter((b) => !b.revokedAt).map((b) => b.badgeId));
    const { award, revoke } = evaluateBadges(standing.stats, held);
    const profile = award.length > 0 ? await ports.volunteers.profile(volunteerId) : undefined;
    const shownAs = profile && isPublishable(profile, now) ? displayName(profile.nameEn, profile.nameAr) : undefined;
    const at = now.toISOString();
    for (const badge of award) {
      const issued = profile
        ? await ports.credentials.issue({ volunteerId, nameAr: profile.nameAr, nameEn: profile.nameEn, badge, earnedAt: at })
        : null;
      const achievement: PublicAchievement | undefined = shownAs
        ? { at, displayName: shownAs, kind: 'badge', titleAr: badge.nameAr, titleEn: badge.nameEn }
        : undefined;
      const entry: PointsEntry = { id: `badge#${badge.id}#${at}`, at, points: badge.bonusPoints, reason: 'badge', about: badge.id };
      const earned = { badgeId: badge.id, version: badge.version, earnedAt: at, credential: issued?.jwt ?? null, ...(issued && { statusList: issued.statusList }) };
      if (await ports.repo.awardBadge(volunteerId, earned, entry, achievement)) {
        badgesAwarded += 1;
        if (profile) await ports.messages.badgeEarned(volunteerId, badge);
      }
    }
    for (const badge of revoke) {
      const earned = standing.badges.find((b) => b.badgeId === badge.id && !b.revokedAt)!;
      const entry: PointsEntry = { id: `badge-revoked#${badge.id}#${at}`, at, points: -badge.bonusPoints, reason: 'badge-revoked', about: badge.id };
      if (await ports.repo.revokeBadge(volunteerId, earned, at, entry)) badgesRevoked += 1;
    }
    await ports.repo.clearChange(volunteerId, markedAt);
  };
  let batch: Array<{ volunteerId: string; markedAt: string }> = [];
  const flush = async () => {
    await Promise.all(batch.map(({ volunteerId, markedAt }) => evaluate(volunteerId, markedAt)));
    batch = [];
  };
  for await (const marker of ports.repo.changedVolunteers()) {
    volunteers += 1;
    batch.push(marker);
    if (batch.length === DAILY_CONCURRENCY) await flush();
  }
  await flush();
  return { volunteers, badgesAwarded, badgesRevoked };
};

/** Bonus points for the volunteer of the month of an organisation. */
export const VOLUNTEER_OF_THE_MONTH_POINTS = 200;

export interface MonthlyAwardsSummary {
  readonly month: string;
  readonly organizations: number;
  readonly awarded: number;
  /** Region and national honours opened (their HonourNomination workflows started). */
  readonly honoursOpened: number;
}

/**
 * The monthly part of the `awards` schedule: after a Riyadh month has ended, each organisation
 * with approved hours in it gets its volunteer of the month — the managers' nomination, or
 * else the rule (most approved minutes in the month; ties: the better rated, then whoever reached
 * it first); then the region and national honours are opened (shared/domain/recognition/honours.ts). Runs on
 * every invocation for the month before `now`; the award's condition makes reruns no-ops.
 */
export const runMonthlyAwards = async (ports: MonthlyAwardPorts, now: Date): Promise<MonthlyAwardsSummary> => {
  const month = addMonths(riyadhMonth(now), -1);
  let organizations = 0;
  let awarded = 0;
  for await (const orgId of ports.repo.activeOrganizations(month)) {
    organizations += 1;
    const nomination = await ports.repo.nominationOf(orgId, month);
    const winner = nomination
      ? { volunteerId: nomination.volunteerId, minutes: await ports.repo.orgMonthMinutes(orgId, month, nomination.volunteerId) }
      : await ruleWinner(ports, await ports.repo.leadersOfOrganization(orgId, month));
    if (!winner) continue;
    const profile = await ports.volunteers.profile(winner.volunteerId);
    const publishable = profile !== undefined && isPublishable(profile, now);
    const shownAs = profile ? displayName(profile.nameEn, profile.nameAr) : 'متطوع';
    const at = now.toISOString();
    const award: AwardRecord = {
      month,
      award: 'volunteer-of-the-month',
      scope: 'org',
      scopeId: orgId,
      volunteerId: winner.volunteerId,
      displayName: publishable ? shownAs : '—',
      minutes: winner.minutes,
      basis: nomination ? 'nomination' : 'rule',
      ...(nomination && { reasonAr: nomination.reasonAr, reasonEn: nomination.reasonEn }),
      awardedAt: at,
    };
    const entry: PointsEntry = { id: `award#${month}#${orgId}`, at, points: VOLUNTEER_OF_THE_MONTH_POINTS, reason: 'award', about: `volunteer-of-the-month/${month}/${orgId}` };
    const achievement: PublicAchievement | undefined = publishable
      ? { at, displayName: shownAs, kind: 'award', titleAr: `متطوع الشهر ${month}`, titleEn: `Volunteer of the month ${month}` }
      : undefined;
    if (await ports.repo.award(award, entry, achievement)) {
      awarded += 1;
      if (profile) await ports.messages.awardWon(winner.volunteerId, award);
    }
  }
  // Per region and nationally: the ministry chooses among the organisations' winners (else the rule, after 10 days).
  const honoursOpened = await openHonours(ports, month, now);
  return { month, organizations, awarded, honoursOpened };
};

export const listBadges = async (ports: RecognitionStore, caller: Caller) => {
  requireGroup(caller, 'volunteer');
  const { badges } = await ports.repo.standing(caller.sub);
  return {
    items: badges
      .filter((earned) => !earned.revokedAt)
      .flatMap((earned) => {
        const badge = badgeById(earned.badgeId);
        if (!badge) return [];
        const { criterion: _criterion, bonusPoints: _bonus, ...shown } = badge;
        return [{ badge: { ...shown, version: earned.version }, earnedAt: earned.earnedAt, credential: earned.credential }];
      }),
  };
};

export const pointsOf = async (ports: RecognitionStore, caller: Caller, limit: number, cursor?: string) => {
  requireGroup(caller, 'volunteer');
  return ports.repo.points(caller.sub, limit, cursor);
};

export const achievements = (ports: RecognitionStore, limit: number, cursor?: string) => ports.repo.achievements(limit, cursor, ports.clock.now());

export const leaderboard = async (ports: RecognitionStore, query: LeaderboardQuery) => {
  const period = query.at ?? (query.period === 'month' ? riyadhMonth(ports.clock.now()) : riyadhMonth(ports.clock.now()).slice(0, 4));
  const id = query.scope === 'national' ? '-' : query.id!;
  const rows = await ports.repo.leaderboard(query.scope, id, period, query.limit);
  return {
    scope: query.scope,
    ...(query.scope !== 'national' && { id }),
    period,
    items: rows.map((row, index) => ({ rank: index + 1, displayName: row.displayName, minutes: row.minutes })),
  };
};

export const nominate = async (ports: RecognitionStore, caller: Caller, orgId: string, nomination: Nomination): Promise<{ month: string; volunteerId: string }> => {
  if (!managesOrganization(caller, orgId)) throw new ForbiddenError(`only the managers of organisation ${orgId} nominate its volunteer of the month`);
  const current = riyadhMonth(ports.clock.now());
  if (nomination.month !== current && nomination.month !== addMonths(current, -1)) {
    throw new NomineeNotEligibleError('month', `nominations are for the current or the previous month (${addMonths(current, -1)} or ${current}), got ${nomination.month}`);
  }
  const minutes = await ports.repo.orgMonthMinutes(orgId, nomination.month, nomination.volunteerId);
  if (minutes <= 0) {
    throw new NomineeNotEligibleError('volunteerId', `the volunteer has no approved hours with this organisation in ${nomination.month}`);
  }
  await ports.repo.nominate(orgId, nomination, caller.sub, ports.clock.now().toISOString());
  return { month: nomination.month, volunteerId: nomination.volunteerId };
};

export const awardsOf = async (ports: RecognitionStore, month: string) => ({
  items: (await ports.repo.awards(month))
    .filter((award) => award.displayName !== '—')
    .map(({ volunteerId: _hidden, ...shown }) => shown),
});

const view = ({ createdBy: _by, createdAt: _at, ...reward }: RewardRecord): RewardView => reward;

export const createReward = async (ports: RecognitionStore, caller: Caller, input: CreateReward): Promise<RewardView> => {
  requireGroup(caller, 'ministry-admin');
  const reward: RewardRecord = {
    id: ports.ids(),
    titleAr: input.titleAr,
    titleEn: input.titleEn,
    descriptionAr: input.descriptionAr,
    descriptionEn: input.descriptionEn,
    ...(input.partner && { partner: input.partner }),
    pointsCost: input.pointsCost,
    stockLeft: input.stock,
    minApprovedHours: input.minApprovedHours,
    perVolunteer: input.perVolunteer,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    createdBy: caller.sub,
    createdAt: ports.clock.now().toISOString(),
  };
  await ports.repo.createReward(reward);
  return view(reward);
};

export const listRewards = async (ports: RecognitionStore) => ({ items: (await ports.repo.rewards(ports.clock.now())).map(view) });

const periodKey = (perVolunteer: string, now: Date): string | undefined => {
  const month = riyadhMonth(now);
  if (perVolunteer === 'once') return 'once';
  if (perVolunteer === 'once-a-year') return month.slice(0, 4);
  if (perVolunteer === 'once-a-month') return month;
  return undefined;
};

export const redeem = async (ports: RecognitionStore, caller: Caller, rewardId: string): Promise<RedemptionView> => {
  requireGroup(caller, 'volunteer');
  const reward = await ports.repo.reward(rewardId);
  if (!reward) throw new RewardNotFoundError(rewardId);
  const now = ports.clock.now();
  if (now < new Date(reward.validFrom) || now > new Date(reward.validUntil)) {
    throw new RewardUnavailableError(`reward ${rewardId} is offered from ${reward.validFrom} to ${reward.validUntil}`);
  }
  const id = ports.ids();
  const at = now.toISOString();
  const code = ports.codes();
  const entry: PointsEntry = { id: `redemption#${id}`, at, points: -reward.pointsCost, reason: 'redemption', about: id };
  const { balance } = await ports.repo.redeem({ volunteerId: caller.sub, reward, redemptionId: id, code, periodKey: periodKey(reward.perVolunteer, now), entry, at });
  return { id, rewardId, code, pointsSpent: reward.pointsCost, balance, at };
};

/**
 * A partner's check of a redemption code (public, like certificate codes: 80 random bits, and
 * the lookups of an address are rate-limited). Shows the reward, never the volunteer.
 */
export const checkRedemption = async (ports: Pick<RecognitionPorts, 'repo'> & { rateLimiter: RateLimiter }, code: string, client: string): Promise<RedemptionCheck> => {
  if (!(await ports.rateLimiter.hit('redemption', client))) throw new TooManyRequestsError('too many redemption checks from this address; try again in a minute');
  const redemption = await ports.repo.redemptionByCode(code);
  const reward = redemption && (await ports.repo.reward(redemption.rewardId));
  if (!redemption || !reward) throw new NotFoundError('no redemption has this code');
  return {
    code,
    valid: true,
    rewardId: reward.id,
    titleAr: reward.titleAr,
    titleEn: reward.titleEn,
    ...(reward.partner && { partner: reward.partner }),
    pointsSpent: redemption.pointsSpent,
    redeemedAt: redemption.at,
  };
};
