/**
 * The whole platform on one machine, from real parts: DynamoDB Local, the SES emulator,
 * the local token issuer, and the local gateway in front of the real handlers. Used by
 * `npm start`, the HTTP tests and the benchmarks.
 */
import './local-env.js';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sesModule from 'aws-ses-v2-local';
import { operations } from '../../functions/http/routes.js';
import { companyRepository } from '../../shared/db/company-repository.js';
import { managedOrganization } from '../../shared/db/organization-repository.js';
import { localIdentityEraser } from '../../shared/identity/identity-eraser.js';
import { idempotencyTable, localOnlyTable, mainTable } from '../../shared/db/table.js';
import { localBus } from '../../shared/messaging/local-bus.js';
import { endOrphanedDynamoLocal, ensureTable, LocalPlatformError, localClient, startDynamoLocal, type DynamoLocal } from './dynamodb.js';
import { createGateway, type LocalRoute } from './gateway.js';
import { createLocalIssuer, TokenRequest, type LocalIssuer } from './issuer.js';
import { json, type ExtensionContext } from './extension.js';
import { localExtensions } from './extensions.js';
import { ensureLocalSigningKey } from '../../shared/signing/local-signer.js';
import { faultShares, injectedFaults } from '../../shared/faults.js';

// aws-ses-v2-local is CommonJS with an `exports.default`; unwrap it whichever way it was loaded.
type SesServer = (config?: { host?: string; port?: number }) => Promise<import('node:http').Server>;
const sesServer: SesServer = ((sesModule as unknown as { default: { default?: SesServer } & SesServer }).default.default ??
  (sesModule as unknown as { default: SesServer }).default);

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface PlatformOptions {
  /** API gateway port. @default 3000 */
  readonly apiPort?: number;
  /** SES emulator port. @default 8005 */
  readonly sesPort?: number;
  /** DynamoDB Local port. @default 8000 */
  readonly dynamoPort?: number;
  /** Keep data on disk here; omit for in-memory. */
  readonly dataDir?: string;
  /** Use an already running DynamoDB Local instead of starting one. */
  readonly dynamoEndpoint?: string;
  /** Use an already running SES emulator instead of starting one. */
  readonly sesEndpoint?: string;
  /** @default 'tatawwu-local' */
  readonly tableName?: string;
}

export interface Platform {
  readonly apiUrl: string;
  readonly sesUrl: string;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  readonly issuer: LocalIssuer;
  stop(): Promise<void>;
}

const assertPortFree = (port: number, what: string, variable: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe: Server = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LocalPlatformError(
          error.code === 'EADDRINUSE'
            ? `port ${port} (${what}) is already in use: stop what uses it, or choose another port with ${variable}=<port>`
            : `cannot listen on port ${port} (${what}): ${error.message}`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });

export const startPlatform = async (options: PlatformOptions = {}): Promise<Platform & { banner: string[] }> => {
  const apiPort = options.apiPort ?? 3000;
  const sesPort = options.sesPort ?? 8005;
  const dynamoPort = options.dynamoPort ?? 8000;
  const tableName = options.tableName ?? 'tatawwu-local';
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
    stops.length = 0;
  };
  try {
    if (apiPort !== 0) await assertPortFree(apiPort, 'API gateway', 'PORT');
    if (!options.sesEndpoint && sesPort !== 0) await assertPortFree(sesPort, 'SES emulator', 'SES_PORT');

    let dynamoEndpoint = options.dynamoEndpoint;
    if (!dynamoEndpoint) {
      if (options.dataDir) await endOrphanedDynamoLocal(`${options.dataDir}/dynamodb`);
      await assertPortFree(dynamoPort, 'DynamoDB Local', 'DYNAMODB_PORT');
      const dynamo: DynamoLocal = await startDynamoLocal({ port: dynamoPort, ...(options.dataDir && { dataDir: `${options.dataDir}/dynamodb` }) });
      stops.push(dynamo.stop);
      dynamoEndpoint = dynamo.endpoint;
    }
    const admin = localClient(dynamoEndpoint);
    await ensureTable(admin, mainTable, tableName);
    await ensureTable(admin, idempotencyTable, `${tableName}-idempotency`);
    const servicesTableName = `${tableName}-services`;
    await ensureTable(admin, localOnlyTable, servicesTableName);
    admin.destroy();

    let sesUrl = options.sesEndpoint;
    if (!sesUrl) {
      const ses = await sesServer({ host: '127.0.0.1', port: sesPort });
      stops.push(() => new Promise((r) => ses.close(() => r())));
      const address = ses.address();
      sesUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : sesPort}`;
    }

    // The gateway listens first so that an ephemeral port (0) is known before handlers run.
    const issuerHolder: { current?: LocalIssuer } = {};
    const localRoutes: LocalRoute[] = [];
    const gateway = createGateway({
      operations,
      root: ROOT,
      get jwt() {
        return { issuer: issuerHolder.current!.issuer, audience: issuerHolder.current!.audience, jwksUrl: '' };
      },
      get keys() {
        return issuerHolder.current!.keys;
      },
      localRoutes,
    });
    const server = await gateway.listen(apiPort);
    stops.push(() => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : apiPort;
    const apiUrl = `http://localhost:${port}`;
    const issuer = await createLocalIssuer({
      issuer: `${apiUrl}/local`,
      audience: 'tatawwu-local',
      ...(options.dataDir && { dataDir: options.dataDir }),
      // Cognito's part: an organisation a user was made manager of, a company they were made
      // admin of (the table's records of the grants).
      directory: async (sub) => {
        const [orgId, companyId] = await Promise.all([managedOrganization(sub), companyRepository().adminOf(sub)]);
        const groups = [...(orgId ? (['org-manager'] as const) : []), ...(companyId ? (['company-admin'] as const) : [])];
        return groups.length > 0 ? { groups, ...(orgId && { orgId }), ...(companyId && { companyId }) } : undefined;
      },
    });
    issuerHolder.current = issuer;

    Object.assign(process.env, {
      TATAWWU_MODE: 'local',
      AWS_REGION: process.env.AWS_REGION ?? 'me-central-1',
      TABLE_NAME: tableName,
      IDEMPOTENCY_TABLE_NAME: `${tableName}-idempotency`,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_ENDPOINT: sesUrl,
      JWT_ISSUER: issuer.issuer,
      JWT_AUDIENCE: issuer.audience,
      JWT_JWKS_URL: `${apiUrl}/local/jwks.json`,
      NATIONAL_ID_PEPPER: process.env.NATIONAL_ID_PEPPER ?? 'local-only-pepper-not-a-secret',
      ATTENDANCE_CODE_KEY: process.env.ATTENDANCE_CODE_KEY ?? localAttendanceCodeKey(options.dataDir),
      POWERTOOLS_DEV: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
      // Certificates: the ES256 key is kept with the local data (a temporary directory when in memory).
      SIGNING_KEY_DIR: options.dataDir ? join(options.dataDir, 'signing') : mkdtempSync(join(tmpdir(), 'tatawwu-signing-')),
      PUBLIC_BASE_URL: apiUrl,
    });
    await ensureLocalSigningKey(process.env.SIGNING_KEY_DIR!);

    localRoutes.push(
      {
        method: 'POST',
        path: '/local/token',
        async handle(request) {
          let input: unknown;
          try {
            input = JSON.parse(request.body.toString('utf8') || '{}');
          } catch {
            return json(400, { type: 'about:blank', title: 'Bad request', status: 400, detail: 'body is not valid JSON' });
          }
          const parsed = TokenRequest.safeParse(input);
          if (!parsed.success) {
            return {
              ...json(400, {
                type: 'about:blank',
                title: 'Bad request',
                status: 400,
                detail: 'invalid token request',
                errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
              }),
              headers: { 'content-type': 'application/problem+json' },
            };
          }
          // The stand-in of a deleted Cognito user (issue 18): an erased user cannot sign in again.
          if (localIdentityEraser.erased.has(parsed.data.sub)) {
            return { ...json(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'this user was deleted' }), headers: { 'content-type': 'application/problem+json' } };
          }
          return json(200, { token: await issuer.mint(parsed.data) });
        },
      },
      { method: 'GET', path: '/local/jwks.json', handle: async () => json(200, issuer.jwks) },
      // What LOCAL_FAULTS injected since start (shared/faults.ts): the crash test's figures.
      { method: 'GET', path: '/local/faults', handle: async () => json(200, { shares: faultShares(), injected: injectedFaults() }) },
    );

    const banner: string[] = [];
    const shares = faultShares();
    if (Object.values(shares).some((share) => share > 0)) {
      banner.push(`Faults         LOCAL_FAULTS=${process.env.LOCAL_FAULTS} (injected so far: GET /local/faults)`);
    }
    const context: ExtensionContext = { apiUrl, tableName, servicesTableName, dynamoEndpoint, issuer };
    for (const extension of localExtensions) {
      const started = await extension.start(context);
      localRoutes.push(...(started.routes ?? []));
      banner.push(...(started.banner ?? []));
      if (started.stop) stops.push(started.stop);
    }
    stops.push(async () => localBus.drain());

    return { apiUrl, sesUrl, dynamoEndpoint, tableName, issuer, stop, banner };
  } catch (error) {
    await stop();
    throw error;
  }
};

/**
 * The local key of the attendance codes: generated once and kept with the local data (so codes
 * on a printed sheet survive a restart); one per process with IN_MEMORY / in tests.
 */
const localAttendanceCodeKey = (dataDir: string | undefined): string => {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'attendance-code.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
};
