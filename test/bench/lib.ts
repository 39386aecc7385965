/**
 * What a benchmark module is, and the small helpers they share (percentiles, free ports,
 * goal verdicts). See run.ts for how modules are found and run.
 */
import { spawnSync } from 'node:child_process';
import { request, type Agent } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';

export type Cell = string | number;
/** One line of a result table; keys are column names, in the order they should print. */
export type Row = Readonly<Record<string, Cell>>;

export interface BenchContext {
  /** Repository root (absolute, with a trailing slash). */
  readonly root: string;
  /** A fresh directory inside the repository (so bundles resolve node_modules), removed afterwards. */
  readonly workDir: string;
  /** Progress output (stderr), not part of the results. */
  log(message: string): void;
}

export interface BenchResult {
  readonly rows: readonly Row[];
  /** Caveats printed under the table and kept with the results. */
  readonly notes?: readonly string[];
}

export interface Benchmark {
  /** kebab-case, equal to the file name without `.bench.ts`; `npm run bench -- <name>` selects it. */
  readonly name: string;
  /** One line: what is measured and against which goal. */
  readonly title: string;
  run(context: BenchContext): Promise<BenchResult>;
}

/** Nearest-rank percentile of already measured samples (milliseconds or anything else). */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
};

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const verdict = (pass: boolean): 'PASS' | 'FAIL' => (pass ? 'PASS' : 'FAIL');

/** Milliseconds elapsed while `fn` runs. */
export const timeMs = async (fn: () => unknown): Promise<number> => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** A TCP port that was free a moment ago on 127.0.0.1 (never the platform's defaults). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** Load average against the core count: timings on a busy machine are not comparable. */
export const loadNote = (): string =>
  `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores when it finished${loadavg()[0]! > cpus().length ? ' (busy machine: timings are pessimistic)' : ''}`;

/** A small HTTP client over `agent` (node:http, so keep-alive and socket limits are explicit). */
export const httpClient =
  (agent: Agent) =>
  (url: string, method = 'GET', headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

/** Stops a benchmark's platform and checks DynamoDB Local's Java process went with it. */
export const stopPlatform = async (platform: { stop(): Promise<void> }, dynamoPort: number): Promise<void> => {
  await platform.stop();
  const left = spawnSync('pgrep', ['-f', `DynamoDBLocal.jar -port ${dynamoPort} `], { encoding: 'utf8' }).stdout.trim();
  if (left) throw new Error(`DynamoDB Local (port ${dynamoPort}) is still running after stop(): pid ${left}`);
};
