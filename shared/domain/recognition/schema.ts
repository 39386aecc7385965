/** Recognition and incentives: the shapes of the API and of the records (zod; types are z.infer). */
import * as z from 'zod';
import { boundedText } from '../reference/text.js';

const Id = /* @__PURE__ */ z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');
const At = /* @__PURE__ */ z.iso.datetime({ offset: true });
const Month = /* @__PURE__ */ z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
const Points = /* @__PURE__ */ z.int().min(1).max(1_000_000);

export const PointsReason = /* @__PURE__ */ z.enum(['hours', 'hours-reversed', 'badge', 'badge-revoked', 'award', 'redemption']);

export const PointsEntry = /* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.string(),
    at: At,
    points: /* @__PURE__ */ z.int().describe('positive: earned; negative: reversed or spent'),
    reason: PointsReason,
    about: /* @__PURE__ */ z.string().describe('the hours record, badge, award or redemption the entry is about'),
  })
  .meta({ id: 'PointsEntry' });
export type PointsEntry = z.output<typeof PointsEntry>;

export const PointsView = /* @__PURE__ */ z
  .object({ balance: /* @__PURE__ */ z.int(), items: /* @__PURE__ */ z.array(PointsEntry), nextCursor: /* @__PURE__ */ z.string().optional() })
  .meta({ id: 'PointsView' });

export const BadgeView = /* @__PURE__ */ z
  .object({
    badge: /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), version: /* @__PURE__ */ z.int(), nameAr: /* @__PURE__ */ z.string(), nameEn: /* @__PURE__ */ z.string(), criteriaAr: /* @__PURE__ */ z.string(), criteriaEn: /* @__PURE__ */ z.string(), icon: /* @__PURE__ */ z.string() }),
    earnedAt: At,
    credential: /* @__PURE__ */ z.string().nullable().describe('an Open Badges 3.0 OpenBadgeCredential (VC 2.0 JWT) when the platform signer is configured'),
  })
  .meta({ id: 'EarnedBadge' });
export const BadgeList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(BadgeView) }).meta({ id: 'EarnedBadges' });

export const Achievement = /* @__PURE__ */ z
  .object({
    at: At,
    displayName: /* @__PURE__ */ z.string().describe('first name and initial; never the full name'),
    kind: /* @__PURE__ */ z.enum(['badge', 'award']),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
  })
  .meta({ id: 'Achievement' });
export const AchievementPage = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(Achievement), nextCursor: /* @__PURE__ */ z.string().optional() }).meta({ id: 'AchievementPage' });

export const LeaderboardQuery = /* @__PURE__ */ z
  .object({
    scope: /* @__PURE__ */ z.enum(['national', 'city', 'org']).default('national'),
    id: /* @__PURE__ */ z.string().min(1).max(60).optional().describe('the city id (scope=city, from GET /v1/reference) or organisation id (scope=org)'),
    period: /* @__PURE__ */ z.enum(['month', 'year']).default('month'),
    at: /* @__PURE__ */ z.string().regex(/^\d{4}(-\d{2})?$/).optional().describe('the month (YYYY-MM) or year (YYYY); default the current one, Riyadh time'),
    limit: /* @__PURE__ */ z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.scope !== 'national' && !q.id) ctx.addIssue({ code: 'custom', path: ['id'], message: `required when scope is ${q.scope}` });
    if (q.at && (q.period === 'month') !== (q.at.length === 7)) ctx.addIssue({ code: 'custom', path: ['at'], message: `must be a ${q.period === 'month' ? 'month (YYYY-MM)' : 'year (YYYY)'}` });
  });
export type LeaderboardQuery = z.output<typeof LeaderboardQuery>;

export const Leaderboard = /* @__PURE__ */ z
  .object({
    scope: /* @__PURE__ */ z.string(),
    id: /* @__PURE__ */ z.string().optional(),
    period: /* @__PURE__ */ z.string(),
    items: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ rank: /* @__PURE__ */ z.int(), displayName: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.int() })),
  })
  .meta({ id: 'Leaderboard' });

export const Nomination = /* @__PURE__ */ z
  .object({
    volunteerId: /* @__PURE__ */ z.string().min(1).max(128),
    award: /* @__PURE__ */ z.literal('volunteer-of-the-month'),
    month: Month,
    reasonAr: /* @__PURE__ */ boundedText(5, 1000),
    reasonEn: /* @__PURE__ */ boundedText(5, 1000),
  })
  .strict()
  .meta({ id: 'Nomination' });
export type Nomination = z.output<typeof Nomination>;

export const AwardView = /* @__PURE__ */ z
  .object({
    month: Month,
    award: /* @__PURE__ */ z.literal('volunteer-of-the-month'),
    scope: /* @__PURE__ */ z.enum(['org', 'region', 'national']),
    scopeId: /* @__PURE__ */ z.string(),
    displayName: /* @__PURE__ */ z.string(),
    minutes: /* @__PURE__ */ z.int(),
    basis: /* @__PURE__ */ z.enum(['nomination', 'rule', 'ministry']),
    reasonAr: /* @__PURE__ */ z.string().optional(),
    reasonEn: /* @__PURE__ */ z.string().optional(),
    awardedAt: At,
  })
  .meta({ id: 'Award' });
export const AwardList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(AwardView) }).meta({ id: 'Awards' });
export const AwardsQuery = /* @__PURE__ */ z.object({ month: Month }).strict();

export const CreateReward = /* @__PURE__ */ z
  .object({
    titleAr: /* @__PURE__ */ boundedText(3, 120),
    titleEn: /* @__PURE__ */ boundedText(3, 120),
    descriptionAr: /* @__PURE__ */ boundedText(3, 2000),
    descriptionEn: /* @__PURE__ */ boundedText(3, 2000),
    partner: /* @__PURE__ */ boundedText(2, 120).optional(),
    pointsCost: Points,
    stock: /* @__PURE__ */ z.int().min(0).max(10_000_000),
    minApprovedHours: /* @__PURE__ */ z.int().min(0).max(100_000).default(0),
    perVolunteer: /* @__PURE__ */ z.enum(['unlimited', 'once', 'once-a-year', 'once-a-month']).default('unlimited'),
    validFrom: At,
    validUntil: At,
  })
  .strict()
  .refine((r) => Date.parse(r.validUntil) > Date.parse(r.validFrom), { path: ['validUntil'], message: 'must be after validFrom' })
  .meta({ id: 'CreateReward' });
export type CreateReward = z.output<typeof CreateReward>;

export const RewardView = /* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.string(),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
    descriptionAr: /* @__PURE__ */ z.string(),
    descriptionEn: /* @__PURE__ */ z.string(),
    partner: /* @__PURE__ */ z.string().optional(),
    pointsCost: /* @__PURE__ */ z.int(),
    stockLeft: /* @__PURE__ */ z.int(),
    minApprovedHours: /* @__PURE__ */ z.int(),
    perVolunteer: /* @__PURE__ */ z.string(),
    validFrom: At,
    validUntil: At,
  })
  .meta({ id: 'Reward' });
export type RewardView = z.output<typeof RewardView>;
export const RewardList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(RewardView) }).meta({ id: 'Rewards' });

export const RedemptionView = /* @__PURE__ */ z
  .object({ id: /* @__PURE__ */ z.string(), rewardId: /* @__PURE__ */ z.string(), code: /* @__PURE__ */ z.string().describe('the code the partner verifies'), pointsSpent: /* @__PURE__ */ z.int(), balance: /* @__PURE__ */ z.int(), at: At })
  .meta({ id: 'Redemption' });
export type RedemptionView = z.output<typeof RedemptionView>;

export const RewardPath = /* @__PURE__ */ z.object({ id: Id });

/** 80 random bits as 5 groups of 4 hex digits (what POST /v1/rewards/{id}/redemptions answers). */
export const RedemptionCodePath = /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/, 'must be a redemption code, e.g. 3F2A-91C0-77BD-04E1-A9D3') });
export const RedemptionCheck = /* @__PURE__ */ z
  .object({
    code: /* @__PURE__ */ z.string(),
    valid: /* @__PURE__ */ z.literal(true).describe('the code was issued by the platform for this reward (no personal data is shown)'),
    rewardId: /* @__PURE__ */ z.string(),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
    partner: /* @__PURE__ */ z.string().optional(),
    pointsSpent: /* @__PURE__ */ z.int(),
    redeemedAt: At,
  })
  .meta({ id: 'RedemptionCheck' });
export type RedemptionCheck = z.output<typeof RedemptionCheck>;
export const OrgIdPath = /* @__PURE__ */ z.object({ orgId: Id });
export const PageQuery = /* @__PURE__ */ z.object({ limit: /* @__PURE__ */ z.coerce.number().int().min(1).max(100).default(20), cursor: /* @__PURE__ */ z.string().max(500).optional() }).strict();

// ── Honours: volunteer of the month per region and nationally (the HonourNomination workflow) ──

export const HonourScope = /* @__PURE__ */ z.enum(['region', 'national']);
export type HonourScope = z.output<typeof HonourScope>;

/** `<month>.region.<regionId>` or `<month>.national.sa`, as GET /v1/honours lists them. */
export const HonourId = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])\.(region\.[a-z][a-z-]{1,40}|national\.sa)$/, 'must be an honour id, e.g. 2026-11.region.riyadh or 2026-11.national.sa');
export const HonourPath = /* @__PURE__ */ z.object({ id: HonourId });
export const HonoursQuery = /* @__PURE__ */ z.object({ month: Month }).strict();

export const HonourCandidate = /* @__PURE__ */ z
  .object({
    volunteerId: /* @__PURE__ */ z.string(),
    displayName: /* @__PURE__ */ z.string().describe('first name and initial; "—" for a volunteer who is never published'),
    orgId: /* @__PURE__ */ z.string().describe('the organisation whose volunteer of the month they are'),
    minutes: /* @__PURE__ */ z.int().describe('approved minutes in the month, all organisations'),
  })
  .meta({ id: 'HonourCandidate' });

export const HonourView = /* @__PURE__ */ z
  .object({
    id: HonourId,
    month: Month,
    scope: HonourScope,
    scopeId: /* @__PURE__ */ z.string(),
    status: /* @__PURE__ */ z.enum(['pending', 'decided']),
    candidates: /* @__PURE__ */ z.array(HonourCandidate),
    openedAt: At,
    decideBy: /* @__PURE__ */ At.describe('after this the rule decides (10 days after the workflow started waiting)').optional(),
    volunteerId: /* @__PURE__ */ z.string().optional(),
    basis: /* @__PURE__ */ z.enum(['ministry', 'rule']).optional(),
    decidedBy: /* @__PURE__ */ z.string().optional(),
    decidedAt: /* @__PURE__ */ At.optional(),
  })
  .meta({ id: 'Honour' });
export type HonourView = z.output<typeof HonourView>;
export const HonourList = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(HonourView) }).meta({ id: 'Honours' });

export const HonourDecision = /* @__PURE__ */ z
  .object({
    volunteerId: /* @__PURE__ */ z.string().min(1).max(128).describe('one of the honour\'s candidates'),
    reasonAr: /* @__PURE__ */ boundedText(5, 1000),
    reasonEn: /* @__PURE__ */ boundedText(5, 1000),
  })
  .strict()
  .meta({ id: 'HonourDecision' });
export type HonourDecision = z.output<typeof HonourDecision>;
