/**
 * Cold starts (issue 17): every Lambda bundle's size without the AWS SDK and how long a fresh
 * Node process takes to import it, against a floor measured in the same run: a handler doing
 * one DynamoDB DocumentClient GetItem (test/bench/floor/get-item.ts), bundled both ways with
 * the project's esbuild settings (`esbuildOptions`, infra/constructs/bundling.ts, the settings
 * the deployed NodejsFunction uses): with the AWS SDK bundled, and with it left external as the
 * nodejs22.x runtime would provide it. Each function's ratio is over the better of the two.
 *
 * Import time is measured inside the child around `await import(bundle)` (module parse and
 * evaluation, what a cold start pays beyond the runtime's own start), in a fresh process each
 * time, with the environment a deployed function has (tracing on): CPU time for the ratio (it
 * holds still on a shared machine), wall time printed beside it.
 * Runs are interleaved (floor, floor, every function; repeat), so drift of the shared machine
 * touches the floors and the functions alike; the median of `BENCH_LOAD_RUNS` (7) is kept.
 * Bundles are written inside the repository (the work dir is under node_modules/.cache), so an
 * external `@aws-sdk/*` resolves from the repository's node_modules as it does in the runtime.
 * `BENCH_BUNDLES=<substring>[,<substring>…]` limits the functions (the floors always run).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { bundlingSettings, esbuildOptions } from '../../infra/constructs/bundling.js';
import { handlerEntries, type HandlerEntry } from '../../infra/handler-entries.js';
import { loadNote, median, round, verdict, type Benchmark, type Row } from './lib.js';

const MAX_KB = 250;
const MAX_RATIO = 1.3;
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 7);
const FLOOR_ENTRY = 'test/bench/floor/get-item.ts';

/** The AWS SDK and what only it pulls in: not counted against the size goal. */
const SDK_PACKAGE = /^(@aws-sdk\/|@smithy\/|@aws-crypto\/|@aws\/lambda-invoke-store$|tslib$|fast-xml-parser$|strnum$|bowser$|uuid$|mnemonist$|obliterator$)/;

/** The deployed handlers, or those whose entry contains one of `BENCH_BUNDLES`' parts. */
const entries = (): HandlerEntry[] => {
  const only = process.env.BENCH_BUNDLES?.split(',').filter(Boolean);
  return handlerEntries().filter((e) => !only || only.some((part) => e.entry.includes(part)));
};

/** The environment a deployed function starts with (module scope may read it). */
const lambdaEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'me-central-1',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  TABLE_NAME: 'bench',
  IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
  EVENT_BUS_NAME: 'bench',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  // As in the cloud (active tracing).
  POWERTOOLS_TRACE_ENABLED: 'true',
  NODE_OPTIONS: '',
};

/**
 * One fresh `node` process importing `file`: wall and CPU milliseconds of the import (CPU time
 * of the process, all its threads: on a shared, loaded machine it stays close to what the import
 * costs on a core of its own, where wall time swings with the neighbours). Throws if the import
 * fails or the module exports no handler.
 */
const importMs = (file: string, cwd: string): { wall: number; cpu: number } => {
  const code = [
    'const c0 = process.cpuUsage(); const t0 = performance.now();',
    `const m = await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const wall = performance.now() - t0; const c = process.cpuUsage(c0);',
    "if (typeof m.handler !== 'function') { console.error('no handler export'); process.exit(3); }",
    'process.stdout.write(JSON.stringify({ wall, cpu: (c.user + c.system) / 1000 }));',
  ].join(' ');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, env: lambdaEnv, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`importing ${file} failed (${child.status ?? child.signal}): ${child.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return JSON.parse(child.stdout) as { wall: number; cpu: number };
};

const packageOf = (path: string): string => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? 'project code';

interface Built {
  readonly file: string;
  readonly totalKb: number;
  /** Bytes of the output that are not the AWS SDK (or only its dependencies). */
  readonly ownKb: number;
  readonly largest: string;
  /** AWS SDK modules bundled from their CommonJS build (dist-cjs) instead of the ESM one. */
  readonly sdkCjs: number;
}

const bundle = async (root: string, entry: string, file: string, externalModules?: readonly string[]): Promise<Built> => {
  const { metafile } = await build({ ...esbuildOptions(resolve(root, entry), file, externalModules ? { externalModules } : {}), metafile: true });
  const sizes = new Map<string, number>();
  let sdkCjs = 0;
  for (const output of Object.values((metafile as Metafile).outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      sizes.set(packageOf(path), (sizes.get(packageOf(path)) ?? 0) + input.bytesInOutput);
      if (SDK_PACKAGE.test(packageOf(path)) && path.includes('/dist-cjs/')) sdkCjs++;
    }
  }
  const sdkBytes = [...sizes].filter(([name]) => SDK_PACKAGE.test(name)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const totalKb = statSync(file).size / 1024;
  const largest = [...sizes]
    .filter(([name]) => !SDK_PACKAGE.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, bytes]) => `${name} ${Math.round(bytes / 1024)}`)
    .join(', ');
  return { file, totalKb, ownKb: totalKb - sdkBytes / 1024, largest, sdkCjs };
};

const benchmark: Benchmark = {
  name: 'bundles',
  title: `Cold start per function: import time ≤ ${MAX_RATIO}× the best GetItem floor of the same run, bundle ≤ ${MAX_KB} KB without the AWS SDK (median of ${RUNS} fresh processes)`,
  async run({ root, workDir, log }) {
    const list = entries();
    if (list.length === 0) throw new Error('no handler entries found in the route, schedule, consumer or workflow lists');
    const sdkBundled = !bundlingSettings.externalModules.some((m) => m.startsWith('@aws-sdk'));
    const floors = [
      { name: 'floor: GetItem, AWS SDK bundled', built: await bundle(root, FLOOR_ENTRY, join(workDir, 'floor-bundled', 'index.mjs'), []) },
      { name: 'floor: GetItem, AWS SDK external (runtime copy)', built: await bundle(root, FLOOR_ENTRY, join(workDir, 'floor-external', 'index.mjs'), ['@aws-sdk/*']) },
    ];
    const functions: Array<{ entry: string; kind: string; built: Built }> = [];
    for (const [index, { entry, kind }] of list.entries()) {
      const file = join(workDir, `${String(index).padStart(3, '0')}-${entry.replace(/[^\w]+/g, '_')}`, 'index.mjs');
      functions.push({ entry, kind, built: await bundle(root, entry, file) });
    }
    log(`bundled ${functions.length} function(s) and the floor both ways; timing ${RUNS} fresh imports each`);

    // Warm the file-system cache and prove every bundle loads before timing anything.
    const all = [...floors.map((f) => f.built.file), ...functions.map((f) => f.built.file)];
    for (const file of all) importMs(file, workDir);
    const samples = new Map<string, Array<{ wall: number; cpu: number }>>(all.map((file) => [file, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const file of all) samples.get(file)!.push(importMs(file, workDir));
    }
    const ms = (file: string) => median(samples.get(file)!.map((s) => s.cpu));
    const wallMs = (file: string) => median(samples.get(file)!.map((s) => s.wall));
    const best = Math.min(...floors.map((f) => ms(f.built.file)));

    const rows: Row[] = [
      ...floors.map(({ name, built }) => ({
        function: name,
        kind: 'floor',
        'import ms (CPU)': round(ms(built.file), 1),
        ratio: round(ms(built.file) / best, 2),
        'wall ms': round(wallMs(built.file), 1),
        'KB without SDK': round(built.ownKb, 1),
        'KB total': round(built.totalKb, 1),
        result: '',
        'largest parts without SDK (KB)': built.largest,
      })),
      ...functions.map(({ entry, kind, built }) => {
        const ratio = ms(built.file) / best;
        return {
          function: entry,
          kind,
          'import ms (CPU)': round(ms(built.file), 1),
          ratio: round(ratio, 2),
          'wall ms': round(wallMs(built.file), 1),
          'KB without SDK': round(built.ownKb, 1),
          'KB total': round(built.totalKb, 1),
          result: verdict(ratio <= MAX_RATIO && built.ownKb <= MAX_KB),
          'largest parts without SDK (KB)': built.largest,
        };
      }),
    ];
    const ratios = functions.map((f) => ms(f.built.file) / best);
    const passing = functions.filter((f, i) => ratios[i]! <= MAX_RATIO && f.built.ownKb <= MAX_KB).length;
    return {
      rows,
      notes: [
        loadNote(),
        `best floor ${round(best, 1)} ms; functions ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)}× it, ${round(Math.min(...functions.map((f) => f.built.ownKb)), 0)}–${round(Math.max(...functions.map((f) => f.built.ownKb)), 0)} KB without the SDK; ${passing} of ${functions.length} within both goals`,
        `functions bundled with the deployed settings: AWS SDK ${sdkBundled ? 'bundled (tree-shaken, minified ESM)' : 'external (the runtime copy, loaded from node_modules here)'}, mainFields ${bundlingSettings.mainFields.join(', ')}, esbuild's default conditions; AWS SDK modules taken from a CommonJS build: ${functions.reduce((n, f) => n + f.built.sdkCjs, floors[0]!.built.sdkCjs)}; ${process.version}`,
        'import ms = median CPU time of `await import(bundle)` in a fresh process (tracing on, as deployed), the ratio is over it; wall ms = median wall time of the same imports; "without SDK" leaves out @aws-sdk/*, @smithy/*, @aws-crypto/* and the packages only they use',
      ],
    };
  },
};

export default benchmark;
