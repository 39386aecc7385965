/**
 * How every Lambda is bundled, in one place: the CDK NodejsFunction construct uses
 * `lambdaBundling`, and the bundle-size benchmark runs esbuild with `esbuildOptions`, the
 * same settings, so the measured bundle is the deployed one.
 *
 * The AWS SDK v3 is bundled (issue 17): its ESM build (`module` main field, and the `module`
 * condition esbuild applies by default when no custom conditions are given), tree-shaken and
 * minified, imports ~35 % faster than the runtime's CommonJS copy (`npm run bench -- bundles`
 * builds its GetItem floor both ways and prints it), and the function no longer depends on the
 * SDK version the runtime happens to ship. Nothing reads the SDK's version at run time.
 * ESM needs a `require` shim for the few CommonJS dependencies.
 */
import type { BuildOptions } from 'esbuild';

const REQUIRE_SHIM = "import { createRequire as __tatawwuCreateRequire } from 'node:module'; const require = __tatawwuCreateRequire(import.meta.url);";

export const bundlingSettings = {
  target: 'node22',
  minify: true,
  // Workflow Catch/Retry match errors by `error.name`. Every error class declares its name as a
  // string (test/unit/error-names.test.ts), so minified class names (`t`) do not matter and
  // esbuild's keepNames (a `__name(fn, "…")` call for every function and class of the bundle,
  // ~6 % of its size and 2–8 ms of each cold start) is off (issue 17).
  keepNames: false,
  sourceMap: false,
  mainFields: ['module', 'main'],
  externalModules: [] as string[],
  banner: REQUIRE_SHIM,
  /**
   * A route spec's `responses` and `examples` describe it for the OpenAPI document; no handler
   * reads them. Each is written `process.env.TATAWWU_LAMBDA_BUNDLE ? {} : { … }`: under tsx (the
   * local platform, the tests, the docs scripts) the variable is unset and the spec is whole; in
   * a Lambda bundle it is replaced at build time, the branch folds to `{}`, and the response
   * schemas and examples leave the bundle instead of being built at every cold start (issue 17;
   * `test/unit/docs-only-specs.test.ts` checks every spec is written so).
   */
  define: { 'process.env.TATAWWU_LAMBDA_BUNDLE': '"1"' } as Record<string, string>,
} as const;

/**
 * esbuild options equal to what NodejsFunction passes for `bundlingSettings`. `externalModules`
 * is overridable only so that the benchmark can build its floor both ways (SDK bundled and
 * left to the runtime); the functions are always measured with the deployed settings.
 */
export const esbuildOptions = (
  entry: string,
  outfile: string,
  { externalModules = bundlingSettings.externalModules }: { externalModules?: readonly string[] } = {},
): BuildOptions => ({
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
  external: [...externalModules],
  banner: { js: bundlingSettings.banner },
  define: { ...bundlingSettings.define },
  logLevel: 'silent',
});
