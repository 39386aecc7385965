/**
 * Recognition at scale, on DynamoDB Local: (1) the daily `awards` run over N volunteers with
 * new approved hours (change markers, never a Scan): time, DynamoDB requests per volunteer
 * (counted by a middleware on the repository's client), and a second run that awards 0;
 * (2) the monthly run (volunteer of the month of each organisation, then the region and national
 * honours): requests per organisation, a rerun that awards and opens nothing;
 * (3) 200 concurrent redemptions of a reward with stock 50 → exactly 50.
 * The issue's 100,000 volunteers take ~10 minutes of seeding on a shared 2-core machine;
 * BENCH_VOLUNTEERS (default 5,000) sets N and the row extrapolates linearly (the run is a
 * sequential walk over markers: time grows linearly with N).
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { freePort, round, verdict, type Benchmark } from './lib.js';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 5_000);
const GOAL_REQUESTS_PER_VOLUNTEER = 6;

process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const benchmark: Benchmark = {
  name: 'recognition',
  title: `Daily awards over ${VOLUNTEERS.toLocaleString('en')} volunteers with new hours (goal ≤ ${GOAL_REQUESTS_PER_VOLUNTEER} DynamoDB requests per volunteer, rerun awards 0); 200 concurrent redemptions on stock 50`,
  async run({ log }) {
    const { startDynamoLocal, ensureTable, localClient } = await import('../../infra/local/dynamodb.js');
    const { mainTable } = await import('../../shared/db/table.js');
    const dynamo = await startDynamoLocal({ port: await freePort() });
    const tableName = `bench-${randomUUID().slice(0, 8)}`;
    const admin = localClient(dynamo.endpoint);
    await ensureTable(admin, mainTable, tableName);
    let requests = 0;
    const raw = new DynamoDBClient({ region: 'me-central-1', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, requestHandler: { httpAgent: { keepAlive: true, maxSockets: 256 } } });
    raw.middlewareStack.add((next) => async (args) => {
      requests += 1;
      return next(args);
    }, { step: 'initialize', name: 'countRequests' });
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const { recognitionRepository } = await import('../../shared/db/recognition-repository.js');
    const service = await import('../../shared/domain/recognition/service.js');
    const repo = recognitionRepository(() => client, () => tableName);
    const now = new Date('2026-11-20T06:00:00Z');
    const ports = {
      repo,
      honourWorkflow: { start: async () => undefined, resume: async () => undefined },
      organizations: { region: async () => 'riyadh' },
      volunteers: { profile: async () => ({ nameAr: 'متطوع', nameEn: 'Bench Volunteer', birthDate: '1990-01-01', locale: 'ar' as const }), ratings: async () => new Map<string, number>() },
      credentials: { issue: async () => null },
      messages: { badgeEarned: async () => undefined, awardWon: async () => undefined, honoursOpened: async () => undefined },
      clock: { now: () => now },
      ids: () => ulid(),
      codes: () => ulid(),
    };
    try {
      log(`seeding approved hours for ${VOLUNTEERS} volunteers`);
      const ids = Array.from({ length: VOLUNTEERS }, (_, i) => `bench-${i}`);
      for (let i = 0; i < ids.length; i += 50) {
        await Promise.all(
          ids.slice(i, i + 50).map((volunteerId, j) =>
            service.recordHoursApproved(ports, ulid(), {
              hoursId: ulid(), volunteerId, orgId: `org-${(i + j) % 40}`, opportunityId: 'opp', kind: 'shift', date: '2026-11-14',
              minutes: 60 + ((i + j) % 12) * 60, track: (i + j) % 3 === 0 ? 'professional' : 'general', causes: ['health'],
              city: 'riyadh', region: 'riyadh', valueSar: 0, approvedBy: 'm', approvedAt: '2026-11-14T12:00:00.000Z',
            }),
          ),
        );
      }
      log('daily run');
      requests = 0;
      const started = performance.now();
      const first = await service.runDailyAwards(ports, now);
      const seconds = (performance.now() - started) / 1000;
      const perVolunteer = requests / first.volunteers;
      requests = 0;
      const second = await service.runDailyAwards(ports, new Date(now.getTime() + 3_600_000));

      log('monthly run: volunteer of the month of 40 organisations, then the region and national honours');
      requests = 0;
      const monthlyStarted = performance.now();
      const monthly = await service.runMonthlyAwards(ports, new Date('2026-12-01T06:00:00Z'));
      const monthlySeconds = (performance.now() - monthlyStarted) / 1000;
      const perOrganization = requests / Math.max(1, monthly.organizations);
      const monthlyRerun = await service.runMonthlyAwards(ports, new Date('2026-12-02T06:00:00Z'));

      log('redemptions');
      const reward = await service.createReward(ports, { sub: 'admin', groups: ['ministry-admin'] }, {
        titleAr: 'مكافأة', titleEn: 'Reward', descriptionAr: 'وصف', descriptionEn: 'A reward', pointsCost: 10, stock: 50,
        minApprovedHours: 0, perVolunteer: 'unlimited', validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z',
      });
      const redeemStarted = performance.now();
      const outcomes = await Promise.allSettled(ids.slice(0, 200).map((sub) => service.redeem(ports, { sub, groups: ['volunteer'] }, reward.id)));
      const redeemSeconds = (performance.now() - redeemStarted) / 1000;
      const granted = outcomes.filter((o) => o.status === 'fulfilled').length;
      const stockLeft = (await repo.reward(reward.id))?.stockLeft;
      return {
        rows: [
          {
            measure: `daily awards, ${VOLUNTEERS.toLocaleString('en')} volunteers`,
            result: `${round(seconds, 1)} s (${round(first.volunteers / seconds, 0)} volunteers/s), ${first.badgesAwarded} badges`,
            'requests/volunteer': round(perVolunteer, 2),
            'extrapolated to 100,000': `${round((seconds * 100_000) / VOLUNTEERS / 60, 1)} min`,
            goal: `≤ ${GOAL_REQUESTS_PER_VOLUNTEER} requests/volunteer`,
            verdict: verdict(perVolunteer <= GOAL_REQUESTS_PER_VOLUNTEER),
          },
          { measure: 'second daily run', result: `${second.volunteers} volunteers, ${second.badgesAwarded} badges`, 'requests/volunteer': '-', 'extrapolated to 100,000': '-', goal: 'awards 0', verdict: verdict(second.badgesAwarded === 0) },
          {
            measure: `monthly run, ${monthly.organizations} organisations (${round(VOLUNTEERS / Math.max(1, monthly.organizations), 0)} volunteers each)`,
            result: `${round(monthlySeconds, 1)} s, ${monthly.awarded} awards, ${monthly.honoursOpened} honours opened; rerun: ${monthlyRerun.awarded} awards, ${monthlyRerun.honoursOpened} honours`,
            'requests/volunteer': `${round(perOrganization, 1)} per organisation`,
            'extrapolated to 100,000': '-',
            goal: 'rerun awards 0, opens 0',
            verdict: verdict(monthlyRerun.awarded === 0 && monthlyRerun.honoursOpened === 0 && monthly.honoursOpened === 2),
          },
          { measure: '200 concurrent redemptions, stock 50', result: `${granted} granted, stock left ${stockLeft} (${round(redeemSeconds, 1)} s)`, 'requests/volunteer': '-', 'extrapolated to 100,000': '-', goal: 'exactly 50', verdict: verdict(granted === 50 && stockLeft === 0) },
        ],
        notes: ['the daily run evaluates 32 volunteers at a time; in the cloud it can also fan out per change-marker shard (8)'],
      };
    } finally {
      admin.destroy();
      raw.destroy();
      await dynamo.stop();
    }
  },
};

export default benchmark;
