/**
 * Every Lambda bundle: its size, and how long a fresh Node process takes to load it beyond a
 * bare Node start. Bundled with esbuild using `esbuildOptions` (infra/constructs/bundling.ts),
 * the settings the deployed NodejsFunction uses, so the measured bundle is the deployed one.
 *
 * Bundles are written inside the repository (the work dir is under node_modules/.cache), so the
 * `@aws-sdk/*` packages they leave external resolve from the repository's node_modules as they
 * do from the Lambda runtime. Each timed run imports the bundle and checks that it exports a
 * `handler` function; a bundle that fails to load fails the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { consumers } from '../../functions/consumers/index.js';
import { operations } from '../../functions/http/routes.js';
import { schedules } from '../../functions/schedules/index.js';
import { workflows } from '../../functions/workflows/index.js';
import { esbuildOptions } from '../../infra/constructs/bundling.js';
import { loadNote, median, round, verdict, type Benchmark, type Row } from './lib.js';

const MAX_KB = 250;
const MAX_LOAD_MS = 60;
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 15);

/** Every deployed handler module: one Lambda per distinct entry of the route, schedule, consumer and workflow lists. */
const entries = (): Array<{ entry: string; kind: string }> => {
  const all = [
    ...operations.map((r) => ({ entry: r.entry, kind: 'http' })),
    ...schedules.map((s) => ({ entry: s.entry, kind: 'schedule' })),
    ...consumers.map((c) => ({ entry: c.entry, kind: 'consumer' })),
    ...workflows.flatMap((w) => Object.values(w.tasks).map((task) => ({ entry: task.entry, kind: `workflow ${w.name}` }))),
  ];
  return [...new Map(all.map((e) => [e.entry, e])).values()].sort((a, b) => a.entry.localeCompare(b.entry));
};

/** The environment a deployed function starts with (module scope may read it). */
const lambdaEnv = {
  ...process.env,
  AWS_REGION: 'me-central-1',
  TABLE_NAME: 'bench',
  IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
  EVENT_BUS_NAME: 'bench',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  // As in the cloud (active tracing): the tracer and the X-Ray SDK are loaded at start.
  POWERTOOLS_TRACE_ENABLED: 'true',
  NODE_OPTIONS: '',
};

/** Wall time of one fresh `node` process running `code` as an ES module; throws if it fails. */
const nodeRun = (code: string, cwd: string): number => {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, env: lambdaEnv, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node exited with ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return ms;
};

/** The biggest packages in a bundle (where to look when it is over its goal). */
const largestPackages = (metafile: Metafile): string => {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'project code';
      sizes.set(name, (sizes.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, bytes]) => `${name} ${Math.round(bytes / 1024)}`)
    .join(', ');
};

const loadCode = (file: string) =>
  `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); if (typeof m.handler !== 'function') { console.error('no handler export'); process.exit(3); }`;

const benchmark: Benchmark = {
  name: 'bundles',
  title: `Lambda bundle size (goal ≤ ${MAX_KB} KB) and module load in a fresh Node process over bare Node (goal ≤ ${MAX_LOAD_MS} ms), median of ${RUNS}`,
  async run({ root, workDir, log }) {
    const list = entries();
    if (list.length === 0) throw new Error('no handler entries found in the route, schedule or consumer lists');
    const bundles: Array<{ entry: string; kind: string; file: string; kb: number; largest: string }> = [];
    for (const [index, { entry, kind }] of list.entries()) {
      const file = join(workDir, `${String(index).padStart(3, '0')}-${entry.replace(/[^\w]+/g, '_')}`, 'index.mjs');
      const { metafile } = await build({ ...esbuildOptions(resolve(root, entry), file), metafile: true });
      bundles.push({ entry, kind, file, kb: statSync(file).size / 1024, largest: largestPackages(metafile) });
    }
    log(`bundled ${bundles.length} handler(s); timing ${RUNS} fresh processes each`);

    // Warm the file-system cache and prove every bundle loads before timing anything.
    nodeRun('', workDir);
    for (const bundle of bundles) nodeRun(loadCode(bundle.file), workDir);

    // Interleaved, so that drift of the machine affects the baseline and the bundles alike.
    const bare: number[] = [];
    const loads = new Map<string, number[]>(bundles.map((b) => [b.file, []]));
    for (let run = 0; run < RUNS; run++) {
      bare.push(nodeRun('', workDir));
      for (const bundle of bundles) loads.get(bundle.file)!.push(nodeRun(loadCode(bundle.file), workDir));
    }
    const bareMs = median(bare);
    const rows: Row[] = bundles.map((bundle) => {
      const loadMs = median(loads.get(bundle.file)!) - bareMs;
      return {
        function: bundle.entry,
        kind: bundle.kind,
        'size KB': round(bundle.kb, 1),
        'size goal': `≤ ${MAX_KB}`,
        'load ms over bare': round(loadMs, 1),
        'load goal': `≤ ${MAX_LOAD_MS}`,
        result: verdict(bundle.kb <= MAX_KB && loadMs <= MAX_LOAD_MS),
        'largest parts (KB)': bundle.largest,
      };
    });
    return {
      rows,
      notes: [
        loadNote(),
        `bare \`node --input-type=module -e ""\` start: median ${round(bareMs, 1)} ms over ${RUNS} runs (${process.version}); load = median wall time of a process that imports the bundle, minus that`,
        'size is the minified, uncompressed bundle; @aws-sdk/* is external (the nodejs22.x runtime provides it) and is loaded from node_modules when timing, so its load time is included',
      ],
    };
  },
};

export default benchmark;
