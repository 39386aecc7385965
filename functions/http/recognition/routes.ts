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
import * as z from '../../../shared/zod.js';
import { defineOperation } from '../operation.js';

const tags = ['recognition'];

/** The reward the examples show, as the API answers it. */
const rewardExample = {
  id: '01JT5R7W9Y1A3C5E7G9J1M3P5S',
  titleAr: 'أولوية التسجيل في الفعاليات الكبرى',
  titleEn: 'Priority registration for major events',
  descriptionAr: 'تسجيل مبكر في فرص التطوع الأكثر طلبًا',
  descriptionEn: 'Early registration for the most popular opportunities',
  pointsCost: 500,
  stockLeft: 1000,
  minApprovedHours: 20,
  validFrom: '2026-11-30T21:00:00.000Z',
  validUntil: '2027-11-30T21:00:00.000Z',
  perVolunteer: 'once-a-year' as const,
};

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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: BadgeList },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      items: [
        {
          badge: { id: 'hours-50', version: 1, nameAr: 'خمسون ساعة عطاء', nameEn: '50 hours of giving', criteriaAr: '٥٠ ساعة تطوع معتمدة', criteriaEn: '50 approved volunteer hours', icon: 'hours-50' },
          earnedAt: '2027-03-07T06:00:00.000Z',
          credential: 'eyJhbGciOiJFUzI1NiIsImtpZCI6InRhdGF3d3UtbWUtY2VudHJhbC0xLTIwMjYtMDEiLCJ0eXAiOiJ2Yytqd3QifQ.eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIiwiT3BlbkJhZGdlQ3JlZGVudGlhbCJdfQ.MEQCIAk3nX2vR8pL5tY1wQ9zC6mB4hJ7dF0sG2aE8uK3oN1PAiBx5yT7rW9qL2mN4bV6cX8zD1fH3jK5gS7aP9eR0uI2wQ',
        },
        {
          badge: { id: 'first-shift', version: 1, nameAr: 'الخطوة الأولى', nameEn: 'First step', criteriaAr: 'أول مناوبة تطوعية معتمدة', criteriaEn: 'First approved volunteer shift', icon: 'first-shift' },
          earnedAt: '2026-09-13T06:00:00.000Z',
          credential: null,
        },
      ],
    },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: PointsView },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { limit: '3' },
    response: {
      balance: 1_370,
      items: [
        { id: '01JT1A2B3C4D5E6F7G8H9J0K1M', at: '2027-03-06T08:15:00.000Z', points: 40, reason: 'hours', about: '01JT0H7K2M4N6P8Q0R2S4T6V8W' },
        { id: '01JT1C5D7E9F1G3H5J7K9M1N3P', at: '2027-03-07T06:00:00.000Z', points: 50, reason: 'badge', about: 'hours-50' },
        { id: '01JT2D6E8F0G2H4J6K8M0N2P4Q', at: '2027-03-08T14:20:00.000Z', points: -500, reason: 'redemption', about: '01JT2D6E8F0G2H4J6K8M0N2P4R' },
      ],
      nextCursor: 'eyJzayI6IlBUUyMyMDI3LTAzLTA4VDE0OjIwOjAwLjAwMFoifQ',
    },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: AchievementPage },
  errors: [400],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { limit: '2' },
    response: {
      items: [
        { at: '2027-03-07T06:00:00.000Z', displayName: 'Huda A.', kind: 'badge', titleAr: 'خمسون ساعة عطاء', titleEn: '50 hours of giving' },
        { at: '2027-03-01T06:00:00.000Z', displayName: 'Fahad M.', kind: 'award', titleAr: 'متطوع الشهر', titleEn: 'Volunteer of the month' },
      ],
      nextCursor: 'eyJzayI6IkFDSCMyMDI3LTAzLTAxVDA2OjAwOjAwLjAwMFoifQ',
    },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: Leaderboard },
  errors: [400],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { scope: 'city', id: 'jeddah', period: 'month', at: '2027-02', limit: '3' },
    response: {
      scope: 'city',
      id: 'jeddah',
      period: '2027-02',
      items: [
        { rank: 1, displayName: 'Huda A.', minutes: 1_260 },
        { rank: 2, displayName: 'Fahad M.', minutes: 1_140 },
        { rank: 3, displayName: 'Reem S.', minutes: 960 },
      ],
    },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: /* @__PURE__ */ z.object({ month: /* @__PURE__ */ z.string(), volunteerId: /* @__PURE__ */ z.string() }) },
  errors: [400, 401, 403, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { orgId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV' },
    request: {
      volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77',
      award: 'volunteer-of-the-month',
      month: '2027-02',
      reasonAr: 'قادت فريق توزيع السلال الغذائية في أربع مناوبات متتالية دون غياب.',
      reasonEn: 'Led the food basket team through four shifts in a row without a single absence.',
    },
    response: { month: '2027-02', volunteerId: '3c9e6a52-7d1f-4f0b-9a0e-2b6f1d8c4e77' },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: AwardList },
  errors: [400],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { month: '2027-02' },
    response: {
      items: [
        {
          month: '2027-02',
          award: 'volunteer-of-the-month',
          scope: 'org',
          scopeId: '01JRW9Z6Q3X8K2M4N5P7R9S1TV',
          displayName: 'Huda A.',
          minutes: 1_260,
          basis: 'nomination',
          reasonAr: 'قادت فريق توزيع السلال الغذائية في أربع مناوبات متتالية دون غياب.',
          reasonEn: 'Led the food basket team through four shifts in a row without a single absence.',
          awardedAt: '2027-03-01T06:00:00.000Z',
        },
        { month: '2027-02', award: 'volunteer-of-the-month', scope: 'region', scopeId: 'makkah', displayName: 'Huda A.', minutes: 1_260, basis: 'ministry', awardedAt: '2027-03-08T10:30:00.000Z' },
      ],
    },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: RewardList },
  errors: [401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    response: {
      items: [
        rewardExample,
      ],
    },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: RewardView },
  errors: [401, 403, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
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
    response: rewardExample,
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 201: RedemptionView },
  errors: [401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '01JT5R7W9Y1A3C5E7G9J1M3P5S' },
    response: { id: '01JT2D6E8F0G2H4J6K8M0N2P4R', rewardId: '01JT5R7W9Y1A3C5E7G9J1M3P5S', code: '3F2A-91C0-77BD-04E1-A9D3', pointsSpent: 500, balance: 870, at: '2027-03-08T14:20:00.000Z' },
  },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: RedemptionCheck },
  errors: [400, 404, 429],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { code: '3F2A-91C0-77BD-04E1-A9D3' },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: HonourList },
  errors: [400, 401, 403],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    query: { month: '2026-11' },
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
  responses: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { 200: HonourView },
  errors: [400, 401, 403, 404, 409, 422],
  examples: process.env.TATAWWU_LAMBDA_BUNDLE ? {} : {
    path: { id: '2026-11.national.sa' },
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
