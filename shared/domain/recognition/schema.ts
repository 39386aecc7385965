/** Recognition and incentives: the shapes of the API and of the records (zod; types are z.infer). */
import * as z from '../../zod.js';
import { boundedText } from '../reference/text.js';

const Id = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)'));
const At = /* @__PURE__ */ z.iso.datetime({ offset: true });
const Month = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM'));
const Points = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1_000_000));

export const PointsReason = /* @__PURE__ */ z.enum(['hours', 'hours-reversed', 'badge', 'badge-revoked', 'award', 'redemption']);

export const PointsEntry = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.string(),
    at: At,
    points: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'positive: earned; negative: reversed or spent'),
    reason: PointsReason,
    about: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the hours record, badge, award or redemption the entry is about'),
  }), { id: 'PointsEntry' });
export type PointsEntry = z.output<typeof PointsEntry>;

export const PointsView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({ balance: /* @__PURE__ */ z.int(), items: /* @__PURE__ */ z.array(PointsEntry), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }), { id: 'PointsView' });

export const BadgeView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    badge: /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string(), version: /* @__PURE__ */ z.int(), nameAr: /* @__PURE__ */ z.string(), nameEn: /* @__PURE__ */ z.string(), criteriaAr: /* @__PURE__ */ z.string(), criteriaEn: /* @__PURE__ */ z.string(), icon: /* @__PURE__ */ z.string() }),
    earnedAt: At,
    credential: /* @__PURE__ */ z.described(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()), 'an Open Badges 3.0 OpenBadgeCredential (VC 2.0 JWT) when the platform signer is configured'),
  }), { id: 'EarnedBadge' });
export const BadgeList = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(BadgeView) }), { id: 'EarnedBadges' });

export const Achievement = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    at: At,
    displayName: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'first name and initial; never the full name'),
    kind: /* @__PURE__ */ z.enum(['badge', 'award']),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
  }), { id: 'Achievement' });
export const AchievementPage = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(Achievement), nextCursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) }), { id: 'AchievementPage' });

export const LeaderboardQuery = /* @__PURE__ */ z.strictObject({
  scope: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['national', 'city', 'org']), 'national'),
  id: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(60))), 'the city id (scope=city, from GET /v1/reference) or organisation id (scope=org)'),
  period: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['month', 'year']), 'month'),
  at: /* @__PURE__ */ z.described(/* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{4}(-\d{2})?$/))), 'the month (YYYY-MM) or year (YYYY); default the current one, Riyadh time'),
  limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20),
})
  .check(/* @__PURE__ */ z.superRefine((q, ctx) => {
    if (q.scope !== 'national' && !q.id) ctx.addIssue({ code: 'custom', path: ['id'], message: `required when scope is ${q.scope}` });
    if (q.at && (q.period === 'month') !== (q.at.length === 7)) ctx.addIssue({ code: 'custom', path: ['at'], message: `must be a ${q.period === 'month' ? 'month (YYYY-MM)' : 'year (YYYY)'}` });
  }));
export type LeaderboardQuery = z.output<typeof LeaderboardQuery>;

export const Leaderboard = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    scope: /* @__PURE__ */ z.string(),
    id: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    period: /* @__PURE__ */ z.string(),
    items: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ rank: /* @__PURE__ */ z.int(), displayName: /* @__PURE__ */ z.string(), minutes: /* @__PURE__ */ z.int() })),
  }), { id: 'Leaderboard' });

export const Nomination = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.strictObject({
  volunteerId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)),
  award: /* @__PURE__ */ z.literal('volunteer-of-the-month'),
  month: Month,
  reasonAr: /* @__PURE__ */ boundedText(5, 1000),
  reasonEn: /* @__PURE__ */ boundedText(5, 1000),
}), { id: 'Nomination' });
export type Nomination = z.output<typeof Nomination>;

export const AwardView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    month: Month,
    award: /* @__PURE__ */ z.literal('volunteer-of-the-month'),
    scope: /* @__PURE__ */ z.enum(['org', 'region', 'national']),
    scopeId: /* @__PURE__ */ z.string(),
    displayName: /* @__PURE__ */ z.string(),
    minutes: /* @__PURE__ */ z.int(),
    basis: /* @__PURE__ */ z.enum(['nomination', 'rule', 'ministry']),
    reasonAr: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    reasonEn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    awardedAt: At,
  }), { id: 'Award' });
export const AwardList = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(AwardView) }), { id: 'Awards' });
export const AwardsQuery = /* @__PURE__ */ z.strictObject({ month: Month });

export const CreateReward = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.strictObject({
  titleAr: /* @__PURE__ */ boundedText(3, 120),
  titleEn: /* @__PURE__ */ boundedText(3, 120),
  descriptionAr: /* @__PURE__ */ boundedText(3, 2000),
  descriptionEn: /* @__PURE__ */ boundedText(3, 2000),
  partner: /* @__PURE__ */ z.optional(/* @__PURE__ */ boundedText(2, 120)),
  pointsCost: Points,
  stock: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(10_000_000)),
  minApprovedHours: /* @__PURE__ */ z._default(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100_000)), 0),
  perVolunteer: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['unlimited', 'once', 'once-a-year', 'once-a-month']), 'unlimited'),
  validFrom: At,
  validUntil: At,
})
  .check(/* @__PURE__ */ z.refine((r) => Date.parse(r.validUntil) > Date.parse(r.validFrom), { path: ['validUntil'], message: 'must be after validFrom' })), { id: 'CreateReward' });
export type CreateReward = z.output<typeof CreateReward>;

export const RewardView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    id: /* @__PURE__ */ z.string(),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
    descriptionAr: /* @__PURE__ */ z.string(),
    descriptionEn: /* @__PURE__ */ z.string(),
    partner: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    pointsCost: /* @__PURE__ */ z.int(),
    stockLeft: /* @__PURE__ */ z.int(),
    minApprovedHours: /* @__PURE__ */ z.int(),
    perVolunteer: /* @__PURE__ */ z.string(),
    validFrom: At,
    validUntil: At,
  }), { id: 'Reward' });
export type RewardView = z.output<typeof RewardView>;
export const RewardList = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(RewardView) }), { id: 'Rewards' });

export const RedemptionView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({ id: /* @__PURE__ */ z.string(), rewardId: /* @__PURE__ */ z.string(), code: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the code the partner verifies'), pointsSpent: /* @__PURE__ */ z.int(), balance: /* @__PURE__ */ z.int(), at: At }), { id: 'Redemption' });
export type RedemptionView = z.output<typeof RedemptionView>;

export const RewardPath = /* @__PURE__ */ z.object({ id: Id });

/** 80 random bits as 5 groups of 4 hex digits (what POST /v1/rewards/{id}/redemptions answers). */
export const RedemptionCodePath = /* @__PURE__ */ z.object({ code: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/, 'must be a redemption code, e.g. 3F2A-91C0-77BD-04E1-A9D3')) });
export const RedemptionCheck = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    code: /* @__PURE__ */ z.string(),
    valid: /* @__PURE__ */ z.described(/* @__PURE__ */ z.literal(true), 'the code was issued by the platform for this reward (no personal data is shown)'),
    rewardId: /* @__PURE__ */ z.string(),
    titleAr: /* @__PURE__ */ z.string(),
    titleEn: /* @__PURE__ */ z.string(),
    partner: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    pointsSpent: /* @__PURE__ */ z.int(),
    redeemedAt: At,
  }), { id: 'RedemptionCheck' });
export type RedemptionCheck = z.output<typeof RedemptionCheck>;
export const OrgIdPath = /* @__PURE__ */ z.object({ orgId: Id });
export const PageQuery = /* @__PURE__ */ z.strictObject({ limit: /* @__PURE__ */ z._default(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(100)), 20), cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(500))) });

// ── Honours: volunteer of the month per region and nationally (the HonourNomination workflow) ──

export const HonourScope = /* @__PURE__ */ z.enum(['region', 'national']);
export type HonourScope = z.output<typeof HonourScope>;

/** `<month>.region.<regionId>` or `<month>.national.sa`, as GET /v1/honours lists them. */
export const HonourId = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^\d{4}-(0[1-9]|1[0-2])\.(region\.[a-z][a-z-]{1,40}|national\.sa)$/, 'must be an honour id, e.g. 2026-11.region.riyadh or 2026-11.national.sa'));
export const HonourPath = /* @__PURE__ */ z.object({ id: HonourId });
export const HonoursQuery = /* @__PURE__ */ z.strictObject({ month: Month });

export const HonourCandidate = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    volunteerId: /* @__PURE__ */ z.string(),
    displayName: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'first name and initial; "—" for a volunteer who is never published'),
    orgId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string(), 'the organisation whose volunteer of the month they are'),
    minutes: /* @__PURE__ */ z.described(/* @__PURE__ */ z.int(), 'approved minutes in the month, all organisations'),
  }), { id: 'HonourCandidate' });

export const HonourView = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z
  .object({
    id: HonourId,
    month: Month,
    scope: HonourScope,
    scopeId: /* @__PURE__ */ z.string(),
    status: /* @__PURE__ */ z.enum(['pending', 'decided']),
    candidates: /* @__PURE__ */ z.array(HonourCandidate),
    openedAt: At,
    decideBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.described(At, 'after this the rule decides (10 days after the workflow started waiting)')),
    volunteerId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    basis: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['ministry', 'rule'])),
    decidedBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
    decidedAt: /* @__PURE__ */ z.optional(At),
  }), { id: 'Honour' });
export type HonourView = z.output<typeof HonourView>;
export const HonourList = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(HonourView) }), { id: 'Honours' });

export const HonourDecision = /* @__PURE__ */ z.withMeta(/* @__PURE__ */ z.strictObject({
  volunteerId: /* @__PURE__ */ z.described(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)), 'one of the honour\'s candidates'),
  reasonAr: /* @__PURE__ */ boundedText(5, 1000),
  reasonEn: /* @__PURE__ */ boundedText(5, 1000),
}), { id: 'HonourDecision' });
export type HonourDecision = z.output<typeof HonourDecision>;
