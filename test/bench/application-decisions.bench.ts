/**
 * Manager decisions through the local gateway: one shift of capacity 1,000 (BENCH_CAPACITY),
 * as many pending applications (each with its ApplicationReview execution waiting at
 * AwaitDecision), then 200 concurrent clients (BENCH_CLIENTS) approve them all. Measured:
 * - the decision requests (HTTP, JWT, handler, conditional write, SendTaskSuccess to the local
 *   runner): decisions per second, p50/p99 latency;
 * - the seats that follow (the resumed executions screen again and run ReserveSeat, all
 *   contending for the one shift item): seats reserved per second until every execution settled;
 * - TransactionConflict cancellations retried with jittered backoff (`transactionStats`).
 * Correctness is checked, not assumed: exactly `capacity` approved, seatsTaken = capacity.
 * Runs its own in-memory platform (DynamoDB Local, SES emulator, gateway) on free ports.
 */
import { Agent } from 'node:http';
import { freePort, median, percentile, round, verdict, type Benchmark, httpClient, stopPlatform } from './lib.js';

const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 1_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
/** Parallel applications while seeding (not measured). */
const SEED_PARALLELISM = 25;

process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

/**
 * No keep-alive: with the gateway, the runner and 1,000 executions in one busy process, a reused
 * socket can meet the server's 5 s keep-alive close (ECONNRESET); a fresh localhost connection
 * per request costs far less than what is measured.
 */
const agent = new Agent({ keepAlive: false, maxSockets: CLIENTS });
const call = httpClient(agent);


/** Runs `task` over `items` with at most `parallel` at once. */
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
  name: 'application-decisions',
  title: `manager approvals through the local gateway on one shift of capacity ${CAPACITY.toLocaleString('en')}, ${CLIENTS} concurrent clients: decisions/s, p50/p99, seats reserved/s, transaction-conflict retries (goal: exactly ${CAPACITY} seats, never more)`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-${Date.now()}` });
    try {
      const support = await import('../integration/applications-support.js');
      const { localWorkflowRunner } = await import('../../infra/local/workflows.js');
      const { transactionStats } = await import('../../shared/db/application-repository.js');
      const runner = localWorkflowRunner();
      const api = platform.apiUrl.replace('//localhost:', '//127.0.0.1:');

      const seeded = await support.seedOpportunity({
        requiresApproval: true,
        shifts: [{ start: support.hoursFromNow(240), end: support.hoursFromNow(244), capacity: CAPACITY }],
      });
      const orgId = seeded.opportunity.orgId;
      const shiftId = seeded.shifts[0]!.id;
      log(`seeding ${CAPACITY} volunteers and their pending applications`);
      const volunteers = await pool(Array.from({ length: CAPACITY }, (_, i) => i), SEED_PARALLELISM, () => support.seedVolunteer());
      const ids = await pool(volunteers, SEED_PARALLELISM, async (sub) => {
        const token = await platform.issuer.mint({ sub, groups: ['volunteer'] });
        // With an Idempotency-Key a retried apply is the same application, never a 409.
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${sub}` };
        const send = () => call(`${api}/v1/opportunities/${seeded.opportunity.id}/applications`, 'POST', headers, JSON.stringify({ shiftId }));
        const response = await send().catch(send);
        if (response.status !== 202) throw new Error(`apply answered ${response.status}: ${response.body}`);
        return (JSON.parse(response.body) as { id: string }).id;
      });
      const executions = new Map(runner.list().map((e) => [e.name, e.executionId]));
      const executionIds = ids.map((id) => executions.get(`app-${id}`)!);
      await Promise.all(executionIds.map((e) => runner.waitingAt(e, 'AwaitDecision')));
      log(`${ids.length} applications pending; ${CLIENTS} clients decide`);

      const manager = await platform.issuer.mint({ sub: 'bench-manager', groups: ['org-manager'], orgId });
      const headers = { authorization: `Bearer ${manager}`, 'content-type': 'application/json' };
      const body = JSON.stringify({ decision: 'approve' });
      const retriesBefore = transactionStats.conflictRetries;
      const transactionsBefore = transactionStats.transactions;
      const latencies: number[] = [];
      let failures = 0;
      const started = process.hrtime.bigint();
      await pool(ids, CLIENTS, async (id) => {
        const t0 = process.hrtime.bigint();
        const response = await call(`${api}/v1/applications/${id}/decision`, 'POST', headers, body);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (response.status !== 200) failures += 1;
      });
      const decidedMs = Number(process.hrtime.bigint() - started) / 1e6;
      await Promise.all(executionIds.map((e) => runner.settled(e)));
      const settledMs = Number(process.hrtime.bigint() - started) / 1e6;
      const retries = transactionStats.conflictRetries - retriesBefore;
      const transactions = transactionStats.transactions - transactionsBefore;

      const account = await support.accountFor(seeded, ids);
      const approved = account.byStatus.approved ?? 0;
      const correct = approved === CAPACITY && account.seatsTaken === CAPACITY && account.bookings === CAPACITY && failures === 0;
      return {
        rows: [
          {
            measure: 'POST /v1/applications/{id}/decision',
            decisions: ids.length,
            clients: CLIENTS,
            'per s': round((ids.length / decidedMs) * 1000, 1),
            'p50 ms': round(median(latencies)),
            'p99 ms': round(percentile(latencies, 99)),
            'non-200': failures,
            result: '—',
          },
          {
            measure: 'decision → seat reserved (ScreenAgain + ReserveSeat, until all settled)',
            decisions: ids.length,
            clients: CLIENTS,
            'per s': round((ids.length / settledMs) * 1000, 1),
            'p50 ms': '—',
            'p99 ms': '—',
            'non-200': '—',
            result: verdict(correct),
          },
          {
            measure: `transaction-conflict retries (of ${transactions} seat transactions)`,
            decisions: retries,
            clients: CLIENTS,
            'per s': '—',
            'p50 ms': '—',
            'p99 ms': '—',
            'non-200': '—',
            result: `${approved} approved, seatsTaken ${account.seatsTaken}/${account.capacity}`,
          },
        ],
        notes: [
          `client, gateway, handlers, the local workflow runner and DynamoDB Local (in memory, Java) share this machine (${process.version}); every seat transaction updates the same shift item, so they serialise on it`,
          'a decision answers once it is recorded and the waiting execution resumed; the seat is then reserved by the workflow, which is what the second row measures',
          'conflict retries count TransactWriteItems cancelled only by TransactionConflict and retried with full-jitter backoff (8 ms base, 400 ms cap); DynamoDB Local applies transactions one at a time and rarely reports conflicts, so expect more in the cloud, where the count is the Powertools-free process counter `transactionStats` per function instance',
          'every handler in this process shares one DynamoDB client (512 sockets locally) and one event loop with the gateway and the workflow runner; in Lambda each function instance has its own client and process',
        ],
      };
    } finally {
      agent.destroy();
      await stopPlatform(platform, dynamoPort);
    }
  },
};

export default benchmark;
