/** Recognition and incentives: the shapes of the API and of the records (zod; types are z.infer). */
import * as z from 'zod';
import { boundedText } from '../reference/text.js';

const Id = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');
const At = z.iso.datetime({ offset: true });
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
const Points = z.int().min(1).max(1_000_000);

export const PointsReason = z.enum(['hours', 'hours-reversed', 'badge', 'badge-revoked', 'award', 'redemption']);

export const PointsEntry = z
  .object({
    id: z.string(),
    at: At,
    points: z.int().describe('positive: earned; negative: reversed or spent'),
    reason: PointsReason,
    about: z.string().describe('the hours record, badge, award or redemption the entry is about'),
  })
  .meta({ id: 'PointsEntry' });
export type PointsEntry = z.output<typeof PointsEntry>;

export const PointsView = z
  .object({ balance: z.int(), items: z.array(PointsEntry), nextCursor: z.string().optional() })
  .meta({ id: 'PointsView' });

export const BadgeView = z
  .object({
    badge: z.object({ id: z.string(), version: z.int(), nameAr: z.string(), nameEn: z.string(), criteriaAr: z.string(), criteriaEn: z.string(), icon: z.string() }),
    earnedAt: At,
    credential: z.string().nullable().describe('an Open Badges 3.0 OpenBadgeCredential (VC 2.0 JWT) when the platform signer is configured'),
  })
  .meta({ id: 'EarnedBadge' });
export const BadgeList = z.object({ items: z.array(BadgeView) }).meta({ id: 'EarnedBadges' });

export const Achievement = z
  .object({
    at: At,
    displayName: z.string().describe('first name and initial; never the full name'),
    kind: z.enum(['badge', 'award']),
    titleAr: z.string(),
    titleEn: z.string(),
  })
  .meta({ id: 'Achievement' });
export const AchievementPage = z.object({ items: z.array(Achievement), nextCursor: z.string().optional() }).meta({ id: 'AchievementPage' });

export const LeaderboardQuery = z
  .object({
    scope: z.enum(['national', 'city', 'org']).default('national'),
    id: z.string().min(1).max(60).optional().describe('the city id (scope=city, from GET /v1/reference) or organisation id (scope=org)'),
    period: z.enum(['month', 'year']).default('month'),
    at: z.string().regex(/^\d{4}(-\d{2})?$/).optional().describe('the month (YYYY-MM) or year (YYYY); default the current one, Riyadh time'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.scope !== 'national' && !q.id) ctx.addIssue({ code: 'custom', path: ['id'], message: `required when scope is ${q.scope}` });
    if (q.at && (q.period === 'month') !== (q.at.length === 7)) ctx.addIssue({ code: 'custom', path: ['at'], message: `must be a ${q.period === 'month' ? 'month (YYYY-MM)' : 'year (YYYY)'}` });
  });
export type LeaderboardQuery = z.output<typeof LeaderboardQuery>;

export const Leaderboard = z
  .object({
    scope: z.string(),
    id: z.string().optional(),
    period: z.string(),
    items: z.array(z.object({ rank: z.int(), displayName: z.string(), minutes: z.int() })),
  })
  .meta({ id: 'Leaderboard' });

export const Nomination = z
  .object({
    volunteerId: z.string().min(1).max(128),
    award: z.literal('volunteer-of-the-month'),
    month: Month,
    reasonAr: boundedText(5, 1000),
    reasonEn: boundedText(5, 1000),
  })
  .strict()
  .meta({ id: 'Nomination' });
export type Nomination = z.output<typeof Nomination>;

export const AwardView = z
  .object({
    month: Month,
    award: z.literal('volunteer-of-the-month'),
    scope: z.enum(['org', 'region', 'national']),
    scopeId: z.string(),
    displayName: z.string(),
    minutes: z.int(),
    basis: z.enum(['nomination', 'rule', 'ministry']),
    reasonAr: z.string().optional(),
    reasonEn: z.string().optional(),
    awardedAt: At,
  })
  .meta({ id: 'Award' });
export const AwardList = z.object({ items: z.array(AwardView) }).meta({ id: 'Awards' });
export const AwardsQuery = z.object({ month: Month }).strict();

export const CreateReward = z
  .object({
    titleAr: boundedText(3, 120),
    titleEn: boundedText(3, 120),
    descriptionAr: boundedText(3, 2000),
    descriptionEn: boundedText(3, 2000),
    partner: boundedText(2, 120).optional(),
    pointsCost: Points,
    stock: z.int().min(0).max(10_000_000),
    minApprovedHours: z.int().min(0).max(100_000).default(0),
    perVolunteer: z.enum(['unlimited', 'once', 'once-a-year', 'once-a-month']).default('unlimited'),
    validFrom: At,
    validUntil: At,
  })
  .strict()
  .refine((r) => Date.parse(r.validUntil) > Date.parse(r.validFrom), { path: ['validUntil'], message: 'must be after validFrom' })
  .meta({ id: 'CreateReward' });
export type CreateReward = z.output<typeof CreateReward>;

export const RewardView = z
  .object({
    id: z.string(),
    titleAr: z.string(),
    titleEn: z.string(),
    descriptionAr: z.string(),
    descriptionEn: z.string(),
    partner: z.string().optional(),
    pointsCost: z.int(),
    stockLeft: z.int(),
    minApprovedHours: z.int(),
    perVolunteer: z.string(),
    validFrom: At,
    validUntil: At,
  })
  .meta({ id: 'Reward' });
export type RewardView = z.output<typeof RewardView>;
export const RewardList = z.object({ items: z.array(RewardView) }).meta({ id: 'Rewards' });

export const RedemptionView = z
  .object({ id: z.string(), rewardId: z.string(), code: z.string().describe('the code the partner verifies'), pointsSpent: z.int(), balance: z.int(), at: At })
  .meta({ id: 'Redemption' });
export type RedemptionView = z.output<typeof RedemptionView>;

export const RewardPath = z.object({ id: Id });

/** 80 random bits as 5 groups of 4 hex digits (what POST /v1/rewards/{id}/redemptions answers). */
export const RedemptionCodePath = z.object({ code: z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/, 'must be a redemption code, e.g. 3F2A-91C0-77BD-04E1-A9D3') });
export const RedemptionCheck = z
  .object({
    code: z.string(),
    valid: z.literal(true).describe('the code was issued by the platform for this reward (no personal data is shown)'),
    rewardId: z.string(),
    titleAr: z.string(),
    titleEn: z.string(),
    partner: z.string().optional(),
    pointsSpent: z.int(),
    redeemedAt: At,
  })
  .meta({ id: 'RedemptionCheck' });
export type RedemptionCheck = z.output<typeof RedemptionCheck>;
export const OrgIdPath = z.object({ orgId: Id });
export const PageQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(500).optional() }).strict();

// ── Honours: volunteer of the month per region and nationally (the HonourNomination workflow) ──

export const HonourScope = z.enum(['region', 'national']);
export type HonourScope = z.output<typeof HonourScope>;

/** `<month>.region.<regionId>` or `<month>.national.sa`, as GET /v1/honours lists them. */
export const HonourId = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])\.(region\.[a-z][a-z-]{1,40}|national\.sa)$/, 'must be an honour id, e.g. 2026-11.region.riyadh or 2026-11.national.sa');
export const HonourPath = z.object({ id: HonourId });
export const HonoursQuery = z.object({ month: Month }).strict();

export const HonourCandidate = z
  .object({
    volunteerId: z.string(),
    displayName: z.string().describe('first name and initial; "—" for a volunteer who is never published'),
    orgId: z.string().describe('the organisation whose volunteer of the month they are'),
    minutes: z.int().describe('approved minutes in the month, all organisations'),
  })
  .meta({ id: 'HonourCandidate' });

export const HonourView = z
  .object({
    id: HonourId,
    month: Month,
    scope: HonourScope,
    scopeId: z.string(),
    status: z.enum(['pending', 'decided']),
    candidates: z.array(HonourCandidate),
    openedAt: At,
    decideBy: At.describe('after this the rule decides (10 days after the workflow started waiting)').optional(),
    volunteerId: z.string().optional(),
    basis: z.enum(['ministry', 'rule']).optional(),
    decidedBy: z.string().optional(),
    decidedAt: At.optional(),
  })
  .meta({ id: 'Honour' });
export type HonourView = z.output<typeof HonourView>;
export const HonourList = z.object({ items: z.array(HonourView) }).meta({ id: 'Honours' });

export const HonourDecision = z
  .object({
    volunteerId: z.string().min(1).max(128).describe('one of the honour\'s candidates'),
    reasonAr: boundedText(5, 1000),
    reasonEn: boundedText(5, 1000),
  })
  .strict()
  .meta({ id: 'HonourDecision' });
export type HonourDecision = z.output<typeof HonourDecision>;
