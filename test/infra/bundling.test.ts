/**
 * Every deployed handler bundles with the settings NodejsFunction uses (infra/constructs/bundling.ts),
 * built once each and in parallel (the platform-stack test synthesises without code). The AWS SDK
 * comes from its ESM build, the X-Ray SDK is not in any bundle, and a built bundle loads in Node.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/constructs/bundling.js';
import { handlerEntries } from '../../infra/handler-entries.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = mkdtempSync(join(tmpdir(), 'tatawwu-bundles-'));
const entries = handlerEntries();
const built = new Map<string, { file: string; inputs: string[]; errors: number }>();

beforeAll(async () => {
  const queue = [...entries.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [index, { entry }] = next;
      const file = join(OUT, String(index), 'index.mjs');
      const result = await build({ ...esbuildOptions(resolve(ROOT, entry), file), metafile: true });
      const inputs = Object.values((result.metafile as Metafile).outputs).flatMap((output) => Object.keys(output.inputs));
      built.set(entry, { file, inputs, errors: result.errors.length });
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}, 600_000);

describe('handler bundles', () => {
  it('lists the route, schedule, consumer and workflow handlers', () => {
    expect(new Set(entries.map((e) => e.kind.split(' ')[0]))).toEqual(new Set(['http', 'schedule', 'consumer', 'workflow']));
  });

  it('builds every handler without errors', () => {
    expect(entries.filter((e) => built.get(e.entry)?.errors !== 0).map((e) => e.entry)).toEqual([]);
  });

  it('takes the AWS SDK from its ESM build in every bundle', () => {
    const cjs = entries.filter((e) => built.get(e.entry)!.inputs.some((path) => /@(aws-sdk|smithy)\//.test(path) && path.includes('/dist-cjs/')));
    expect(cjs.map((e) => e.entry)).toEqual([]);
  });

  it('leaves the X-Ray SDK out of every bundle', () => {
    const xray = entries.filter((e) => built.get(e.entry)!.inputs.some((path) => /aws-xray-sdk|@aws-lambda-powertools\/tracer/.test(path)));
    expect(xray.map((e) => e.entry)).toEqual([]);
  });

  it('loads a built HTTP handler and a consumer in a fresh Node process', () => {
    for (const entry of ['functions/http/system/health.ts', entries.find((e) => e.kind === 'consumer')!.entry]) {
      const { file } = built.get(entry)!;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); if (typeof m.handler !== 'function') process.exit(3);`], {
        env: { PATH: process.env.PATH, AWS_REGION: 'me-central-1', TABLE_NAME: 'test', POWERTOOLS_TRACE_ENABLED: 'false' },
        encoding: 'utf8',
      });
      expect({ entry, status: child.status, stderr: child.stderr }).toEqual({ entry, status: 0, stderr: '' });
    }
  });
});
