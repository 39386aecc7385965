/**
 * Error names survive minification (issue 17). Bundles are minified without esbuild's keepNames,
 * so a class's own name becomes `t` in the cloud; Step Functions' Catch/Retry, the Lambda
 * runtime's errorType and the logs read `error.name`. Every error class of bundled code therefore
 * declares `name` as a string literal, and a bundle built with the project's settings reports the
 * names the code says.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bundlingSettings, esbuildOptions } from '../../infra/constructs/bundling.js';
import { bundledSources } from '../../infra/pure-annotations.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Concrete classes extending `Error` or a class whose name ends in `Error`, without a literal `name`. */
const unnamedErrorClasses = (file: string, text: string): string[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name) {
      const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText(source);
      const abstract = node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword);
      const named = node.members.some((m) => ts.isPropertyDeclaration(m) && m.name.getText(source) === 'name' && m.initializer !== undefined && ts.isStringLiteral(m.initializer));
      if (base && /Error$/.test(base) && !abstract && !named) found.push(`${file}: class ${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe('error names', () => {
  it('every concrete error class of bundled code declares its name as a string', () => {
    const files = bundledSources(root);
    expect(files.length).toBeGreaterThan(300);
    expect(files.flatMap((file) => unnamedErrorClasses(file, readFileSync(join(root, file), 'utf8')))).toEqual([]);
    expect(unnamedErrorClasses('x.ts', 'export class LostError extends ConflictError {}\nexport abstract class BaseError extends Error {}')).toEqual(['x.ts: class LostError']);
  });

  it('a minified bundle (the project settings) reports the names the classes declare', async () => {
    expect(bundlingSettings.minify).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tatawwu-error-names-'));
    const entry = join(dir, 'entry.ts');
    const rel = (path: string) => JSON.stringify(join(root, path));
    const code = [
      `import { RuleViolationError } from ${rel('shared/domain/errors.ts')};`,
      `import { AlreadyAppliedError, ApplicationClosedError } from ${rel('shared/domain/applications/errors.ts')};`,
      'export const names = () => [new RuleViolationError("r", "m"), new AlreadyAppliedError("s", "a"), new ApplicationClosedError("a", "closed")].map((e) => e.name);',
    ].join('\n');
    writeFileSync(entry, code);
    const outfile = join(dir, 'out.mjs');
    await build({ ...esbuildOptions(entry, outfile), absWorkingDir: root });
    const built = (await import(pathToFileURL(outfile).href)) as { names: () => string[] };
    expect(built.names()).toEqual(['RuleViolationError', 'AlreadyAppliedError', 'ApplicationClosed']);
  });
});
