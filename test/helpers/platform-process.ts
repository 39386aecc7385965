/**
 * `npm start` (infra/local/start.ts) as a child process on free ports and a data directory of
 * the test's choosing, for the tests that stop, kill and start the platform again on the
 * same data: SIGTERM is a normal stop, SIGKILL a crash (DynamoDB Local, in its own process
 * group, survives it and is ended by the next start on that directory).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export interface PlatformSettings {
  readonly dataDir: string;
  readonly apiPort: number;
  readonly sesPort: number;
  readonly dynamoPort: number;
  /** Extra environment (LOCAL_WORKFLOW_TIME_SCALE, LOCAL_SES_URL…). */
  readonly env?: Record<string, string>;
}

export interface PlatformProcess {
  readonly apiUrl: string;
  readonly dynamoEndpoint: string;
  readonly child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export const platformSettings = async (dataDir: string, env: Record<string, string> = {}): Promise<PlatformSettings> => ({
  dataDir,
  apiPort: await freePort(),
  sesPort: await freePort(),
  dynamoPort: await freePort(),
  env,
});

/** Starts `npm start` and resolves once its banner is printed (everything resumed). */
export const startPlatformProcess = async (settings: PlatformSettings, timeoutMs = 150_000): Promise<PlatformProcess> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(settings.apiPort),
      SES_PORT: String(settings.sesPort),
      DYNAMODB_PORT: String(settings.dynamoPort),
      DATA_DIR: settings.dataDir,
      LOCAL_CRON: 'off',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      ...settings.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the platform did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tatawwu is running locally')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the platform exited with ${code} before it was up:\n${output}`));
    });
  });
  return {
    apiUrl: `http://localhost:${settings.apiPort}`,
    dynamoEndpoint: settings.env?.LOCAL_DYNAMODB_URL ?? `http://127.0.0.1:${settings.dynamoPort}`,
    child,
    output: () => output,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};

/** One HTTP call to a platform process: JSON in, JSON (or text) out. */
export const call = async (
  apiUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiUrl}${path}`, { method, headers, ...(options.body !== undefined && { body: JSON.stringify(options.body) }) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: response.status, body };
};

export const mintToken = async (apiUrl: string, request: { sub: string; groups: string[]; email?: string; orgId?: string }): Promise<string> =>
  (await call(apiUrl, 'POST', '/local/token', { body: request })).body.token as string;

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export const eventually = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
};
