/**
 * Cold starts (issue 17): every call in a module-level `const` initializer of bundled code carries
 * `/* @__PURE__ *\/`, so esbuild drops the schemas and definitions a function does not use
 * (infra/pure-annotations.ts). The rule is checked on the repository, and the annotation it
 * writes is checked to do what it is for: esbuild, with the project's settings, drops an unused
 * annotated schema (chained calls and calls in its arguments) and keeps the used one.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/constructs/bundling.js';
import { annotatePure, bundledSources, pureAnnotationGaps, undroppableSchemaGaps, wrapUndroppable } from '../../infra/pure-annotations.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('module-level calls are annotated pure', () => {
  it('every bundled source file has no gap (`npm run annotate:pure` fixes one)', () => {
    const files = bundledSources(root);
    expect(files.length).toBeGreaterThan(300);
    const gaps = files.flatMap((file) => pureAnnotationGaps(file, readFileSync(`${root}/${file}`, 'utf8')).map((gap) => `${file}:${gap.line} ${gap.text}`));
    expect(gaps).toEqual([]);
  });

  it('annotates the outermost call of a chain and each call in arguments, not function bodies or the handler export', () => {
    const source = [
      "export const A = z.object({ a: z.string().min(1), b: B.optional() }).strict();",
      'export const f = () => z.string();',
      'export const handler = http(spec).handler(async () => 1);',
      'let later = make();',
    ].join('\n');
    const { text, added } = annotatePure('x.ts', source);
    expect(added).toBe(3);
    expect(text.split('\n')[0]).toBe('export const A = /* @__PURE__ */ z.object({ a: /* @__PURE__ */ z.string().min(1), b: /* @__PURE__ */ B.optional() }).strict();');
    expect(text.split('\n').slice(1)).toEqual(source.split('\n').slice(1));
    expect(annotatePure('x.ts', text).added).toBe(0);
    expect(pureAnnotationGaps('x.ts', source).map((gap) => gap.line)).toEqual([1, 1, 1]);
  });

  it('esbuild with the project settings drops an unused annotated schema and keeps the used one', async () => {
    const schemas = annotatePure(
      'schemas.ts',
      [
        "import * as z from 'zod';",
        "export const Used = z.object({ kept: z.string().describe('USED-MARK') });",
        "export const Unused = z.object({ gone: z.string().min(1).describe('UNUSED-MARK'), nested: z.array(z.object({ deep: z.int() })) }).strict();",
      ].join('\n'),
    ).text;
    const result = await build({
      ...esbuildOptions('entry.ts', 'out.mjs'),
      entryPoints: undefined,
      outfile: undefined,
      write: false,
      absWorkingDir: root,
      stdin: { contents: "import { Used } from './schemas.ts'; export const handler = (e: unknown) => Used.parse(e);", loader: 'ts', resolveDir: root, sourcefile: 'entry.ts' },
      plugins: [{ name: 'virtual', setup: (b) => { b.onResolve({ filter: /^\.\/schemas\.ts$/ }, () => ({ path: 'schemas.ts', namespace: 'virtual' })); b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: schemas, loader: 'ts', resolveDir: root })); } }],
    });
    const output = result.outputFiles[0]!.text;
    expect(output).toContain('USED-MARK');
    expect(output).not.toContain('UNUSED-MARK');
  });

  it('no module-level schema has an argument esbuild must evaluate (spread, property access, template); `npm run annotate:pure` wraps one in a pure arrow', () => {
    const files = bundledSources(root);
    const gaps = files.flatMap((file) => undroppableSchemaGaps(file, readFileSync(`${root}/${file}`, 'utf8')).map((gap) => `${file}:${gap.line} ${gap.text}`));
    expect(gaps).toEqual([]);
  });

  it('esbuild keeps an annotated schema whose arguments hold a spread, a property access or a template, and drops it wrapped in a pure arrow', async () => {
    const source = [
      "import * as z from 'zod/mini';",
      'const Fields = { a: z.string() };',
      'const Bounds = { max: 5 };',
      "export const Spread = z.strictObject({ ...Fields, b: z.describe('SPREAD-MARK') });",
      "export const Access = z.array(z.string()).check(z.maxLength(Bounds.max, 'ACCESS-MARK'));",
      'export const Template = z.string().check(z.maxLength(5, `TEMPLATE-MARK ${Bounds}`));',
      "export const Fine = z.strictObject({ a: z.string().check(z.maxLength(24 * 60, 'FINE-MARK')) });",
      'export const Used = z.string();',
    ].join('\n');
    expect(undroppableSchemaGaps('s.ts', source).map((gap) => gap.text)).toEqual(['Spread', 'Access', 'Template']);
    const bundle = async (contents: string) => {
      const result = await build({
        ...esbuildOptions('entry.ts', 'out.mjs'),
        entryPoints: undefined,
        outfile: undefined,
        write: false,
        absWorkingDir: root,
        stdin: { contents: "import { Used } from './schemas.ts'; export const handler = (e: unknown) => Used.parse(e);", loader: 'ts', resolveDir: root, sourcefile: 'entry.ts' },
        plugins: [{ name: 'virtual', setup: (b) => { b.onResolve({ filter: /^\.\/schemas\.ts$/ }, () => ({ path: 'schemas.ts', namespace: 'virtual' })); b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents, loader: 'ts', resolveDir: root })); } }],
      });
      return ['SPREAD', 'ACCESS', 'TEMPLATE', 'FINE'].filter((mark) => result.outputFiles[0]!.text.includes(`${mark}-MARK`));
    };
    expect(await bundle(annotatePure('s.ts', source).text)).toEqual(['SPREAD', 'ACCESS', 'TEMPLATE']);
    const wrapped = wrapUndroppable('s.ts', source);
    expect(wrapped.added).toBe(3);
    expect(undroppableSchemaGaps('s.ts', wrapped.text)).toEqual([]);
    expect(wrapUndroppable('s.ts', wrapped.text).added).toBe(0);
    expect(await bundle(annotatePure('s.ts', wrapped.text).text)).toEqual([]);
  });
});
