/**
 * Recognition on DynamoDB Local: the real repository and service; the volunteer profiles,
 * badge credentials and messages are plain fakes (ports), the clock is pinned.
 */
import { ulid } from 'ulid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatusLists } from '../../shared/domain/certificates/ports.js';
import type { HoursApprovedDetail } from '../../shared/domain/hours/schema.js';
import type { RecognitionPorts, RecognitionProfile, RecognitionRepository } from '../../shared/domain/recognition/ports.js';
import { createTestTable } from '../helpers/table.js';

let repo: RecognitionRepository;
let service: typeof import('../../shared/domain/recognition/service.js');
let statusLists: StatusLists;

beforeAll(async () => {
  await createTestTable();
  const { recognitionRepository } = await import('../../shared/db/recognition-repository.js');
  repo = recognitionRepository();
  statusLists = (await import('../../shared/db/certificate-repository.js')).statusListRepository();
  service = await import('../../shared/domain/recognition/service.js');
});

const adult = (name: string, extra: Partial<RecognitionProfile> = {}): RecognitionProfile => ({
  nameAr: 'متطوع تجريبي',
  nameEn: `${name} Tester`,
  birthDate: '1990-01-01',
  locale: 'en',
  ...extra,
});

/** Organisation → region, as the organisations' cities give it (unknown organisations: no region). */
const regions: Record<string, string> = {};

const portsAt = (now: string, profiles: Record<string, RecognitionProfile> = {}, ratings: Record<string, number> = {}) => {
  const sent: string[] = [];
  /** The HonourNomination workflow is Step Functions (test/workflows/honour-nomination.test.ts runs it): here its starts and resumes are recorded. */
  const workflow = { started: [] as string[], resumed: [] as Array<{ taskToken: string; volunteerId: string }> };
  const ports: RecognitionPorts = {
    repo,
    honourWorkflow: {
      start: async (id) => void workflow.started.push(id),
      resume: async (taskToken, choice) => void workflow.resumed.push({ taskToken, ...choice }),
    },
    organizations: { region: async (orgId) => regions[orgId] },
    volunteers: {
      profile: async (id) => profiles[id] ?? adult(id),
      ratings: async (ids) => new Map(ids.flatMap((id) => (ratings[id] === undefined ? [] : [[id, ratings[id]!] as const]))),
    },
    // The signature is faked (no KMS here); the status list entry is the real allocator's.
    credentials: { issue: async ({ badge }) => ({ jwt: `jwt-of-${badge.id}`, statusList: await statusLists.allocate() }) },
    messages: {
      badgeEarned: async (id, badge) => void sent.push(`${id}:${badge.id}`),
      awardWon: async (id, award) => void sent.push(`${id}:award:${award.scopeId}`),
      honoursOpened: async (month, count, decideBy) => void sent.push(`honours-open:${month}:${count}:${decideBy}`),
    },
    clock: { now: () => new Date(now) },
    ids: () => ulid(),
    codes: () => ulid(),
  };
  return { ports, sent, workflow };
};

const approved = (volunteerId: string, minutes: number, extra: Partial<HoursApprovedDetail> = {}): HoursApprovedDetail => ({
  hoursId: ulid(),
  volunteerId,
  orgId: 'org-a',
  opportunityId: 'opp-1',
  kind: 'shift',
  date: '2026-11-14',
  minutes,
  track: 'general',
  causes: ['health'],
  city: 'riyadh',
  region: 'riyadh',
  valueSar: 0,
  approvedBy: 'manager-1',
  approvedAt: '2026-11-14T12:00:00.000Z',
  ...extra,
});

const reversalOf = (hours: HoursApprovedDetail, volunteerId: string) => ({
  hoursId: hours.hoursId, reversalId: ulid(), volunteerId, orgId: hours.orgId, opportunityId: 'opp-1', minutes: hours.minutes, valueSar: 0,
  track: hours.track, causes: ['health'], city: 'riyadh', region: 'riyadh', date: hours.date, reason: 'wrong volunteer',
  reversedBy: 'admin-1', reversedAt: '2026-11-16T08:00:00.000Z',
});

describe('points from approved hours', () => {
  it('gives 10 points per general hour and 15 per professional hour', async () => {
    const { ports } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;

    await service.recordHoursApproved(ports, ulid(), approved(v, 120));
    await service.recordHoursApproved(ports, ulid(), approved(v, 60, { track: 'professional' }));

    const points = await repo.points(v, 10);
    expect(points.balance).toBe(35);
    expect(points.items.map((e) => e.points).sort()).toEqual([15, 20]);
  });

  it('counts a redelivered approval once', async () => {
    const { ports } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;
    const hours = approved(v, 90);
    const eventId = ulid();

    await Promise.all([service.recordHoursApproved(ports, eventId, hours), service.recordHoursApproved(ports, eventId, hours)]);
    await service.recordHoursApproved(ports, eventId, hours);

    expect((await repo.points(v, 10)).balance).toBe(15);
    expect((await repo.standing(v)).stats.approvedMinutes).toBe(90);
  });

  it('takes back exactly what an approval gave with a reversing entry', async () => {
    const { ports } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;
    const hours = approved(v, 180, { track: 'skills' });
    await service.recordHoursApproved(ports, ulid(), hours);

    await service.recordHoursReversed(ports, ulid(), {
      hoursId: hours.hoursId,
      reversalId: ulid(),
      volunteerId: v,
      orgId: 'org-a',
      opportunityId: 'opp-1',
      minutes: 180,
      valueSar: 0,
      track: 'skills',
      causes: ['health'],
      city: 'riyadh',
      region: 'riyadh',
      date: '2026-11-14',
      reason: 'entered twice',
      reversedBy: 'admin-1',
      reversedAt: '2026-11-16T08:00:00.000Z',
    });

    const points = await repo.points(v, 10);
    expect(points.balance).toBe(0);
    expect(points.items.map((e) => e.points)).toEqual([-45, 45]);
    expect((await repo.standing(v)).stats).toMatchObject({ approvedMinutes: 0, professionalMinutes: 0, shifts: 0 });
  });

  it('gives no points and no shift for hours cut to zero', async () => {
    const { ports } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;

    await service.recordHoursApproved(ports, ulid(), approved(v, 0));

    expect((await repo.points(v, 10)).balance).toBe(0);
    expect((await repo.standing(v)).stats.shifts).toBe(0);
  });
});

describe('the daily awards run', () => {
  it('awards the first-shift and 10-hour badges once, with their credential, bonus points and a message', async () => {
    const { ports, sent } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;
    await service.recordHoursApproved(ports, ulid(), approved(v, 600));

    const first = await service.runDailyAwards(ports, new Date('2026-11-15T06:00:00Z'));
    const second = await service.runDailyAwards(ports, new Date('2026-11-15T06:05:00Z'));

    const { badges, points } = await repo.standing(v);
    expect(badges.map((b) => b.badgeId).sort()).toEqual(['first-shift', 'hours-10']);
    expect(badges.every((b) => b.credential === `jwt-of-${b.badgeId}` && b.statusList !== undefined)).toBe(true);
    expect(points).toBe(100 + 20 + 20);
    expect(sent.filter((s) => s.startsWith(v))).toHaveLength(2);
    expect(first.badgesAwarded).toBeGreaterThanOrEqual(2);
    expect(second).toMatchObject({ badgesAwarded: 0 });
  });

  it('revokes a milestone when a reversal drops the volunteer below it, and takes its bonus back', async () => {
    const { ports } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;
    const big = approved(v, 480);
    await service.recordHoursApproved(ports, ulid(), big);
    await service.recordHoursApproved(ports, ulid(), approved(v, 180));
    await service.runDailyAwards(ports, new Date('2026-11-15T06:00:00Z'));

    await service.recordHoursReversed(ports, ulid(), {
      hoursId: big.hoursId, reversalId: ulid(), volunteerId: v, orgId: 'org-a', opportunityId: 'opp-1', minutes: 480, valueSar: 0,
      track: 'general', causes: ['health'], city: 'riyadh', region: 'riyadh', date: '2026-11-14', reason: 'wrong volunteer',
      reversedBy: 'admin-1', reversedAt: '2026-11-16T08:00:00.000Z',
    });
    const summary = await service.runDailyAwards(ports, new Date('2026-11-16T06:00:00Z'));

    const { badges } = await repo.standing(v);
    expect(summary.badgesRevoked).toBeGreaterThanOrEqual(1);
    expect(badges.find((b) => b.badgeId === 'hours-10')?.revokedAt).toBe('2026-11-16T06:00:00.000Z');
    expect(badges.find((b) => b.badgeId === 'first-shift')?.revokedAt).toBeUndefined();
  });

  it("sets the revoked badge's bit in its status list, and only that one", async () => {
    const { ports } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;
    const big = approved(v, 600);
    await service.recordHoursApproved(ports, ulid(), big);
    await service.runDailyAwards(ports, new Date('2026-11-15T06:00:00Z'));
    const earned = (await repo.standing(v)).badges;

    await service.recordHoursReversed(ports, ulid(), reversalOf(big, v));
    await service.runDailyAwards(ports, new Date('2026-11-16T06:00:00Z'));

    const bitOf = async (entry: { listId: string; index: number }) => (await statusLists.get(entry.listId))?.revoked.includes(entry.index);
    const tenHours = earned.find((b) => b.badgeId === 'hours-10')!;
    const firstShift = earned.find((b) => b.badgeId === 'first-shift')!;
    expect(await bitOf(tenHours.statusList!)).toBe(true);
    expect(await bitOf(firstShift.statusList!)).toBe(true);
    expect(earned).toHaveLength(2);
  });

  it('gives the trained-3 badge after three different modules, counting a retaken module once', async () => {
    const { ports } = portsAt('2026-11-15T06:00:00Z');
    const v = `v-${ulid()}`;
    const completed = (trainingId: string) => service.recordTrainingCompleted(ports, { volunteerId: v, trainingId, version: 1, completedAt: '2026-11-14T10:00:00.000Z' });

    const counted = [await completed('first-aid'), await completed('first-aid'), await completed('crowd-safety')];
    await service.runDailyAwards(ports, new Date('2026-11-15T06:00:00Z'));
    const afterTwo = (await repo.standing(v)).badges.map((b) => b.badgeId);
    await completed('child-protection');
    await service.runDailyAwards(ports, new Date('2026-11-15T07:00:00Z'));

    expect(counted).toEqual([true, false, true]);
    expect(afterTwo).not.toContain('trained-3');
    expect((await repo.standing(v)).badges.map((b) => b.badgeId)).toEqual(['trained-3']);
  });

  it('publishes an adult volunteer\'s badge by display name only, and never a minor\'s', async () => {
    const adultId = `v-${ulid()}`;
    const minorId = `v-${ulid()}`;
    const profiles = { [adultId]: adult('Noura', { nameEn: 'Noura Alharbi' }), [minorId]: adult('Faisal', { birthDate: '2010-03-01' }) };
    const { ports } = portsAt('2026-11-20T06:00:00Z', profiles);
    await service.recordHoursApproved(ports, ulid(), approved(adultId, 60));
    await service.recordHoursApproved(ports, ulid(), approved(minorId, 60));

    await service.runDailyAwards(ports, new Date('2026-11-20T06:00:00Z'));

    const feed = await repo.achievements(100, undefined, new Date('2026-11-20T06:00:00Z'));
    const names = feed.items.map((a) => a.displayName);
    expect(names).toContain('Noura A.');
    expect(names.some((n) => n.startsWith('Faisal'))).toBe(false);
    expect(names.some((n) => n.includes('Alharbi'))).toBe(false);
  });
});

describe('leaderboards', () => {
  it('ranks by approved minutes, ties to whoever reached them first, without minors or opt-outs', async () => {
    const city = `city-${ulid()}`;
    const [a, b, c, minor, optOut] = ['Amal', 'Bader', 'Chaker', 'Minor', 'Hidden'].map((n) => `${n}-${ulid()}`) as [string, string, string, string, string];
    const profiles = {
      [a]: adult('Amal'),
      [b]: adult('Bader'),
      [c]: adult('Chaker'),
      [minor]: adult('Minor', { birthDate: '2012-01-01' }),
      [optOut]: adult('Hidden', { showAchievements: false }),
    };
    const { ports } = portsAt('2026-11-20T06:00:00Z', profiles);
    await service.recordHoursApproved(ports, ulid(), approved(a, 120, { city, approvedAt: '2026-11-10T10:00:00.000Z' }));
    await service.recordHoursApproved(ports, ulid(), approved(b, 120, { city, approvedAt: '2026-11-09T10:00:00.000Z' }));
    await service.recordHoursApproved(ports, ulid(), approved(c, 300, { city }));
    await service.recordHoursApproved(ports, ulid(), approved(minor, 900, { city }));
    await service.recordHoursApproved(ports, ulid(), approved(optOut, 900, { city }));

    const board = await service.leaderboard(ports, { scope: 'city', id: city, period: 'month', at: '2026-11', limit: 10 });

    expect(board.items).toEqual([
      { rank: 1, displayName: 'Chaker T.', minutes: 300 },
      { rank: 2, displayName: 'Bader T.', minutes: 120 },
      { rank: 3, displayName: 'Amal T.', minutes: 120 },
    ]);
  });
});

describe('volunteer of the month', () => {
  it("awards the managers' nominee, else the rule, once, after the Riyadh month has ended", async () => {
    const nominatingOrg = `org-${ulid()}`;
    const ruleOrg = `org-${ulid()}`;
    const [top, nominee, other] = ['Top', 'Nominee', 'Other'].map((n) => `${n}-${ulid()}`) as [string, string, string];
    // 2026-11-30 22:30 UTC is already 1 December in Riyadh: November has ended there.
    const { ports, sent } = portsAt('2026-11-30T22:30:00Z');
    await service.recordHoursApproved(ports, ulid(), approved(top, 600, { orgId: nominatingOrg }));
    await service.recordHoursApproved(ports, ulid(), approved(nominee, 120, { orgId: nominatingOrg }));
    await service.recordHoursApproved(ports, ulid(), approved(other, 240, { orgId: ruleOrg }));
    await service.nominate(portsAt('2026-11-25T10:00:00Z').ports, { sub: 'm-1', groups: ['org-manager'], orgId: nominatingOrg }, nominatingOrg, {
      volunteerId: nominee,
      award: 'volunteer-of-the-month',
      month: '2026-11',
      reasonAr: 'التزام مميز',
      reasonEn: 'Outstanding commitment',
    });

    const before = await service.runMonthlyAwards(ports, new Date('2026-11-30T20:59:00Z'));
    const first = await service.runMonthlyAwards(ports, new Date('2026-11-30T22:30:00Z'));
    const rerun = await service.runMonthlyAwards(ports, new Date('2026-12-01T06:00:00Z'));

    expect(before.month).toBe('2026-10');
    const awards = await repo.awards('2026-11');
    expect(awards.find((w) => w.scopeId === nominatingOrg)).toMatchObject({ volunteerId: nominee, basis: 'nomination' });
    expect(awards.find((w) => w.scopeId === ruleOrg)).toMatchObject({ volunteerId: other, basis: 'rule', minutes: 240 });
    expect(first.awarded).toBeGreaterThanOrEqual(2);
    expect(rerun.awarded).toBe(0);
    expect(sent.filter((s) => s.includes(':award:'))).toHaveLength(first.awarded);
  });

  it('breaks a tie on minutes by rating, then by whoever reached the total first', async () => {
    const ratedOrg = `org-${ulid()}`;
    const unratedOrg = `org-${ulid()}`;
    const [early, betterRated, late, first, second] = ['Early', 'Rated', 'Late', 'First', 'Second'].map((n) => `${n}-${ulid()}`) as [string, string, string, string, string];
    const { ports } = portsAt('2026-11-30T22:30:00Z', {}, { [early]: 3.9, [betterRated]: 4.6 });
    await service.recordHoursApproved(ports, ulid(), approved(early, 300, { orgId: ratedOrg, approvedAt: '2026-11-03T10:00:00.000Z' }));
    await service.recordHoursApproved(ports, ulid(), approved(betterRated, 300, { orgId: ratedOrg, approvedAt: '2026-11-20T10:00:00.000Z' }));
    await service.recordHoursApproved(ports, ulid(), approved(late, 300, { orgId: ratedOrg, approvedAt: '2026-11-25T10:00:00.000Z' }));
    await service.recordHoursApproved(ports, ulid(), approved(second, 120, { orgId: unratedOrg, approvedAt: '2026-11-12T10:00:00.000Z' }));
    await service.recordHoursApproved(ports, ulid(), approved(first, 120, { orgId: unratedOrg, approvedAt: '2026-11-11T10:00:00.000Z' }));

    await service.runMonthlyAwards(ports, new Date('2026-11-30T22:30:00Z'));

    const awards = await repo.awards('2026-11');
    expect(awards.find((w) => w.scopeId === ratedOrg)).toMatchObject({ volunteerId: betterRated, basis: 'rule', minutes: 300 });
    expect(awards.find((w) => w.scopeId === unratedOrg)).toMatchObject({ volunteerId: first, basis: 'rule', minutes: 120 });
  });

  it('refuses a nominee without approved hours with the organisation that month', async () => {
    const org = `org-${ulid()}`;
    const { ports } = portsAt('2026-11-25T10:00:00Z');

    await expect(
      service.nominate(ports, { sub: 'm-1', groups: ['org-manager'], orgId: org }, org, {
        volunteerId: 'nobody',
        award: 'volunteer-of-the-month',
        month: '2026-11',
        reasonAr: 'التزام مميز',
        reasonEn: 'Outstanding commitment',
      }),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: 'volunteerId' }] });
  });
});

describe('region and national honours', () => {
  let honours: typeof import('../../shared/domain/recognition/honours.js');
  beforeAll(async () => {
    honours = await import('../../shared/domain/recognition/honours.js');
  });
  const ministry = { sub: 'reviewer-1', groups: ['ministry-reviewer' as const] };
  const choice = (volunteerId: string) => ({ volunteerId, reasonAr: 'عطاء متواصل طوال الشهر', reasonEn: 'Sustained giving all month' });

  /** Two organisations of one region with their winners in `month`, the organisations' awards given by the monthly run. */
  const monthWithWinners = async (month: string) => {
    const region = `region-${ulid().toLowerCase()}`;
    const [orgA, orgB] = [`org-${ulid()}`, `org-${ulid()}`] as [string, string];
    regions[orgA] = region;
    regions[orgB] = region;
    const [top, runnerUp] = ['Top', 'Runner'].map((n) => `${n}-${ulid()}`) as [string, string];
    const runAt = new Date(`${month}-01T06:00:00Z`);
    const previous = new Date(runAt.getTime() - 10 * 86_400_000);
    const { ports, workflow, sent } = portsAt(runAt.toISOString());
    const day = previous.toISOString().slice(0, 10);
    await service.recordHoursApproved(ports, ulid(), approved(top, 600, { orgId: orgA, date: day, approvedAt: previous.toISOString() }));
    await service.recordHoursApproved(ports, ulid(), approved(runnerUp, 600, { orgId: orgB, date: day, approvedAt: previous.toISOString() }));
    const summary = await service.runMonthlyAwards(ports, runAt);
    const endedMonth = day.slice(0, 7);
    return { ports, workflow, sent, region, top, runnerUp, summary, endedMonth, regionHonour: honours.honourId(endedMonth, 'region', region), nationalHonour: honours.honourId(endedMonth, 'national', 'sa') };
  };

  it("opens a region and a national honour from the organisations' winners and starts their workflows, once", async () => {
    const m = await monthWithWinners('2025-03');
    const startedByFirstRun = [...m.workflow.started];
    await honours.awaitHonourChoice(m.ports, m.regionHonour, 'token-region');
    await honours.awaitHonourChoice(m.ports, m.nationalHonour, 'token-national');

    const rerun = await service.runMonthlyAwards(m.ports, new Date('2025-03-02T06:00:00Z'));

    const opened = await repo.honours(m.endedMonth);
    expect(m.summary.honoursOpened).toBe(2);
    expect(rerun.honoursOpened).toBe(0);
    expect(opened.map((h) => h.id).sort()).toEqual([m.nationalHonour, m.regionHonour].sort());
    expect(opened.find((h) => h.id === m.regionHonour)?.candidates.map((c) => c.volunteerId).sort()).toEqual([m.top, m.runnerUp].sort());
    expect(startedByFirstRun.sort()).toEqual([m.nationalHonour, m.regionHonour].sort());
    expect(m.workflow.started).toHaveLength(2);
    expect(m.sent.filter((s) => s.startsWith('honours-open'))).toEqual(['honours-open:2025-02:2:2025-03-11T06:00:00.000Z']);
  });

  it("records the ministry's choice, resumes the waiting workflow and awards once with the reason and bonus points", async () => {
    const m = await monthWithWinners('2025-05');
    await honours.awaitHonourChoice(m.ports, m.regionHonour, 'token-region');

    const decided = await honours.decideHonour(m.ports, ministry, m.regionHonour, choice(m.runnerUp));
    const first = await honours.awardHonour(m.ports, m.regionHonour);
    const again = await honours.awardHonour(m.ports, m.regionHonour);

    expect(decided).toMatchObject({ status: 'decided', basis: 'ministry', volunteerId: m.runnerUp, decidedBy: 'reviewer-1' });
    expect(m.workflow.resumed).toEqual([{ taskToken: 'token-region', volunteerId: m.runnerUp }]);
    expect([first.awarded, again.awarded]).toEqual([true, false]);
    expect((await repo.awards(m.endedMonth)).find((a) => a.scope === 'region' && a.scopeId === m.region)).toMatchObject({
      volunteerId: m.runnerUp,
      basis: 'ministry',
      reasonEn: 'Sustained giving all month',
    });
    expect((await repo.points(m.runnerUp, 10)).items.map((e) => e.points)).toContain(honours.HONOUR_POINTS.region);
  });

  it('lets the rule decide an honour still pending after the wait: the better rated of a tie', async () => {
    const rated = await monthWithWinners('2025-09');
    // Same minutes, reached at the same time: without ratings the volunteer id would settle it ('Runner-…' first).
    const ratedPorts = portsAt('2025-09-11T06:00:00Z', {}, { [rated.top]: 4.8, [rated.runnerUp]: 4.1 }).ports;

    const byRule = await honours.awardHonour(ratedPorts, rated.regionHonour);
    const late = honours.decideHonour(rated.ports, ministry, rated.regionHonour, choice(rated.runnerUp));

    expect(byRule).toMatchObject({ volunteerId: rated.top, basis: 'rule', awarded: true });
    await expect(late).rejects.toMatchObject({ status: 409, code: 'honour-decided' });
    expect((await repo.honour(rated.regionHonour))?.volunteerId).toBe(rated.top);
  });

  it('refuses someone who is not a candidate, naming volunteerId, and decides nothing', async () => {
    const m = await monthWithWinners('2025-11');

    await expect(honours.decideHonour(m.ports, ministry, m.nationalHonour, choice('nobody'))).rejects.toMatchObject({ status: 422, errors: [{ path: 'volunteerId' }] });
    expect((await repo.honour(m.nationalHonour))?.status).toBe('pending');
  });

  it("refuses an organisation's manager with 403", async () => {
    const m = await monthWithWinners('2026-01');

    await expect(honours.decideHonour(m.ports, { sub: 'm-1', groups: ['org-manager'], orgId: 'org-x' }, m.nationalHonour, choice(m.top))).rejects.toMatchObject({ status: 403 });
  });

  it('ends the wait at once for an honour decided before the workflow reached it', async () => {
    const m = await monthWithWinners('2026-03');
    await honours.decideHonour(m.ports, ministry, m.nationalHonour, choice(m.top));

    await expect(honours.awaitHonourChoice(m.ports, m.nationalHonour, 'late-token')).rejects.toMatchObject({ name: 'HonourAlreadyDecidedError' });
    expect(m.workflow.resumed).toEqual([]);
  });
});

describe('redemptions', () => {
  const createReward = async (ports: RecognitionPorts, stock: number, extra: Record<string, unknown> = {}) =>
    service.createReward(ports, { sub: 'admin', groups: ['ministry-admin'] }, {
      titleAr: 'مكافأة',
      titleEn: 'Reward',
      descriptionAr: 'وصف المكافأة',
      descriptionEn: 'A reward',
      pointsCost: 10,
      stock,
      minApprovedHours: 0,
      perVolunteer: 'unlimited',
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00Z',
      ...extra,
    });

  it('never oversells: 40 concurrent redemptions of a reward with stock 10 → exactly 10 (200 on 50: npm run bench -- recognition)', async () => {
    const { ports } = portsAt('2026-11-20T06:00:00Z');
    const reward = await createReward(ports, 10);
    const volunteers = Array.from({ length: 40 }, (_, i) => `r-${i}-${ulid()}`);
    for (let i = 0; i < volunteers.length; i += 25) {
      await Promise.all(volunteers.slice(i, i + 25).map((v) => service.recordHoursApproved(ports, ulid(), approved(v, 60))));
    }

    const outcomes = await Promise.allSettled(volunteers.map((v) => service.redeem(ports, { sub: v, groups: ['volunteer'] }, reward.id)));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason.code === 'reward-unavailable')).toBe(true);
    expect((await repo.reward(reward.id))?.stockLeft).toBe(0);
  }, 60_000);

  it('never lets a balance go negative: 5 concurrent redemptions with points for 2 → 2', async () => {
    const { ports } = portsAt('2026-11-20T06:00:00Z');
    const reward = await createReward(ports, 100);
    const v = `rich-${ulid()}`;
    await service.recordHoursApproved(ports, ulid(), approved(v, 120));

    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => service.redeem(ports, { sub: v, groups: ['volunteer'] }, reward.id)));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    expect((await repo.points(v, 50)).balance).toBe(0);
    expect((await repo.reward(reward.id))?.stockLeft).toBe(98);
  });

  it('refuses a second redemption in the period, naming perVolunteer, and deducts nothing', async () => {
    const { ports } = portsAt('2026-11-20T06:00:00Z');
    const reward = await createReward(ports, 100, { perVolunteer: 'once-a-month' });
    const v = `once-${ulid()}`;
    await service.recordHoursApproved(ports, ulid(), approved(v, 600));
    await service.redeem(ports, { sub: v, groups: ['volunteer'] }, reward.id);

    await expect(service.redeem(ports, { sub: v, groups: ['volunteer'] }, reward.id)).rejects.toMatchObject({ status: 422, errors: [{ path: 'perVolunteer' }] });
    expect((await repo.points(v, 50)).balance).toBe(90);
    expect((await repo.reward(reward.id))?.stockLeft).toBe(99);
  });

  it('refuses a volunteer below the minimum approved hours, naming minApprovedHours', async () => {
    const { ports } = portsAt('2026-11-20T06:00:00Z');
    const reward = await createReward(ports, 100, { minApprovedHours: 5 });
    const v = `few-${ulid()}`;
    await service.recordHoursApproved(ports, ulid(), approved(v, 120));

    await expect(service.redeem(ports, { sub: v, groups: ['volunteer'] }, reward.id)).rejects.toMatchObject({ errors: [{ path: 'minApprovedHours' }] });
  });
});
