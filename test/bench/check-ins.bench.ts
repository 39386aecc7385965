/**
 * A large event: 2,000 volunteers (BENCH_VOLUNTEERS) with approved seats on one shift check in
 * through the local gateway (JWT, handler, code verification, conditional Put with its outbox
 * event), from 50 concurrent clients (BENCH_CLIENTS), as fast as the machine allows — the goal is
 * that all of them fit in 5 minutes. Each client reads the code on the manager's screen (refreshed
 * every minute, as a screen rotates). Then 10 % check in again (a double tap): they must get the
 * first answer. Measured: check-ins/s, p50/p99; checked: one attendance item and one
 * VolunteerCheckedIn event per volunteer.
 */
import { Agent } from 'node:http';
import { freePort, httpClient, median, percentile, round, stopPlatform, verdict, type Benchmark } from './lib.js';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 2_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const GOAL_MS = 5 * 60_000;
const SEED_PARALLELISM = Number(process.env.BENCH_SEED_PARALLELISM ?? 4);

process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const agent = new Agent({ keepAlive: false, maxSockets: CLIENTS });
const call = httpClient(agent);

const pool = async <T, R>(items: readonly T[], parallel: number, task: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!);
      }
    }),
  );
  return results;
};

const benchmark: Benchmark = {
  name: 'check-ins',
  title: `${VOLUNTEERS.toLocaleString('en')} volunteers check in on one shift through the local gateway, ${CLIENTS} concurrent clients: check-ins/s, p50/p99 (goal: all within 5 minutes, each recorded once)`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-${Date.now()}` });
    try {
      const support = await import('../integration/applications-support.js');
      const fx = await import('../integration/hours-support.js');
      const { queryAll } = await import('../../shared/db/client.js');
      const { attendance } = await import('../../shared/db/entities/attendance.js');
      const { outboxEvent, EVENT_OUTBOX_SHARDS } = await import('../../shared/db/entities/outbox-event.js');
      const api = platform.apiUrl.replace('//localhost:', '//127.0.0.1:');

      const seeded = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(-0.5), end: support.hoursFromNow(4), capacity: VOLUNTEERS }] });
      const shiftId = seeded.shifts[0]!.id;
      const orgId = seeded.opportunity.orgId;
      log(`seeding ${VOLUNTEERS} volunteers with approved seats`);
      const volunteers = await pool(Array.from({ length: VOLUNTEERS }, (_, i) => i), SEED_PARALLELISM, async () => {
        const sub = await support.seedVolunteer();
        await fx.seedSeat(sub, seeded);
        return { sub, token: await platform.issuer.mint({ sub, groups: ['volunteer'] }) };
      });

      const manager = await platform.issuer.mint({ sub: 'bench-manager', groups: ['org-manager'], orgId });
      const screen = async () => {
        const shown = await call(`${api}/v1/shifts/${shiftId}/attendance-code`, 'GET', { authorization: `Bearer ${manager}` });
        if (shown.status !== 200) throw new Error(`attendance-code answered ${shown.status}: ${shown.body}`);
        return (JSON.parse(shown.body) as { code: string }).code;
      };
      let code = await screen();
      const refresher = setInterval(() => void screen().then((c) => (code = c)), 60_000);

      log(`${VOLUNTEERS} check-ins from ${CLIENTS} clients`);
      const latencies: number[] = [];
      const answers = new Map<string, string>();
      let failures = 0;
      const checkIn = async (v: { sub: string; token: string }) => {
        const t0 = process.hrtime.bigint();
        const response = await call(`${api}/v1/shifts/${shiftId}/check-in`, 'POST', { authorization: `Bearer ${v.token}`, 'content-type': 'application/json' }, JSON.stringify({ code }));
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (response.status !== 200) failures += 1;
        return response;
      };
      const started = process.hrtime.bigint();
      await pool(volunteers, CLIENTS, async (v) => {
        const response = await checkIn(v);
        if (response.status === 200) answers.set(v.sub, (JSON.parse(response.body) as { checkedInAt: string }).checkedInAt);
      });
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearInterval(refresher);
      const firstPass = [...latencies];

      log('10 % tap again');
      let changed = 0;
      await pool(volunteers.filter((_, i) => i % 10 === 0), CLIENTS, async (v) => {
        const response = await checkIn(v);
        if (response.status !== 200 || (JSON.parse(response.body) as { checkedInAt: string }).checkedInAt !== answers.get(v.sub)) changed += 1;
      });

      const records = await queryAll({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: 'PK = :p',
        ExpressionAttributeValues: { ':p': attendance.keys.item(shiftId, 'x').PK },
        ProjectionExpression: 'volunteerId',
      });
      let events = 0;
      for (let shard = 0; shard < EVENT_OUTBOX_SHARDS; shard++) {
        const items = await queryAll({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': outboxEvent.keys.shard(shard) } });
        events += items.filter((i) => (i.event as { type: string; detail: { shiftId: string } }).type === 'VolunteerCheckedIn' && (i.event as { detail: { shiftId: string } }).detail.shiftId === shiftId).length;
      }
      const unique = new Set(records.map((r) => r.volunteerId)).size;
      const correct = failures === 0 && changed === 0 && records.length === VOLUNTEERS && unique === VOLUNTEERS && events === VOLUNTEERS && elapsedMs <= GOAL_MS;
      return {
        rows: [
          {
            measure: 'POST /v1/shifts/{shiftId}/check-in',
            'check-ins': VOLUNTEERS,
            clients: CLIENTS,
            'total s': round(elapsedMs / 1000, 1),
            'per s': round((VOLUNTEERS / elapsedMs) * 1000, 1),
            'p50 ms': round(median(firstPass)),
            'p99 ms': round(percentile(firstPass, 99)),
            'non-200': failures,
            result: verdict(correct),
          },
          {
            measure: 'second tap by 10 % (same answer, nothing written)',
            'check-ins': Math.ceil(VOLUNTEERS / 10),
            clients: CLIENTS,
            'total s': '—',
            'per s': '—',
            'p50 ms': round(median(latencies.slice(firstPass.length))),
            'p99 ms': round(percentile(latencies.slice(firstPass.length), 99)),
            'non-200': changed,
            result: `${records.length} attendance items (${unique} volunteers), ${events} VolunteerCheckedIn events`,
          },
        ],
        notes: [
          `client, gateway, handlers and DynamoDB Local (in memory, Java) share this machine (${process.version}); all check-ins write one partition (the shift's roster, one item per volunteer) and one sparse GSI2 partition (open check-ins)`,
          'the goal is 2,000 in 5 minutes (6.7/s); the run sends them as fast as the clients can, so the rate is the capacity of this machine, not the arrival rate of a real event',
        ],
      };
    } finally {
      agent.destroy();
      await stopPlatform(platform, dynamoPort);
    }
  },
};

export default benchmark;
