/**
 * Impact aggregates at national scale (issue 16).
 *
 * 1. HoursApproved events through the aggregate recorder in batches of 100 (an SQS batch of
 *    the consumer), BENCH_IMPACT_PARALLEL batches at a time, on DynamoDB Local: events/s,
 *    DynamoDB write items per event (TransactWriteItems items; each costs 2 write units on
 *    demand), conflicts; then every scope-month of the aggregates against an independent
 *    in-memory recount of the events (must be 0 differences). 1,000,000 events is the brief;
 *    on a shared 2-core machine the run stops at BENCH_IMPACT_SECONDS and says how many it did.
 * 2. The views over those 24 months through the local gateway: organisation impact (24 months)
 *    and national stats by region and by month: p50/p99 (goal p99 ≤ 50 ms).
 */
import { loadNote, percentile, round, stopPlatform, freePort, verdict, type Benchmark } from './lib.js';

const EVENTS = Number(process.env.BENCH_IMPACT_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_IMPACT_SECONDS ?? 900);
const BATCH = 100;
const PARALLEL = Number(process.env.BENCH_IMPACT_PARALLEL ?? 4);
const VIEW_REQUESTS = Number(process.env.BENCH_IMPACT_VIEW_REQUESTS ?? 200);
/**
 * `random` (default): every event of a batch from any organisation, month and shift (the worst
 * case for merging). `bulk`: each batch is one shift's roster approved at once (one organisation,
 * month and shift; volunteers at random), as a manager's bulk approval sends them.
 */
const SHAPE = process.env.BENCH_IMPACT_SHAPE === 'bulk' ? 'bulk' : 'random';
const GOAL_P99_MS = 50;

process.env.LOCAL_CRON = 'off';
// A million ledger entries, activity items and counters stay in DynamoDB Local's memory: 1 GB of heap is not enough.
process.env.DYNAMODB_LOCAL_HEAP ??= EVENTS > 200_000 ? '8g' : '1g';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const benchmark: Benchmark = {
  name: 'impact',
  title: `Impact aggregates: up to ${EVENTS.toLocaleString('en')} HoursApproved in batches of ${BATCH} (${SHAPE === 'bulk' ? "each batch one shift's roster" : 'events at random'}; events/s, writes per event, equal to a recount), then the views over 24 months × 13 regions (goal p99 ≤ ${GOAL_P99_MS} ms)`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const { impactRepository } = await import('../../shared/db/impact-repository.js');
    const { recordApprovalBatch } = await import('../../shared/domain/impact/recorder.js');
    const { recountHours, comparable } = await import('../../shared/domain/impact/recount.js');
    const { monthRange } = await import('../../shared/domain/impact/months.js');
    const { toHalalas } = await import('../../shared/domain/impact/aggregates.js');
    const { prng } = await import('../helpers/impact-events.js');
    const { cities } = await import('../../shared/domain/reference/cities.js');
    const { regions } = await import('../../shared/domain/reference/cities.js');
    const { ulid } = await import('ulid');
    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-impact-${Date.now()}` });
    try {
      const months = monthRange('2024-12', '2026-11');
      const orgIds = Array.from({ length: 400 }, () => ulid());
      const random = prng(2026);
      const tracks = ['general', 'general', 'skills', 'professional'] as const;
      const causes = ['health', 'education', 'environment', 'hajj-and-umrah', 'elderly', 'orphans', 'disability'];
      const volunteers = Math.max(1000, Math.round(EVENTS / 8));
      const entries: import('../../shared/domain/impact/aggregates.js').HoursEntry[] = [];
      const pickRoster = () => ({
        org: Math.floor(random() ** 2 * orgIds.length), // a few large organisations
        month: months[Math.floor(random() * months.length)]!,
        day: String(1 + Math.floor(random() * 28)).padStart(2, '0'),
        shift: Math.floor(random() * 20),
      });
      let roster = pickRoster();
      const next = (i: number) => {
        if (SHAPE === 'random' || i % BATCH === 0) roster = pickRoster();
        const { org, month, day } = roster;
        const city = cities[org % cities.length]!;
        const minutes = 60 + Math.floor(random() * 240);
        const kind = SHAPE === 'bulk' || random() < 0.85 ? ('shift' as const) : ('claim' as const);
        const hours = {
          hoursId: `bh${i}`,
          volunteerId: `bv${Math.floor(random() * volunteers)}`,
          orgId: orgIds[org]!,
          opportunityId: `bo${org}`,
          ...(kind === 'shift' && { shiftId: `bs${org}-${month}-${SHAPE === 'bulk' ? `${day}-${roster.shift}` : Math.floor(random() * 20)}` }),
          kind,
          date: `${month}-${SHAPE === 'bulk' ? day : String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          minutes,
          track: tracks[Math.floor(random() * tracks.length)]!,
          causes: [causes[Math.floor(random() * causes.length)]!],
          city: city.id,
          region: city.region,
          valueSar: round((minutes / 60) * 45),
        };
        entries.push({ ...hours, month: hours.date.slice(0, 7), valueHalalas: toHalalas(hours.valueSar), reversalIds: [] });
        return { eventId: `be${i}`, hours };
      };

      const stats = { transactions: 0, transactItems: 0, reads: 0, conflicts: 0, entries: 0, activities: 0, shifts: 0, counterItems: 0, counterUpdates: 0 };
      const store = impactRepository(undefined, undefined, stats);
      const started = Date.now();
      let produced = 0;
      let fallbacks = 0;
      let done = 0;
      const worker = async () => {
        while (produced < EVENTS && Date.now() - started < SECONDS * 1000) {
          const batch = Array.from({ length: Math.min(BATCH, EVENTS - produced) }, () => next(produced++));
          const result = await recordApprovalBatch(store, batch);
          fallbacks += result.fallbacks;
          done += batch.length;
          if (done % 20_000 < batch.length) log(`${done.toLocaleString('en')} events, ${round(done / ((Date.now() - started) / 1000), 0)}/s`);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      const seconds = (Date.now() - started) / 1000;
      const applied = entries.length;
      const perSecond = applied / seconds;

      log('recounting');
      const recount = recountHours(entries);
      const scopes = new Set([...recount.keys()].map((key) => key.split('|')[0]!));
      let cells = 0;
      let differences = 0;
      for (const scopeId of scopes) {
        const [kind, id] = scopeId.split(':');
        const scope = kind === 'national' ? ({ kind: 'national' } as const) : ({ kind, id } as { kind: 'region' | 'city' | 'organization'; id: string });
        const stored = await store.counters(scope, months[0]!, months.at(-1)!);
        for (const month of months) {
          cells += 1;
          if (JSON.stringify(comparable(recount.get(`${scopeId}|${month}`))) !== JSON.stringify(comparable(stored.months.get(month)))) differences += 1;
        }
      }

      log('views');
      const admin = await platform.issuer.mint({ sub: 'bench-admin', groups: ['ministry-admin'] });
      // The handlers run in this process on the shared document client: count what a view sends to DynamoDB.
      const { documentClient } = await import('../../shared/db/client.js');
      let dynamoRequests = 0;
      documentClient().middlewareStack.add((next) => async (args) => {
        dynamoRequests += 1;
        return next(args);
      });
      const time = async (path: string) => {
        const samples: number[] = [];
        const before = dynamoRequests;
        for (let i = 0; i < VIEW_REQUESTS; i++) {
          const t = performance.now();
          const response = await fetch(`${platform.apiUrl}${path}`, { headers: { authorization: `Bearer ${admin}` } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
          samples.push(performance.now() - t);
        }
        return { p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), requests: round((dynamoRequests - before) / VIEW_REQUESTS, 1) };
      };
      const org = await time(`/v1/organizations/${orgIds[0]}/impact?from=2024-12&to=2026-11`);
      const byRegion = await time('/v1/stats/national?from=2024-12&to=2026-11&groupBy=region');
      const byMonth = await time('/v1/stats/national?from=2024-12&to=2026-11&groupBy=month');
      const yearly = 80_000_000;
      return {
        rows: [
          { measure: 'HoursApproved applied', result: applied.toLocaleString('en'), goal: EVENTS.toLocaleString('en'), verdict: applied === EVENTS ? 'PASS' : 'PARTIAL (time budget)' },
          { measure: 'events/s (batches of 100, 4 in parallel)', result: round(perSecond, 0), goal: `${round(yearly / 365 / 86_400, 1)}/s average at 80 M/yr`, verdict: verdict(perSecond > yearly / 365 / 86_400) },
          { measure: 'time for 1,000,000 (extrapolated at this rate)', result: `${round(1_000_000 / perSecond / 60, 1)} min`, goal: '', verdict: '' },
          { measure: 'write items per event (TransactWriteItems, 2 WRU each)', result: round(stats.transactItems / applied), goal: '', verdict: '' },
          {
            measure: '… of which ledger entry / volunteer activity / shift / counter items',
            result: [stats.entries, stats.activities, stats.shifts, stats.counterItems].map((n) => round(n / applied)).join(' / '),
            goal: '',
            verdict: '',
          },
          {
            measure: 'counter items per event: one ADD per counter item per event → merged per item within a transaction',
            result: `${round(stats.counterUpdates / applied)} → ${round(stats.counterItems / applied)}`,
            goal: '',
            verdict: '',
          },
          { measure: 'transactions / conflicts retried / chunks that failed (a duplicate or a concurrent change: read again)', result: `${stats.transactions} / ${stats.conflicts} / ${fallbacks}`, goal: '', verdict: '' },
          { measure: 'read requests (BatchGetItem) per event', result: round(stats.reads / applied, 3), goal: '', verdict: '' },
          { measure: 'scope-months differing from a recount', result: `${differences} of ${cells}`, goal: '0', verdict: verdict(differences === 0) },
          { measure: 'GET organisation impact, 24 months (p50 / p99 ms; DynamoDB requests per view)', result: `${org.p50} / ${org.p99}; ${org.requests}`, goal: `p99 ≤ ${GOAL_P99_MS}`, verdict: verdict(org.p99 <= GOAL_P99_MS) },
          { measure: 'GET national stats by region, 24 months × 13 regions (p50 / p99 ms; DynamoDB requests per view)', result: `${byRegion.p50} / ${byRegion.p99}; ${byRegion.requests}`, goal: `p99 ≤ ${GOAL_P99_MS}`, verdict: verdict(byRegion.p99 <= GOAL_P99_MS) },
          { measure: 'GET national stats by month, 24 months (p50 / p99 ms; DynamoDB requests per view)', result: `${byMonth.p50} / ${byMonth.p99}; ${byMonth.requests}`, goal: `p99 ≤ ${GOAL_P99_MS}`, verdict: verdict(byMonth.p99 <= GOAL_P99_MS) },
        ],
        notes: [
          `${volunteers.toLocaleString('en')} volunteers, ${orgIds.length} organisations, ${Object.keys(regions).length} regions, 24 months; ${round(seconds, 0)} s of applying`,
          'writes per event count the items of the batch transactions (ledger entry + volunteer activity + shift + merged counters); the single-event consumer path (EventBridge → Lambda) writes ~7 items per event plus its consumed-event marker',
          loadNote(),
        ],
      };
    } finally {
      await stopPlatform(platform, dynamoPort);
    }
  },
};

export default benchmark;
