/**
 * Arrows point inwards: the domain (shared/domain) declares its ports and never imports the
 * adapters that implement them (shared/db, shared/messaging), the middleware, or the AWS SDK.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOMAIN = join(ROOT, 'shared/domain');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });

/** Every module specifier a file imports or re-exports (static and dynamic). */
const specifiers = (text: string): string[] =>
  [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );

const FORBIDDEN = ['shared/db/', 'shared/messaging/', 'shared/middleware/'];

/** Why `specifier`, imported by `file`, is not allowed in the domain, or undefined. */
export const forbidden = (file: string, specifier: string): string | undefined => {
  if (specifier.startsWith('@aws-sdk/') || specifier === 'aws-sdk' || specifier.startsWith('@aws-lambda-powertools/')) return 'an AWS SDK';
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(ROOT, resolve(dirname(file), specifier));
  return FORBIDDEN.find((dir) => target.startsWith(dir));
};

describe('domain imports', () => {
  it('recognises the imports the domain may not make', () => {
    const file = join(DOMAIN, 'volunteers/service.ts');
    expect(specifiers("import type { X } from '../../db/keys.js';\nconst m = await import('../../messaging/events.js');")).toEqual(['../../db/keys.js', '../../messaging/events.js']);
    expect(forbidden(file, '../../db/keys.js')).toBe('shared/db/');
    expect(forbidden(file, '@aws-sdk/lib-dynamodb')).toBe('an AWS SDK');
    expect(forbidden(file, '../events.js')).toBeUndefined();
  });

  it('never reach shared/db, shared/messaging, shared/middleware or the AWS SDK', () => {
    const offenders = sourceFiles(DOMAIN).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const why = forbidden(file, specifier);
        return why ? [`${relative(ROOT, file)} imports ${specifier} (${why})`] : [];
      }),
    );
    expect(offenders).toEqual([]);
  });
});
