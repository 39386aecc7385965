/**
 * Bulk verification: 1,000 pending hours records (BENCH_RECORDS), each with its HoursVerification
 * execution waiting at AwaitDecision, approved by a manager in 10 bulk calls of 100 through the
 * local gateway. Measured: time per call and in all, DynamoDB requests per record (every request
 * the handlers sent through the shared document client during the calls, by command), and
 * checked: every record approved once, every execution resumed once and SUCCEEDED.
 */
import { Agent } from 'node:http';
import { freePort, httpClient, median, round, stopPlatform, verdict, type Benchmark } from './lib.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000);
const BATCH = 100;
const SEED_PARALLELISM = Number(process.env.BENCH_SEED_PARALLELISM ?? 4);

process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const agent = new Agent({ keepAlive: false, maxSockets: 50 });
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
  name: 'hours-bulk-approval',
  title: `${RECORDS.toLocaleString('en')} pending hours approved in ${Math.ceil(RECORDS / BATCH)} bulk calls of ${BATCH} through the local gateway: time, DynamoDB requests per record, every workflow resumed once`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-${Date.now()}` });
    try {
      const support = await import('../integration/applications-support.js');
      const fx = await import('../integration/hours-support.js');
      const { documentClient } = await import('../../shared/db/client.js');
      const { localWorkflowRunner } = await import('../../infra/local/workflows.js');
      const runner = localWorkflowRunner();
      const api = platform.apiUrl.replace('//localhost:', '//127.0.0.1:');

      const seeded = await support.seedOpportunity({ shifts: [{ start: support.hoursFromNow(-5), end: support.hoursFromNow(-1), capacity: RECORDS }] });
      const shiftId = seeded.shifts[0]!.id;
      const orgId = seeded.opportunity.orgId;
      const manager = await platform.issuer.mint({ sub: 'bench-manager', groups: ['org-manager'], orgId });
      const headers = { authorization: `Bearer ${manager}`, 'content-type': 'application/json' };
      log(`seeding ${RECORDS} volunteers, seats and roster entries (pending hours, workflows waiting)`);
      const hoursIds = await pool(Array.from({ length: RECORDS }, (_, i) => i), SEED_PARALLELISM, async () => {
        const sub = await support.seedVolunteer();
        await fx.seedSeat(sub, seeded);
        const response = await call(`${api}/v1/shifts/${shiftId}/attendance`, 'POST', headers, JSON.stringify({ volunteerId: sub, status: 'present' }));
        if (response.status !== 200) throw new Error(`roster answered ${response.status}: ${response.body}`);
        return (JSON.parse(response.body) as { hoursId: string }).hoursId;
      });
      const executions = new Map(runner.list().map((e) => [e.name, e.executionId]));
      const executionIds = hoursIds.map((id) => executions.get(`hours-${id}-1`)!);
      await Promise.all(executionIds.map((e) => runner.waitingAt(e, 'AwaitDecision')));

      const counts = new Map<string, number>();
      documentClient().middlewareStack.add(
        (next, context) => async (args) => {
          counts.set(context.commandName ?? '?', (counts.get(context.commandName ?? '?') ?? 0) + 1);
          return next(args);
        },
        { step: 'initialize', name: 'benchRequestCounter' },
      );
      log(`${RECORDS} approvals in ${Math.ceil(RECORDS / BATCH)} bulk calls`);
      const callMs: number[] = [];
      let approved = 0;
      const started = process.hrtime.bigint();
      for (let i = 0; i < hoursIds.length; i += BATCH) {
        const items = hoursIds.slice(i, i + BATCH).map((hoursId) => ({ hoursId, decision: 'approve' }));
        const t0 = process.hrtime.bigint();
        const response = await call(`${api}/v1/organizations/${orgId}/hours/decisions`, 'POST', headers, JSON.stringify({ items }));
        callMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (response.status !== 200) throw new Error(`bulk answered ${response.status}: ${response.body}`);
        approved += (JSON.parse(response.body) as { succeeded: number }).succeeded;
      }
      const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
      documentClient().middlewareStack.remove('benchRequestCounter');
      const requests = [...counts.values()].reduce((a, b) => a + b, 0);
      const settled = await Promise.all(executionIds.map((e) => runner.settled(e)));
      const resumedOnce = settled.filter((e) => e.status === 'SUCCEEDED' && e.history.filter((h) => h.type === 'StateEntered' && h.state === 'AwaitDecision').length === 1).length;
      const stillPending = await call(`${api}/v1/organizations/${orgId}/hours?status=pending&limit=100`, 'GET', headers);
      const pendingLeft = (JSON.parse(stillPending.body) as { items: unknown[] }).items.length;
      const correct = approved === RECORDS && resumedOnce === RECORDS && pendingLeft === 0;
      return {
        rows: [
          {
            measure: `POST /v1/organizations/{orgId}/hours/decisions (${BATCH} items)`,
            records: RECORDS,
            calls: callMs.length,
            'total s': round(totalMs / 1000, 2),
            'per call p50 ms': round(median(callMs)),
            'max call ms': round(Math.max(...callMs)),
            'records/s': round((RECORDS / totalMs) * 1000, 1),
            result: verdict(correct),
          },
          {
            measure: 'DynamoDB requests per record',
            records: RECORDS,
            calls: requests,
            'total s': '—',
            'per call p50 ms': '—',
            'max call ms': '—',
            'records/s': round(requests / RECORDS, 2),
            result: [...counts.entries()].map(([name, n]) => `${name.replace('Command', '')} ${n}`).join(', '),
          },
          {
            measure: 'workflows resumed once and SUCCEEDED',
            records: resumedOnce,
            calls: '—',
            'total s': '—',
            'per call p50 ms': '—',
            'max call ms': '—',
            'records/s': '—',
            result: `${approved} approved, ${pendingLeft} left pending`,
          },
        ],
        notes: [
          `gateway, handlers, the local workflow runner and DynamoDB Local (in memory, Java) share this machine (${process.version}); each bulk call decides its items 8 at a time`,
          'per record: GetItem (the record) + one TransactWriteItems (the record conditioned on pending + version, and its HoursApproved outbox item); the valuation rate is read once per rate key per call; SendTaskSuccess to the runner is not a DynamoDB request of the handler (the local runner keeps its own store)',
        ],
      };
    } finally {
      agent.destroy();
      await stopPlatform(platform, dynamoPort);
    }
  },
};

export default benchmark;
