/**
 * The import graph of the code that ships and runs (functions, shared, infra, events, scripts)
 * has no cycle, type-only imports included: `npm run check:cycles` (madge, .madgerc) is the same
 * check. Any cycle fails.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

const cycles = (): string[] => {
  const run = spawnSync(join('node_modules', '.bin', 'madge'), ['--circular', '--json', '--no-spinner', 'functions', 'shared', 'infra', 'events', 'scripts'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return (JSON.parse(run.stdout) as string[][]).map((cycle) => cycle.join(' > '));
};

describe('import graph', () => {
  it('has no cycle', { timeout: 180_000 }, () => {
    expect(cycles(), 'import cycles').toEqual([]);
  });
});
