/**
 * How every Lambda is bundled, in one place: the CDK NodejsFunction construct uses
 * `lambdaBundling`, and the bundle-size benchmark runs esbuild with `esbuildOptions`, the
 * same settings, so the measured bundle is the deployed one.
 *
 * The AWS SDK v3 is left out: the nodejs22.x runtime ships it, and bundling it would triple
 * cold-start size. ESM needs a `require` shim for the few CommonJS dependencies.
 */
import type { BuildOptions } from 'esbuild';

const REQUIRE_SHIM = "import { createRequire as __tatawwuCreateRequire } from 'node:module'; const require = __tatawwuCreateRequire(import.meta.url);";

export const bundlingSettings = {
  target: 'node22',
  minify: true,
  // Workflow Catch/Retry and problem mapping match errors by class name: minified names
  // would turn `RuleViolationError` into `t` in the cloud (and only there).
  keepNames: true,
  sourceMap: false,
  mainFields: ['module', 'main'],
  externalModules: ['@aws-sdk/*'],
  banner: REQUIRE_SHIM,
} as const;

/** esbuild options equal to what NodejsFunction passes for `lambdaBundling`. */
export const esbuildOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: bundlingSettings.target,
  minify: bundlingSettings.minify,
  keepNames: bundlingSettings.keepNames,
  sourcemap: bundlingSettings.sourceMap,
  mainFields: [...bundlingSettings.mainFields],
  external: [...bundlingSettings.externalModules],
  banner: { js: bundlingSettings.banner },
  logLevel: 'silent',
});
