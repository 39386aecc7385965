import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Running (a zombie waiting for init to reap it counts as gone). */
const alive = (pid: number): boolean => {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== undefined && state !== 'Z';
  } catch {
    return false;
  }
};

describe('DynamoDB Local process', () => {
  it('does not outlive a Node process that dies without stopping it', async () => {
    const port = await freePort();
    const run = spawnSync('node_modules/.bin/tsx', ['test/integration/fixtures/crash-after-dynamo.ts', String(port)], { encoding: 'utf8', timeout: 60_000 });
    const { pid } = JSON.parse(run.stdout.trim().split('\n')[0]!) as { pid: number };
    await new Promise((r) => setTimeout(r, 1000));
    expect(run.status).not.toBe(0);
    expect(alive(pid)).toBe(false);
  });
});
