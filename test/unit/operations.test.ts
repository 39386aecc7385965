/**
 * The operation specs (functions/http/routes.ts) and the handlers built from them agree: every
 * spec's entry exports a handler built with `http(thatSpec)`, so a handler cannot enforce other
 * groups, schemas or idempotency than its route declares; an optional-auth or idempotent route
 * was given the bearer-token verifier or the Idempotency-Key middleware (its own module imports
 * them, so the other bundles go without).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operations } from '../../functions/http/routes.js';
import { http } from '../../shared/middleware/http.js';
import { idempotent } from '../../shared/middleware/idempotency.js';
import { optionalCaller } from '../../shared/middleware/optional-auth.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const areas = readdirSync(join(root, 'functions/http'), { withFileTypes: true }).filter((d) => d.isDirectory());

describe('operation specs and their handlers', () => {
  it.each(operations.map((spec) => [spec.id, spec] as const))('%s: its entry is built with http(spec) from this very spec', async (_id, spec) => {
    const module = (await import(join(root, spec.entry))) as { handler?: { operation?: unknown } };
    expect(module.handler, spec.entry).toBeTypeOf('function');
    expect(module.handler!.operation, `${spec.entry} is not built with http(${spec.id})`).toBe(spec);
  });

  it.each(operations.map((spec) => [spec.id, spec] as const))('%s: its entry has the parts its spec asks for, and no other', async (_id, spec) => {
    const module = (await import(join(root, spec.entry))) as { handler: { parts?: Record<string, unknown> } };
    const expected = {
      ...(spec.auth === 'optional' && { optionalCaller }),
      ...(spec.idempotent && { idempotency: idempotent }),
    };
    expect(module.handler.parts, spec.entry).toEqual(expected);
  });

  it('refuses to build an optional-auth route without the bearer-token verifier', () => {
    const spec = operations.find((op) => op.auth === 'optional' && !op.idempotent)!;
    expect(() => http(spec)).toThrow(/auth 'optional' needs http\(spec, \{ optionalCaller \}\)/);
  });

  it('refuses to build an idempotent route without the Idempotency-Key middleware', () => {
    const spec = operations.find((op) => op.idempotent && op.auth !== 'optional')!;
    expect(() => http(spec)).toThrow(/idempotent needs http\(spec, \{ idempotency: idempotent \}\)/);
  });

  it('refuses the bearer-token verifier for a route whose auth is not optional', () => {
    const spec = operations.find((op) => op.auth === 'required' && !op.idempotent)!;
    expect(() => http(spec, { optionalCaller })).toThrow(/optionalCaller is given/);
  });

  it('refuses the Idempotency-Key middleware for a route that is not idempotent', () => {
    const spec = operations.find((op) => op.auth === 'required' && !op.idempotent)!;
    expect(() => http(spec, { idempotency: idempotent })).toThrow(/not idempotent/);
  });

  it('gives every operation a unique id and method + path', () => {
    expect(new Set(operations.map((spec) => spec.id)).size).toBe(operations.length);
    expect(new Set(operations.map((spec) => `${spec.method} ${spec.path}`)).size).toBe(operations.length);
  });

  it('gathers every spec an area declares', () => {
    const declared = areas.flatMap((area) => {
      const file = join(root, 'functions/http', area.name, 'routes.ts');
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/\bid: '([A-Z][A-Za-z0-9]*)'/g)].map((m) => m[1]);
    });
    expect(operations.map((spec) => spec.id).sort()).toEqual(declared.sort());
  });

  it('marks every defineOperation call /* @__PURE__ */, so a handler bundle drops the other specs of its area', () => {
    for (const area of areas) {
      const source = readFileSync(join(root, 'functions/http', area.name, 'routes.ts'), 'utf8');
      const calls = source.match(/=\s*(\/\* @__PURE__ \*\/\s*)?defineOperation\(/g) ?? [];
      expect(calls.filter((call) => !call.includes('@__PURE__')), `functions/http/${area.name}/routes.ts`).toEqual([]);
    }
  });

  it('builds no handler with the pre-spec options form http({ ... })', () => {
    const handlers = areas.flatMap((area) =>
      readdirSync(join(root, 'functions/http', area.name))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => join('functions/http', area.name, file)),
    );
    const offenders = handlers.filter((file) => /\bhttp\(\s*\{/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
