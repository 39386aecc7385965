import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { eventCatalog, eventEnvelope, type EventType } from '../../events/catalog.js';

const eventsDir = fileURLToPath(new URL('../../events/', import.meta.url));
const types = Object.keys(eventCatalog) as EventType[];
const example = (type: EventType): unknown => JSON.parse(readFileSync(eventsDir + eventCatalog[type].example, 'utf8'));

describe('event catalogue', () => {
  it('lists the volunteer registry events', () => {
    expect(types).toContain('VolunteerRegistered');
  });

  it.each(types)('names %s in PascalCase', (type) => {
    expect(type).toMatch(/^([A-Z][a-z0-9]+)+$/);
  });

  it.each(types)('describes %s', (type) => {
    expect(eventCatalog[type].description.length).toBeGreaterThan(20);
  });

  it.each(types)('has an example file for %s', (type) => {
    expect(existsSync(eventsDir + eventCatalog[type].example)).toBe(true);
  });

  it.each(types)('has an example of %s that meets its contract', (type) => {
    const result = eventEnvelope(type).safeParse(example(type));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('refuses an example whose detail breaks the contract', () => {
    const broken = example('VolunteerRegistered') as { detail: Record<string, unknown> };
    broken.detail.nationalId = '1234567897';
    expect(eventEnvelope('VolunteerRegistered').safeParse(broken).success).toBe(false);
  });

  it('refuses an example filed under the wrong detail-type', () => {
    const other = { ...(example('VolunteerRegistered') as object), 'detail-type': 'SomethingElse' };
    expect(eventEnvelope('VolunteerRegistered').safeParse(other).success).toBe(false);
  });
});

/**
 * Object literals shaped like a domain event (`type` and `detail`) in the code: every event is
 * built by `domainEvent` (shared/domain/events.ts), typed by this catalogue. Not events: zod
 * shapes (`z.object({...})`), problem documents (they have a `title`) and the event a consumer
 * hands its handler (`eventId`, shared/middleware/consumer.ts).
 */
const handBuiltEvents = (file: string, text: string): number[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const names = new Set(node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '')));
      const zodShape = ts.isCallExpression(node.parent) && ts.isPropertyAccessExpression(node.parent.expression) && node.parent.expression.name.text === 'object';
      if (names.has('type') && names.has('detail') && !names.has('title') && !names.has('eventId') && !zodShape) {
        lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
};

describe('domain events in the code', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });

  it('recognises an event literal, whole or without its id and time', () => {
    expect(handBuiltEvents('a.ts', "const e = { id, type: 'X', time, detail: { a: 1 } };")).toEqual([1]);
    expect(handBuiltEvents('a.ts', "store.invite(i, [\n  { type: 'VolunteerInvited', detail },\n]);")).toEqual([2]);
    expect(handBuiltEvents('a.ts', "const p = { type: 'about:blank', title, status, detail }; const s = z.object({ type: z.string(), detail: z.unknown() });")).toEqual([]);
  });

  it('are all built by the typed domainEvent', () => {
    const offenders = ['shared', 'functions']
      .flatMap((dir) => files(join(root, dir)))
      .filter((file) => relative(root, file) !== 'shared/domain/events.ts')
      .flatMap((file) => handBuiltEvents(file, readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}:${line}`));
    expect(offenders).toEqual([]);
  });
});
