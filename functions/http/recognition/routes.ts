/**
 * Recognition and incentives: a volunteer's badges and points; public achievements,
 * leaderboards and awards (display names only); nominations by organisations; the rewards
 * catalogue (ministry-admins) and redemptions (volunteers).
 */
import {
  AchievementPage,
  AwardList,
  AwardsQuery,
  BadgeList,
  CreateReward,
  HonourDecision,
  HonourList,
  HonourPath,
  HonoursQuery,
  HonourView,
  Leaderboard,
  LeaderboardQuery,
  Nomination,
  OrgIdPath,
  PageQuery,
  PointsView,
  RedemptionCheck,
  RedemptionCodePath,
  RedemptionView,
  RewardList,
  RewardPath,
  RewardView,
} from '../../../shared/domain/recognition/schema.js';
import * as z from 'zod';
import { defineOperation } from '../operation.js';

const tags = ['recognition'];

export const listMyBadges = /* @__PURE__ */ defineOperation({
  id: 'ListMyBadges',
  method: 'GET',
  path: '/v1/volunteers/me/badges',
  entry: 'functions/http/recognition/list-badges.ts',
  auth: 'required',
  groups: ['volunteer'],
  needs: ['table:read'],
  summary: "The caller's earned badges (approved hours only; a reversal below a milestone revokes it), each with an Open Badges 3.0 credential when the platform signer is configured. Badges are awarded by the daily `awards` run.",
  tags,
  responses: { 200: BadgeList },
  errors: [401, 403],
});

export const getMyPoints = /* @__PURE__ */ defineOperation({
  id: 'GetMyPoints',
  method: 'GET',
  path: '/v1/volunteers/me/points',
  entry: 'functions/http/recognition/get-points.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { query: PageQuery },
  needs: ['table:read'],
  summary: "The caller's points: the balance and the append-only ledger, newest first (points per approved hour, more for skills-based and professional hours; milestone and award bonuses; reversed hours and redemptions as negative entries).",
  tags,
  responses: { 200: PointsView },
  errors: [400, 401, 403],
});

export const listAchievements = /* @__PURE__ */ defineOperation({
  id: 'ListAchievements',
  method: 'GET',
  path: '/v1/achievements',
  entry: 'functions/http/recognition/achievements.ts',
  auth: 'none',
  request: { query: PageQuery },
  needs: ['table:read'],
  summary: 'Published achievements (badges and awards) of the last 60 days, newest first: display names only (first name and initial); volunteers who opted out and minors never appear.',
  tags,
  responses: { 200: AchievementPage },
  errors: [400],
});

export const getLeaderboard = /* @__PURE__ */ defineOperation({
  id: 'GetLeaderboard',
  method: 'GET',
  path: '/v1/leaderboard',
  entry: 'functions/http/recognition/leaderboard.ts',
  auth: 'none',
  request: { query: LeaderboardQuery },
  needs: ['table:read'],
  summary: 'Top volunteers by approved minutes, national, per city (`id` a city id from GET /v1/reference) or per organisation (`id` its id), for a month or a year (Riyadh time; default the current one). Display names only; opt-outs and minors are not shown.',
  tags,
  responses: { 200: Leaderboard },
  errors: [400],
  examples: { response: { scope: 'national', period: '2026-12', items: [{ rank: 1, displayName: 'Sara A.', minutes: 1260 }] } },
});

export const nominateVolunteer = /* @__PURE__ */ defineOperation({
  id: 'NominateVolunteer',
  method: 'POST',
  path: '/v1/organizations/{orgId}/nominations',
  entry: 'functions/http/recognition/nominate.ts',
  auth: 'required',
  groups: ['org-manager'],
  request: { path: OrgIdPath, body: Nomination },
  needs: ['table:read', 'table:write'],
  summary: "The managers' nomination of their volunteer of the month (current or previous month; the volunteer must have approved hours with the organisation that month; a new nomination replaces the previous one). Without a nomination the rule decides: most approved minutes, ties to whoever reached it first.",
  tags,
  responses: { 200: z.object({ month: z.string(), volunteerId: z.string() }) },
  errors: [400, 401, 403, 422],
  examples: { request: { volunteerId: 'sara', award: 'volunteer-of-the-month', month: '2026-11', reasonAr: 'التزام وعطاء مميزان', reasonEn: 'Outstanding commitment' } },
});

export const listAwards = /* @__PURE__ */ defineOperation({
  id: 'ListAwards',
  method: 'GET',
  path: '/v1/awards',
  entry: 'functions/http/recognition/awards.ts',
  auth: 'none',
  request: { query: AwardsQuery },
  needs: ['table:read'],
  summary: 'Awards given for a month (volunteer of the month per organisation), display names only.',
  tags,
  responses: { 200: AwardList },
  errors: [400],
});

export const listRewards = /* @__PURE__ */ defineOperation({
  id: 'ListRewards',
  method: 'GET',
  path: '/v1/rewards',
  entry: 'functions/http/recognition/list-rewards.ts',
  auth: 'required',
  groups: ['volunteer', 'ministry-admin'],
  needs: ['table:read'],
  summary: 'The incentive catalogue: rewards valid now, with their points cost, stock left, eligibility (minimum approved hours) and limit per volunteer.',
  tags,
  responses: { 200: RewardList },
  errors: [401, 403],
});

export const createReward = /* @__PURE__ */ defineOperation({
  id: 'CreateReward',
  method: 'POST',
  path: '/v1/rewards',
  entry: 'functions/http/recognition/create-reward.ts',
  auth: 'required',
  groups: ['ministry-admin'],
  request: { body: CreateReward },
  idempotent: true,
  needs: ['table:write'],
  summary: 'Adds a reward to the incentive catalogue (ministry-admin): bilingual, points cost, stock, eligibility, limit per volunteer, validity.',
  tags,
  responses: { 201: RewardView },
  errors: [401, 403, 422],
  examples: {
    request: {
      titleAr: 'أولوية التسجيل في الفعاليات الكبرى',
      titleEn: 'Priority registration for major events',
      descriptionAr: 'تسجيل مبكر في فرص التطوع الأكثر طلبًا',
      descriptionEn: 'Early registration for the most popular opportunities',
      pointsCost: 500,
      stock: 1000,
      minApprovedHours: 20,
      perVolunteer: 'once-a-year',
      validFrom: '2026-12-01T00:00:00+03:00',
      validUntil: '2027-12-01T00:00:00+03:00',
    },
  },
});

export const redeemReward = /* @__PURE__ */ defineOperation({
  id: 'RedeemReward',
  method: 'POST',
  path: '/v1/rewards/{id}/redemptions',
  entry: 'functions/http/recognition/redeem.ts',
  auth: 'required',
  groups: ['volunteer'],
  request: { path: RewardPath },
  idempotent: true,
  needs: ['table:read', 'table:write'],
  summary: 'Redeems points for a reward: points and stock are deducted in one transaction (stock never oversold, the balance never negative); answers the code the partner verifies. 409 `reward-unavailable` (out of stock or not valid now); 422 naming `points`, `minApprovedHours` or `perVolunteer`.',
  tags,
  responses: { 201: RedemptionView },
  errors: [401, 403, 404, 409, 422],
});

export const checkRedemption = /* @__PURE__ */ defineOperation({
  id: 'CheckRedemption',
  method: 'GET',
  path: '/v1/redemptions/{code}',
  entry: 'functions/http/recognition/check-redemption.ts',
  auth: 'none',
  request: { path: RedemptionCodePath },
  needs: ['table:read', 'table:write'],
  summary:
    "A partner's check of a redemption code the volunteer shows: the reward it was issued for, its points and time; no personal data. 404 for an unknown code; lookups are rate-limited per address (429), as certificate codes are.",
  tags,
  responses: { 200: RedemptionCheck },
  errors: [400, 404, 429],
  examples: {
    response: {
      code: '3F2A-91C0-77BD-04E1-A9D3',
      valid: true,
      rewardId: '01JDZ8T5Q8V2W3X4Y5Z6A7B8C9',
      titleAr: 'تذكرة فعالية',
      titleEn: 'Event ticket',
      partner: 'Riyadh Season',
      pointsSpent: 500,
      redeemedAt: '2026-12-02T09:15:00.000Z',
    },
  },
});

export const listHonours = /* @__PURE__ */ defineOperation({
  id: 'ListHonours',
  method: 'GET',
  path: '/v1/honours',
  entry: 'functions/http/recognition/list-honours.ts',
  auth: 'required',
  groups: ['ministry-reviewer', 'ministry-admin'],
  request: { query: HonoursQuery },
  needs: ['table:read'],
  summary:
    "The month's region and national honours (volunteer of the month of each region, from GET /v1/reference, and of the Kingdom): the candidates (the organisations' volunteers of the month, best first by approved minutes), the status, and until when the ministry may choose before the rule decides.",
  tags,
  responses: { 200: HonourList },
  errors: [400, 401, 403],
  examples: {
    response: {
      items: [
        {
          id: '2026-11.region.riyadh',
          month: '2026-11',
          scope: 'region',
          scopeId: 'riyadh',
          status: 'pending',
          candidates: [
            { volunteerId: 'sara', displayName: 'Sara A.', orgId: '01JDZ8T5Q8V2W3X4Y5Z6A7B8C9', minutes: 2460 },
            { volunteerId: 'fahad', displayName: 'Fahad M.', orgId: '01JDZ9A1B2C3D4E5F6G7H8J9K0', minutes: 1800 },
          ],
          openedAt: '2026-12-01T06:00:00.000Z',
          decideBy: '2026-12-11T06:00:05.000Z',
        },
      ],
    },
  },
});

export const decideHonour = /* @__PURE__ */ defineOperation({
  id: 'DecideHonour',
  method: 'POST',
  path: '/v1/honours/{id}/decision',
  entry: 'functions/http/recognition/decide-honour.ts',
  auth: 'required',
  groups: ['ministry-reviewer', 'ministry-admin'],
  request: { path: HonourPath, body: HonourDecision },
  needs: ['table:read', 'table:write', 'workflow:HonourNomination'],
  summary:
    "The ministry's choice of a region's or the Kingdom's volunteer of the month among the honour's candidates; resumes its HonourNomination workflow, which records the award. 409 `honour-decided` once decided (by the ministry, or by the rule after 10 days without a choice); 422 naming `volunteerId` for someone who is not a candidate.",
  tags,
  responses: { 200: HonourView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: {
    request: { volunteerId: 'sara', reasonAr: 'عطاء متواصل طوال الشهر', reasonEn: 'Sustained giving all month' },
    response: {
      id: '2026-11.national.sa',
      month: '2026-11',
      scope: 'national',
      scopeId: 'sa',
      status: 'decided',
      candidates: [{ volunteerId: 'sara', displayName: 'Sara A.', orgId: '01JDZ8T5Q8V2W3X4Y5Z6A7B8C9', minutes: 2460 }],
      openedAt: '2026-12-01T06:00:00.000Z',
      decideBy: '2026-12-11T06:00:05.000Z',
      volunteerId: 'sara',
      basis: 'ministry',
      decidedBy: 'reviewer-1',
      decidedAt: '2026-12-03T10:20:00.000Z',
    },
  },
});

export const recognitionOperations = [
  listMyBadges,
  getMyPoints,
  listAchievements,
  getLeaderboard,
  nominateVolunteer,
  listAwards,
  listRewards,
  createReward,
  redeemReward,
  checkRedemption,
  listHonours,
  decideHonour,
] as const;
