/**
 * The company contribution report (issue 15) over a year of counters for a company with many
 * employees: BENCH_COMPANY_APPROVALS HoursApproved of BENCH_COMPANY_EMPLOYEES employees spread
 * over 12 months go through the contributions domain (what the CompanyHours consumer runs,
 * BENCH_COMPANY_PARALLEL at a time) on DynamoDB Local; then `GET /v1/companies/{id}/report`
 * for those 12 months through the local gateway, as JSON and as CSV, sequential on kept-alive
 * connections: p50/p99 (goal p99 ≤ 50 ms). The report must equal a recount of the ledger.
 */
import { Agent } from 'node:http';
import { freePort, httpClient, loadNote, median, percentile, round, stopPlatform, timeMs, verdict, type Benchmark } from './lib.js';

const EMPLOYEES = Number(process.env.BENCH_COMPANY_EMPLOYEES ?? 3_000);
const APPROVALS = Number(process.env.BENCH_COMPANY_APPROVALS ?? 12_000);
const PARALLEL = Number(process.env.BENCH_COMPANY_PARALLEL ?? 8);
const REQUESTS = Number(process.env.BENCH_COMPANY_REQUESTS ?? 300);
const WARMUP = 30;
const GOAL_P99_MS = 50;

process.env.LOCAL_CRON = 'off';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const benchmark: Benchmark = {
  name: 'company-report',
  title: `GET /v1/companies/{id}/report over 12 months of counters, ${EMPLOYEES.toLocaleString('en')} employees, ${APPROVALS.toLocaleString('en')} approvals, through the local gateway (JSON and CSV; goal p99 ≤ ${GOAL_P99_MS} ms; equal to a recount)`,
  async run({ log }) {
    const { startPlatform } = await import('../../infra/local/platform.js');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/db/client.js');
    const { env } = await import('../../shared/env.js');
    const { companyRepository } = await import('../../shared/db/company-repository.js');
    const { companyContributionRepository } = await import('../../shared/db/company-contribution-repository.js');
    const { companyEmployeeCounts } = await import('../../shared/db/entities/company-employee.js');
    const { recordApproval, recount } = await import('../../shared/domain/companies/contributions.js');
    const { monthRange } = await import('../../shared/domain/impact/months.js');
    const { prng } = await import('../helpers/impact-events.js');
    const { ulid } = await import('ulid');
    const dynamoPort = await freePort();
    const platform = await startPlatform({ apiPort: 0, sesPort: 0, dynamoPort, tableName: `bench-company-${Date.now()}` });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = httpClient(agent);
    try {
      const companyId = ulid();
      const at = '2025-01-01T08:00:00.000Z';
      const companies = companyRepository();
      await companies.create(
        { id: companyId, nameAr: 'شركة الأفق', nameEn: 'Horizon Co.', crNumber: '1010999999', contactEmail: 'csr@horizon.example.sa', emailDomains: ['horizon.example.sa'], status: 'pending', registeredBy: { sub: 'bench-admin' }, createdAt: at, updatedAt: at },
        { status: 'pending', at, by: 'bench-admin', reason: 'registered' },
        [],
      );
      await companies.transition(companyId, 'pending', { status: 'active', from: 'pending', at, by: 'reviewer' }, { firstAdmin: { companyId, sub: 'bench-admin', addedBy: 'reviewer', addedAt: at }, keepCr: '1010999999' });
      // The employee counters as EMPLOYEES joins leave them (joining itself is measured elsewhere: not this report).
      await documentClient().send(
        new UpdateCommand({
          TableName: env.tableName,
          Key: companyEmployeeCounts.keys.item(companyId),
          UpdateExpression: 'SET #current = :n, joined = :n, entity = :e',
          ExpressionAttributeNames: { '#current': 'current' },
          ExpressionAttributeValues: { ':n': EMPLOYEES, ':e': companyEmployeeCounts.name },
        }),
      );

      const months = monthRange('2025-01', '2025-12');
      const orgs = Array.from({ length: 40 }, () => ulid());
      const causes = ['health', 'education', 'environment', 'elderly', 'orphans', 'disability'];
      const random = prng(15);
      const details = Array.from({ length: APPROVALS }, (_, i) => {
        const month = months[Math.floor(random() * months.length)]!;
        const minutes = 60 + Math.floor(random() * 240);
        return {
          hoursId: `ch${i}`,
          volunteerId: `cv${Math.floor(random() ** 1.5 * EMPLOYEES)}`, // some employees give much more than others
          orgId: orgs[Math.floor(random() * orgs.length)]!,
          date: `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          causes: [causes[Math.floor(random() * causes.length)]!],
          minutes,
          valueSar: round(minutes * 0.75),
        };
      });
      const store = companyContributionRepository();
      const deps = { store, membership: async () => ({ companyId, joinedAt: at }) };
      const seedStart = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < details.length) {
            const index = next++;
            await recordApproval(deps, details[index]!);
            if ((index + 1) % 2000 === 0) log(`approval ${(index + 1).toLocaleString('en')} recorded`);
          }
        }),
      );
      const seedSeconds = (Date.now() - seedStart) / 1000;

      const token = await platform.issuer.mint({ sub: 'bench-admin', groups: ['volunteer', 'company-admin'], companyId });
      const url = `${platform.apiUrl.replace('//localhost:', '//127.0.0.1:')}/v1/companies/${companyId}/report?from=2025-01&to=2025-12`;
      const get = (accept: string) => async () => {
        const response = await call(url, 'GET', { authorization: `Bearer ${token}`, accept });
        if (response.status !== 200) throw new Error(`report answered ${response.status}: ${response.body}`);
        return response.body;
      };
      const json = get('application/json');
      const csv = get('text/csv');
      for (let i = 0; i < WARMUP; i++) {
        await json();
        await csv();
      }
      const samples = { json: [] as number[], csv: [] as number[] };
      for (let i = 0; i < REQUESTS; i++) {
        samples.json.push(await timeMs(json));
        samples.csv.push(await timeMs(csv));
      }

      const report = JSON.parse(await json()) as Record<string, unknown>;
      const recounted = recount(companyId, { current: EMPLOYEES, joined: EMPLOYEES }, await store.ledger(companyId), '2025-01', '2025-12');
      const equal = JSON.stringify(report) === JSON.stringify(recounted);
      const row = (name: string, ms: number[]) => ({
        call: name,
        requests: ms.length,
        'p50 ms': round(median(ms)),
        'p99 ms': round(percentile(ms, 99)),
        goal: `p99 ≤ ${GOAL_P99_MS} ms`,
        result: verdict(percentile(ms, 99) <= GOAL_P99_MS),
      });
      return {
        rows: [
          row('GET …/report (JSON), 12 months', samples.json),
          row('GET …/report (Accept: text/csv), 12 months', samples.csv),
          { call: 'report equal to a recount of the ledger', requests: 1, 'p50 ms': '', 'p99 ms': '', goal: 'equal', result: verdict(equal) },
          {
            call: `seeding: ${APPROVALS.toLocaleString('en')} approvals through the contributions domain, ${PARALLEL} at a time`,
            requests: APPROVALS,
            'p50 ms': round((seedSeconds * 1000 * PARALLEL) / APPROVALS),
            'p99 ms': '',
            goal: '(approvals/s: ' + round(APPROVALS / seedSeconds, 0) + ')',
            result: '—',
          },
        ],
        notes: [
          loadNote(),
          `${EMPLOYEES.toLocaleString('en')} employees (${new Set(details.map((d) => d.volunteerId)).size.toLocaleString('en')} with approved hours), 40 organisations, 6 causes; the report reads the 12 months × 4 shard counters and the employee counters (no recount on read)`,
          `${REQUESTS} sequential requests of each kind after ${WARMUP} warm-up, kept-alive connection; DynamoDB Local in memory; client, gateway and handler share one Node process (${process.version})`,
        ],
      };
    } finally {
      agent.destroy();
      await stopPlatform(platform, dynamoPort);
    }
  },
};

export default benchmark;
