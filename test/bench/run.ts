/**
 * `npm run bench` runs every benchmark module in test/bench; `npm run bench -- <name> …` only
 * those. A module is a file `<name>.bench.ts` whose default export is a `Benchmark`
 * (`{ name, title, run(context) }`, see lib.ts) returning `{ rows, notes? }`; adding a
 * benchmark is adding such a file, there is nothing to register.
 *
 * Each module runs in a fresh Node process (this file with `--child`), so one module's
 * environment, singletons, ports and child processes never affect another's measurements.
 * Results are printed as tables and written to test/bench/results/latest.json and latest.md;
 * when only some modules run, the others' previous results are kept in those files.
 * Rows carry their own goal and a PASS/FAIL verdict: a FAIL is a finding, not a crash, so the
 * exit code is 1 only when a module itself fails.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult, Row } from './lib.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = join(HERE, 'results');
const SUFFIX = '.bench.ts';

interface Recorded extends BenchResult {
  readonly title: string;
  readonly ranAt: string;
  readonly seconds: number;
}

interface ResultsFile {
  readonly machine: { node: string; cpu: string; cores: number; platform: string };
  readonly benchmarks: Record<string, Recorded>;
}

const runChild = async (file: string, workDir: string, out: string): Promise<void> => {
  const module = (await import(pathToFileURL(file).href)) as { default?: Benchmark };
  const benchmark = module.default;
  if (!benchmark || typeof benchmark.run !== 'function') throw new Error(`${file} has no default export { name, title, run }`);
  const result = await benchmark.run({ root: ROOT, workDir, log: (message) => process.stderr.write(`  ${message}\n`) });
  writeFileSync(out, JSON.stringify({ title: benchmark.title, ...result }));
};

const columns = (rows: readonly Row[]): string[] => [...new Set(rows.flatMap((row) => Object.keys(row)))];

const textTable = (rows: readonly Row[]): string => {
  const names = columns(rows);
  const cells = [names, ...rows.map((row) => names.map((name) => String(row[name] ?? '')))];
  const widths = names.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
};

const markdownTable = (rows: readonly Row[]): string => {
  const names = columns(rows);
  const escape = (value: string) => value.replace(/\|/g, '\\|');
  return [
    `| ${names.join(' | ')} |`,
    `|${names.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${names.map((name) => escape(String(row[name] ?? ''))).join(' | ')} |`),
  ].join('\n');
};

const markdown = (results: ResultsFile): string =>
  [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (test/bench/run.ts). Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.platform}, Node ${results.machine.node}.`,
    '',
    ...Object.entries(results.benchmarks).flatMap(([name, result]) => [
      `## ${name}: ${result.title}`,
      '',
      `Run ${result.ranAt} (${result.seconds} s).`,
      '',
      markdownTable(result.rows),
      '',
      ...(result.notes ?? []).map((note) => `- ${note}`),
      ...(result.notes?.length ? [''] : []),
    ]),
  ].join('\n');

const main = async (): Promise<number> => {
  if (process.argv[2] === '--child') {
    await runChild(process.argv[3]!, process.argv[4]!, process.argv[5]!);
    return 0;
  }
  const available = readdirSync(HERE)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => basename(file, SUFFIX))
    .sort();
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
    return 1;
  }
  const selected = wanted.length > 0 ? wanted : available;

  mkdirSync(RESULTS, { recursive: true });
  const previous: ResultsFile | undefined = existsSync(join(RESULTS, 'latest.json'))
    ? (JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8')) as ResultsFile)
    : undefined;
  const benchmarks: Record<string, Recorded> = { ...previous?.benchmarks };
  for (const name of Object.keys(benchmarks)) if (!available.includes(name)) delete benchmarks[name];

  const cacheDir = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  let failed = 0;
  for (const name of selected) {
    const workDir = mkdtempSync(join(cacheDir, `tatawwu-bench-${name}-`));
    const out = join(workDir, 'result.json');
    console.log(`\n▶ ${name}`);
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', join(HERE, `${name}${SUFFIX}`), workDir, out], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    if (child.status !== 0 || !existsSync(out)) {
      console.error(`✗ ${name} failed (exit ${child.status ?? child.signal})`);
      failed += 1;
      rmSync(workDir, { recursive: true, force: true });
      continue;
    }
    const { title, ...result } = JSON.parse(readFileSync(out, 'utf8')) as BenchResult & { title: string };
    rmSync(workDir, { recursive: true, force: true });
    benchmarks[name] = { title, ranAt: new Date().toISOString(), seconds, ...result };
    console.log(`\n${name}: ${title}\n\n${textTable(result.rows)}`);
    for (const note of result.notes ?? []) console.log(`  note: ${note}`);
  }

  const ordered = Object.fromEntries(Object.keys(benchmarks).sort().map((name) => [name, benchmarks[name]!]));
  const results: ResultsFile = {
    machine: { node: process.version, cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, platform: `${process.platform}-${process.arch}` },
    benchmarks: ordered,
  };
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), markdown(results));
  console.log(`\nresults: ${join('test/bench/results', 'latest.json')} and latest.md${failed ? `; ${failed} benchmark(s) failed` : ''}`);
  return failed > 0 ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
