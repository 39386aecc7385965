/**
 * Every deployed handler bundles with the settings NodejsFunction uses (infra/constructs/bundling.ts),
 * built in one esbuild run (the platform-stack test synthesises without code). The AWS SDK
 * comes from its ESM build, the X-Ray SDK is not in any bundle, classic zod is not in any bundle
 * (runtime code takes zod/mini from shared/zod.ts), and a built bundle loads in Node.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../functions/http/routes.js';
import { esbuildOptions } from '../../infra/constructs/bundling.js';
import { handlerEntries } from '../../infra/handler-entries.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = mkdtempSync(join(tmpdir(), 'tatawwu-bundles-'));
const entries = handlerEntries();
const built = new Map<string, { file: string; inputs: string[]; errors: number }>();
/** Every bundled module → the modules it imports (from the metafiles). */
const imports = new Map<string, string[]>();
const addImports = (metafile: { inputs: Record<string, { imports: Array<{ path: string }> }> }) => {
  for (const [path, input] of Object.entries(metafile.inputs)) imports.set(path, input.imports.map((i) => i.path));
};

/** One handler alone, as NodejsFunction builds it: used to name the culprits when the batch fails. */
const buildOne = async (index: number, entry: string) => {
  const file = join(OUT, String(index), 'index.mjs');
  const result = await build({ ...esbuildOptions(resolve(ROOT, entry), file), metafile: true }).catch((error: { errors?: unknown[] }) => ({ errors: error.errors ?? [error], metafile: undefined }));
  const inputs = result.metafile ? Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs)) : [];
  if (result.metafile) addImports(result.metafile);
  built.set(entry, { file, inputs, errors: result.errors.length });
};

beforeAll(async () => {
  // One esbuild run with every handler as an entry point and the deployed options: without code
  // splitting each output is the same self-contained bundle a per-function build makes, but the
  // shared modules are parsed once (≈ 5× faster than 160 separate builds).
  const { entryPoints: _entry, outfile: _outfile, ...options } = esbuildOptions(resolve(ROOT, entries[0]!.entry), join(OUT, 'unused.mjs'));
  const batch = await build({
    ...options,
    entryPoints: Object.fromEntries(entries.map(({ entry }, index) => [`${index}/index`, resolve(ROOT, entry)])),
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  }).catch(() => undefined);
  if (!batch?.metafile) {
    await Promise.all(entries.map(({ entry }, index) => buildOne(index, entry)));
    return;
  }
  addImports(batch.metafile);
  const byEntry = new Map(Object.values(batch.metafile.outputs).map((output) => [output.entryPoint && resolve(ROOT, output.entryPoint), Object.keys(output.inputs)]));
  entries.forEach(({ entry }, index) => {
    const inputs = byEntry.get(resolve(ROOT, entry));
    built.set(entry, { file: join(OUT, String(index), 'index.mjs'), inputs: inputs ?? [], errors: inputs ? batch.errors.length : 1 });
  });
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

  it('leaves classic zod out of every bundle, and each bundle with zod configures its English messages (issue 17)', () => {
    const CLASSIC = 'node_modules/zod/v4/classic/';
    const reachesClassic = (path: string, seen = new Set<string>()): boolean =>
      path.includes(CLASSIC) || (!seen.has(path) && (seen.add(path), (imports.get(path) ?? []).some((next) => next.includes('node_modules/zod/') && reachesClassic(next, seen))));
    const classic = entries.flatMap(({ entry }) => {
      const { inputs } = built.get(entry)!;
      if (!inputs.some((path) => path.includes(CLASSIC))) return [];
      // The project modules that import a zod entry point leading to classic zod (`from 'zod'`).
      const through = inputs.filter((path) => !path.includes('node_modules/') && (imports.get(path) ?? []).some((next) => next.includes('node_modules/zod/') && reachesClassic(next)));
      return [`${entry} through ${through.slice(0, 3).join(', ')}${through.length > 3 ? ` and ${through.length - 3} more` : ''}`];
    });
    expect(classic).toEqual([]);
    const withZod = entries.filter(({ entry }) => built.get(entry)!.inputs.some((path) => path.includes('node_modules/zod/v4/core/')));
    expect(withZod.length).toBeGreaterThan(100);
    const noLocale = withZod.filter(({ entry }) => !built.get(entry)!.inputs.some((path) => path.endsWith('node_modules/zod/v4/locales/en.js')));
    expect(noLocale.map((e) => e.entry)).toEqual([]);
  });

  it('leaves the notifier, email templates, workflow client and secrets client out of the handlers that neither send nor start anything (issue 17)', () => {
    const lean = entries.filter((e) =>
      /functions\/http\/recognition\/(?!decide-honour)|consumers\/recognition-(hours|training)|personal-data\/export|hours\/(list-|get-valuation-rates|reverse|dispute-no-show|confirm-deliverable|put-valuation-rates)|hours-verification\/|consumers\/attendance-record|consumers\/matching-(opportunities|volunteers)|matching-run\/start-run|companies\/(join|leave|list-employees)\.ts|applications\/(get|list-mine|list-organization)\.ts|honour-nomination\/await-choice/.test(
        e.entry,
      ),
    );
    const heavy = lean.filter((e) => built.get(e.entry)!.inputs.some((path) => /shared\/messaging\/(notifier|templates\/)|shared\/workflows\/client|client-secrets-manager/.test(path)));
    expect(lean.length).toBeGreaterThan(30);
    expect(heavy.map((e) => e.entry)).toEqual([]);
  });

  it('leaves out of the other handlers the clients and repositories they never call: the code key, the workflow client, the notifier, the signer, whole repositories for one read (issue 17)', () => {
    const rules: Array<[handlers: RegExp, never: RegExp]> = [
      [/hours\/(check-in|attendance-code)\.ts$/, /shared\/workflows\/client|client-sfn\//],
      [/hours\/check-in\.ts$/, /shared\/db\/training-repository\.ts$|shared\/db\/entities\/training-(module|attempt)\.ts$/],
      [/hours\/(decide|decide-bulk|dispute|reverse|list-escalated|list-mine|list-organization|get-valuation-rates|put-valuation-rates)\.ts$|hours-verification\/(escalate|await-decision|remind-managers)|consumers\/attendance-record/, /shared\/db\/opportunity-reads\.ts$|shared\/db\/entities\/(opportunity|shift)\.ts$/],
      [/\.ts$/, /libphonenumber-js\/(metadata\.|min\/)/],
      [/\.ts$/, /client-secrets-manager\//],
      [/volunteers\/register\.ts$|consumers\/assign-volunteer-group\.ts$/, /client-cognito-identity-provider\//],
      [/organizations\/register\.ts$/, /shared\/db\/(organization-repository|vetting)\.ts$|shared\/db\/entities\/organization-manager\.ts$/],
      [/hours\/(claim|roster|decide|decide-bulk|dispute)\.ts$|schedules\/attendance-close/, /client-secrets-manager\//],
      [/recognition\/decide-honour|honour-nomination\/award/, /client-kms\/|shared\/signing\//],
      [/recognition\/decide-honour/, /shared\/messaging\/(notifier|templates\/)/],
      [/recognition\/decide-honour|honour-nomination\/await-choice|schedules\/(awards|monthly-awards)\.ts$/, /shared\/db\/recognition-repository/],
      [/honour-nomination\/award/, /shared\/workflows\/client/],
      [/register\/status-list/, /shared\/db\/(volunteer|organization|register|hours)-repository|shared\/db\/project-reads/],
      [/register\/(issue-certificate|transcript)/, /shared\/db\/(volunteer|organization|hours|opportunity)-repository/],
      [/personal-data\/download-export|erasure\/(erase-records|delete-exports)|consumers\/prepare-export/, /client-s3\//],
      [/consumers\/deliver-notifications/, /client-sesv2\/|client-pinpoint-sms-voice-v2\//],
      [/schedules\/awards\.ts$|register\/(issue-certificate|jwks)\.ts$/, /client-kms\/|shared\/signing\/local-signer|node_modules\/jose\//],
      [/./, /client-sfn\//],
      [/consumers\/prepare-export|erasure\/delete-exports/, /s3-request-presigner\/|shared\/domain\/(volunteers|companies|hours|applications)\/schema\.ts$/],
      [/functions\/http\/hours\/|hours-verification\//, /shared\/db\/opportunity-repository\.ts$/],
      [/hours-verification\/|consumers\/attendance-record/, /shared\/db\/(volunteer|training)-repository\.ts$|shared\/domain\/volunteers\/schema\.ts$/],
      [/companies\/(invite-employees|request-domain-code)\.ts$/, /shared\/db\/(company|company-employee)-repository\.ts$|shared\/db\/vetting\.ts$/],
      [/companies\/(create-program|list-programs|participate|decide-participation)\.ts$/, /shared\/db\/(company|opportunity|organization)-repository\.ts$|shared\/db\/(vetting|application-seats)\.ts$/],
      [/matching\/get-(my-matches|candidates)\.ts$/, /shared\/db\/(matching|training|opportunity)-repository\.ts$/],
      [/application-review\/|consumers\/notify-opportunity-closed/, /shared\/db\/(volunteer|training|opportunity)-repository\.ts$|shared\/domain\/volunteers\/schema\.ts$/],
      [/schedules\/(awards|matching)\.ts$|honour-nomination\/award|consumers\/recognition-(hours|training)/, /shared\/db\/(organization|volunteer|evaluation)-repository/],
      [/personal-data\/erase\.ts$|erasure\/begin\.ts$/, /shared\/db\/(erasure|personal-data|volunteer)-repository/],
      [/consumers\/recognition-(hours|training)\.ts$/, /shared\/db\/recognition-(badges|monthly|honours)\.ts$/],
      [/consumers\/company-hours\.ts$/, /shared\/db\/(volunteer|company-employee)-repository\.ts$|shared\/domain\/volunteers\/schema\.ts$|shared\/db\/entities\/application\.ts$/],
      [/schedules\/impact\.ts$/, /shared\/db\/(organization|volunteer|company|company-employee)-repository/],
      [/consumers\/impact-aggregates\.ts$/, /shared\/db\/organization-repository/],
      [/opportunities\/create\.ts$/, /shared\/db\/opportunity-repository|entities\/opportunity-search-entry/],
      [
        /applications\/(submit|list-mine|list-organization)\.ts$|companies\/claim-team-seat\.ts$|erasure\/release-seats\.ts$/,
        /shared\/db\/(volunteer|training|opportunity|erasure)-repository\.ts$|shared\/domain\/volunteers\/schema\.ts$/,
      ],
    ];
    const carried = rules.flatMap(([handlers, never]) => {
      const matched = entries.filter((e) => handlers.test(e.entry));
      if (matched.length === 0) return [`no handler matches ${handlers}`];
      return matched.filter((e) => built.get(e.entry)!.inputs.some((path) => never.test(path))).map((e) => `${e.entry} carries ${never}`);
    });
    expect(carried).toEqual([]);
  });

  it('carries the bearer-token verifier (jwt.ts, with jose) only in optional-auth routes, and the Idempotency-Key middleware only in idempotent ones (issue 17)', () => {
    const carried = operations.flatMap((spec) => {
      const { inputs } = built.get(spec.entry)!;
      const has = (module: RegExp) => inputs.some((path) => module.test(path));
      return [
        ...(has(/shared\/middleware\/(jwt|optional-auth)\.ts$/) !== (spec.auth === 'optional') ? [`${spec.entry}: the verifier with auth '${spec.auth}'`] : []),
        ...(has(/shared\/middleware\/idempotency\.ts$/) !== Boolean(spec.idempotent) ? [`${spec.entry}: idempotency with idempotent ${String(spec.idempotent ?? false)}`] : []),
      ];
    });
    expect(carried).toEqual([]);
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
