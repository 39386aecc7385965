/**
 * The single table's layout is declared once: every key in an entity module
 * (shared/db/entities/), every entity gathered in shared/db/keys.ts with its access patterns.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accessPatterns, entities } from '../../shared/db/keys.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTITIES = join(ROOT, 'shared/db/entities');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });

/** Code without its comments (a comment may describe a key layout). */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** A string or template literal that starts with an upper-case key prefix: `'ORG#'`, `` `VOL#${id}` ``. */
const KEY_LITERAL = /['"`][A-Z][A-Z0-9_]*#/g;

export const keyLiterals = (text: string): string[] => code(text).match(KEY_LITERAL) ?? [];

describe('key literals', () => {
  it('recognises a key prefix in a string or a template and ignores comments and names', () => {
    expect(keyLiterals("const k = { PK: `VOL#${sub}`, SK: 'PROFILE' }; // 'ORG#' here is a comment")).toEqual(['`VOL#']);
    expect(keyLiterals("ExpressionAttributeNames: { '#status': 'status' }")).toEqual([]);
  });

  it('appear only in the entity modules', () => {
    // infra/local emulates AWS services for `npm start` (its Step Functions store keeps the
    // emulator's executions, not platform data), so only the deployed code is held to this.
    const offenders = ['shared', 'functions', 'infra/constructs', 'infra/stacks', 'events']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => !file.startsWith(`${ENTITIES}/`))
      .flatMap((file) => keyLiterals(readFileSync(file, 'utf8')).map((literal) => `${relative(ROOT, file)}: ${literal}`));
    expect(offenders).toEqual([]);
  });
});

describe('entities (shared/db/keys.ts)', () => {
  it('gathers every entity that an entity module declares', async () => {
    const declared: string[] = [];
    for (const file of readdirSync(ENTITIES).filter((name) => name.endsWith('.ts'))) {
      const module = (await import(pathToFileURL(join(ENTITIES, file)).href)) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (value && typeof value === 'object' && 'fromItem' in value && 'accessPatterns' in value) declared.push((value as unknown as { name: string }).name);
      }
    }
    expect(new Set(entities.map((entity) => entity.name))).toEqual(new Set(declared));
  });

  it('gives every entity its own name', () => {
    const names = entities.map((entity) => entity.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('lists each access pattern once, on a table or index that exists', () => {
    const patterns = accessPatterns.map((p) => p.pattern);
    expect(patterns.filter((pattern, i) => patterns.indexOf(pattern) !== i)).toEqual([]);
    expect(accessPatterns.filter((p) => !['table', 'GSI1', 'GSI2', 'GSI3'].includes(p.index))).toEqual([]);
  });
});
