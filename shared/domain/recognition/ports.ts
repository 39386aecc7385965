/** The ports of recognition; shared/db/recognition-repository.ts and the composition roots implement them. */
import type { Caller } from '../caller.js';
import type { BadgeDefinition, RecognitionStats } from './badges.js';
import type { Contender } from './rules.js';
import type { HonourScope, Nomination, PointsEntry, RewardView } from './schema.js';

/** One approval (+) or reversal (−) of hours, as recognition counts it. */
export interface HoursChange {
  readonly eventId: string;
  readonly hoursId: string;
  readonly volunteerId: string;
  readonly orgId: string;
  readonly city: string;
  /** Riyadh month and year of the hours' date. */
  readonly month: string;
  readonly year: string;
  readonly minutes: number;
  readonly professionalMinutes: number;
  readonly shifts: number;
  readonly points: number;
  readonly at: string;
  readonly reversal: boolean;
}

/** What recognition kept of an approval, so that its reversal takes back exactly the same. */
export interface AppliedHours {
  readonly hoursId: string;
  readonly minutes: number;
  readonly professionalMinutes: number;
  readonly shifts: number;
  readonly points: number;
  readonly city: string;
  readonly month: string;
  readonly year: string;
}

/** A credential's entry in a Bitstring Status List (the same lists as certificates). */
export interface StatusEntry {
  readonly listId: string;
  readonly index: number;
}

export interface EarnedBadge {
  readonly badgeId: string;
  readonly version: number;
  readonly earnedAt: string;
  readonly credential: string | null;
  /** Where the credential's revocation bit is (set when the badge is revoked). */
  readonly statusList?: StatusEntry;
  readonly revokedAt?: string;
}

export interface Standing {
  readonly stats: RecognitionStats;
  readonly points: number;
  readonly badges: readonly EarnedBadge[];
}

export interface PublicAchievement {
  readonly at: string;
  readonly displayName: string;
  readonly kind: 'badge' | 'award';
  readonly titleAr: string;
  readonly titleEn: string;
}

export interface AwardRecord {
  readonly month: string;
  readonly award: 'volunteer-of-the-month';
  readonly scope: 'org' | 'region' | 'national';
  readonly scopeId: string;
  readonly volunteerId: string;
  readonly displayName: string;
  readonly minutes: number;
  readonly basis: 'nomination' | 'rule' | 'ministry';
  readonly reasonAr?: string;
  readonly reasonEn?: string;
  readonly awardedAt: string;
}

/** An honour (volunteer of the month of a region or of the Kingdom) chosen by the ministry, or by the rule after 10 days. */
export interface HonourRecord {
  readonly id: string;
  readonly month: string;
  readonly scope: HonourScope;
  readonly scopeId: string;
  readonly status: 'pending' | 'decided';
  readonly candidates: ReadonlyArray<Contender & { readonly displayName: string; readonly orgId: string }>;
  readonly openedAt: string;
  /** The waiting workflow's task token (server-side only). */
  readonly taskToken?: string;
  readonly decideBy?: string;
  readonly volunteerId?: string;
  readonly basis?: 'ministry' | 'rule';
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly reasonAr?: string;
  readonly reasonEn?: string;
}

export interface HonourChoice {
  readonly volunteerId: string;
  readonly basis: 'ministry' | 'rule';
  readonly by: string;
  readonly at: string;
  readonly reasonAr?: string;
  readonly reasonEn?: string;
}

export interface RewardRecord extends RewardView {
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export interface RecognitionRepository {
  appliedHours(hoursId: string): Promise<AppliedHours | undefined>;
  /** Applies the change once: counters, points entry, change marker; false when this event was already applied. */
  applyHours(change: HoursChange, entry: PointsEntry): Promise<boolean>;
  /** Adds the change to the volunteer's leaderboard entries (national, city, organisation × month, year), once per change. */
  updateLeaderboards(change: HoursChange, shownAs: string | undefined): Promise<void>;
  /** Counts a completed training module once per volunteer and module (a retake or a new version adds nothing) → false when already counted. */
  applyTraining(volunteerId: string, trainingId: string, at: string): Promise<boolean>;
  /** Volunteers whose standing changed since the last daily run (change markers, sharded). */
  changedVolunteers(): AsyncIterable<{ readonly volunteerId: string; readonly markedAt: string }>;
  /** Removes the change marker unless it was renewed since `markedAt`. */
  clearChange(volunteerId: string, markedAt: string): Promise<void>;
  standing(volunteerId: string): Promise<Standing>;
  /** Awards the badge once (a rerun or duplicate is a no-op → false). */
  awardBadge(volunteerId: string, earned: EarnedBadge, entry: PointsEntry, achievement: PublicAchievement | undefined): Promise<boolean>;
  /** Revokes a held badge once, setting its credential's status list bit → false when it was not held. */
  revokeBadge(volunteerId: string, badge: EarnedBadge, at: string, entry: PointsEntry): Promise<boolean>;
  points(volunteerId: string, limit: number, cursor?: string): Promise<Page<PointsEntry> & { balance: number }>;
  achievements(limit: number, cursor: string | undefined, now: Date): Promise<Page<PublicAchievement>>;
  leaderboard(scope: 'national' | 'city' | 'org', id: string, period: string, limit: number): Promise<Array<{ displayName: string; minutes: number }>>;
  nominate(orgId: string, nomination: Nomination, by: string, at: string): Promise<void>;
  nominationOf(orgId: string, month: string): Promise<(Nomination & { by: string }) | undefined>;
  /** Organisations with approved hours in the month (markers written by applyHours). */
  activeOrganizations(month: string): AsyncIterable<string>;
  /** The organisation's volunteers with the most approved minutes in the month (all who tie on that total); none without hours. */
  leadersOfOrganization(orgId: string, month: string): Promise<Contender[]>;
  orgMonthMinutes(orgId: string, month: string, volunteerId: string): Promise<number>;
  /** Records the award once (false on a rerun), with its bonus points and public achievement. */
  award(award: AwardRecord, entry: PointsEntry, achievement: PublicAchievement | undefined): Promise<boolean>;
  awards(month: string): Promise<AwardRecord[]>;
  /** The volunteer's approved minutes in the month, all organisations, and when they reached that total. */
  monthTotal(volunteerId: string, month: string): Promise<{ minutes: number; reachedAt: string }>;
  /** Creates the honour once → false when it exists. */
  openHonour(honour: HonourRecord): Promise<boolean>;
  honour(id: string): Promise<HonourRecord | undefined>;
  honours(month: string): Promise<HonourRecord[]>;
  /** Keeps the workflow's task token while the honour is pending → false once it is decided. */
  waitForHonour(id: string, taskToken: string, decideBy: string): Promise<boolean>;
  /** pending → decided, once (the ministry's choice or the rule's, whichever is written first) → false when already decided. */
  decideHonour(id: string, choice: HonourChoice): Promise<boolean>;
  createReward(reward: RewardRecord): Promise<void>;
  rewards(now: Date): Promise<RewardRecord[]>;
  reward(id: string): Promise<RewardRecord | undefined>;
  /** The redemption a code was issued for (the partner's check). */
  redemptionByCode(code: string): Promise<{ rewardId: string; pointsSpent: number; at: string } | undefined>;
  /**
   * Deducts the points and one unit of stock, records the redemption and its ledger entry, in
   * one transaction. @throws RewardUnavailableError (stock, validity), RedemptionRefusedError
   * (`points`: balance too low; `minApprovedHours`; `perVolunteer`: already redeemed this period)
   */
  redeem(input: {
    volunteerId: string;
    reward: RewardRecord;
    redemptionId: string;
    code: string;
    periodKey: string | undefined;
    entry: PointsEntry;
    at: string;
  }): Promise<{ balance: number }>;
}

export interface RecognitionProfile {
  readonly nameAr: string;
  readonly nameEn: string;
  readonly birthDate: string;
  readonly locale: 'ar' | 'en';
  readonly showAchievements?: boolean;
}

export interface VolunteerProfiles {
  profile(volunteerId: string): Promise<RecognitionProfile | undefined>;
  /** The mean of the managers' ratings of each volunteer (1-5); the unrated are absent. */
  ratings(volunteerIds: readonly string[]): Promise<Map<string, number>>;
}

/**
 * Issues a badge as an Open Badges 3.0 credential with a status list entry (its revocation
 * bit); null where no signer is configured.
 */
export interface BadgeCredentials {
  issue(input: { volunteerId: string; nameAr: string; nameEn: string; badge: BadgeDefinition; earnedAt: string }): Promise<{ jwt: string; statusList: StatusEntry } | null>;
}

/** Bilingual messages in the recipient's locale, with the link of the badge or award. */
export interface RecognitionMessages {
  badgeEarned(volunteerId: string, badge: BadgeDefinition): Promise<void>;
  awardWon(volunteerId: string, award: AwardRecord): Promise<void>;
  /** Tells the ministry reviewers that the month's honours are open, and until when they may choose. */
  honoursOpened(month: string, count: number, decideBy: string): Promise<void>;
}

/** The HonourNomination workflow (Step Functions; the local runner locally). */
export interface HonourWorkflow {
  /** Starts the honour's execution; idempotent (one execution per honour). */
  start(honourId: string): Promise<void>;
  /** Resumes the wait with the ministry's choice; a wait that already ended is ignored (the award step reads the record). */
  resume(taskToken: string, choice: { volunteerId: string }): Promise<void>;
}

export interface OrganizationRegions {
  /** The region of the organisation's city (ids of GET /v1/reference), when known. */
  region(orgId: string): Promise<string | undefined>;
}

export interface RecognitionPorts {
  readonly repo: RecognitionRepository;
  readonly honourWorkflow: HonourWorkflow;
  readonly organizations: OrganizationRegions;
  readonly volunteers: VolunteerProfiles;
  readonly credentials: BadgeCredentials;
  readonly messages: RecognitionMessages;
  readonly clock: { now(): Date };
  readonly ids: () => string;
  readonly codes: () => string;
}

/** What the HTTP reads and writes of recognition use: no workflow, messages or signer (their bundles carry none). */
export type RecognitionStore = Pick<RecognitionPorts, 'repo' | 'clock' | 'ids' | 'codes'>;

/** What the honour decision uses: an honour's read and decision, the clock and the workflow it resumes (its bundle carries no other recognition entity: issue 17). */
export type HonourDecisionPorts = { readonly repo: Pick<RecognitionRepository, 'honour' | 'decideHonour'> } & Pick<RecognitionPorts, 'clock' | 'honourWorkflow'>;

/** The repository of the daily badge run (shared/db/recognition-badges.ts: its bundle carries no other recognition entity, issue 17). */
export type DailyAwardRepository = Pick<RecognitionRepository, 'changedVolunteers' | 'clearChange' | 'standing' | 'awardBadge' | 'revokeBadge'>;

/** The repository of the monthly run: the volunteer of the month (recognition-monthly.ts) and the honours (recognition-honours.ts). */
export type MonthlyAwardRepository = Pick<
  RecognitionRepository,
  'nominationOf' | 'activeOrganizations' | 'leadersOfOrganization' | 'orgMonthMinutes' | 'award' | 'awards' | 'monthTotal' | 'openHonour' | 'honour' | 'honours'
>;

/** What the hours and training consumers use: the store and the volunteers' profiles. */
export type RecognitionCounters = RecognitionStore & Pick<RecognitionPorts, 'volunteers'>;

/** What counting approved and reversed hours uses: its part of the repository (recognitionHoursStore) and the profiles (issue 17). */
export type RecognitionHoursCounters = { readonly repo: Pick<RecognitionRepository, 'appliedHours' | 'applyHours' | 'updateLeaderboards'> } & Pick<RecognitionPorts, 'volunteers'>;

export type { Caller };
