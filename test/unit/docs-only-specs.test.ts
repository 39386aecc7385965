/**
 * Route specs keep their docs-only parts (`responses`, `examples`: the OpenAPI document reads
 * them, no handler does) behind `process.env.TATAWWU_LAMBDA_BUNDLE`, which the Lambda bundles
 * define (infra/constructs/bundling.ts): there the branch folds to `{}` and the response schemas
 * and examples are neither carried nor built at a cold start (issue 17).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../infra/constructs/bundling.js';
import { operations as allOperations } from '../../functions/http/routes.js';

const GUARD = 'process.env.TATAWWU_LAMBDA_BUNDLE ? {} : ';
const routeFiles = readdirSync('functions/http', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join('functions/http', d.name, 'routes.ts'))
  .filter((file) => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });

const unguarded = (file: string): string[] => {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineOperation') {
      const spec = node.arguments[0];
      if (spec && ts.isObjectLiteralExpression(spec)) {
        for (const property of spec.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
          if (property.name.text !== 'responses' && property.name.text !== 'examples') continue;
          if (!property.initializer.getText(source).startsWith(GUARD)) found.push(`${file}:${source.getLineAndCharacterOfPosition(property.getStart(source)).line + 1} ${property.name.text}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe('docs-only parts of the route specs', () => {
  it('are written behind the bundle flag in every routes.ts', () => {
    expect(routeFiles.length).toBeGreaterThan(10);
    expect(routeFiles.flatMap(unguarded)).toEqual([]);
  });

  it('are whole where the docs are built (no flag: tsx, tests, scripts)', () => {
    expect(process.env.TATAWWU_LAMBDA_BUNDLE).toBeUndefined();
    const withResponses = allOperations.filter((op) => Object.keys(op.responses).length > 0);
    expect(withResponses.length).toBe(allOperations.length);
  });

  it('leave a Lambda bundle: no response schema and no example in it', async () => {
    const entry = 'functions/http/volunteers/get-me.ts';
    const result = await build({ ...esbuildOptions(entry, 'node_modules/.cache/docs-only/index.mjs'), write: false });
    const code = result.outputFiles[0]!.text;
    // Strings that only the spec's example and response component carry.
    expect(code).not.toContain('"VolunteerProfile"');
    const flagless = await build({ ...esbuildOptions(entry, 'node_modules/.cache/docs-only/flagless.mjs'), define: {}, write: false });
    expect(flagless.outputFiles[0]!.text).toContain('"VolunteerProfile"');
  });
});
