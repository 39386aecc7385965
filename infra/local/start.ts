/**
 * `npm start`: the whole platform on this machine. Settings (all optional):
 *   PORT (3000)  SES_PORT (8005)  DYNAMODB_PORT (8000)
 *   DATA_DIR (.local-data)  IN_MEMORY=1 or --in-memory (nothing kept on disk)
 *   LOCAL_SES_URL, LOCAL_DYNAMODB_URL (use an SES emulator / DynamoDB Local that is already
 *   running, e.g. one that outlives restarts of the platform), LOCAL_TABLE_NAME (tatawwu-local)
 */
import './local-env.js';
import { LocalPlatformError } from './dynamodb.js';
import { startPlatform } from './platform.js';

const flag = (name: string) => process.argv.includes(`--${name}`);
const port = (variable: string, fallback: number): number => {
  const raw = process.env[variable];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new LocalPlatformError(`${variable} must be a port number between 1 and 65535, got "${raw}"`);
  }
  return value;
};

const main = async () => {
  const inMemory = flag('in-memory') || process.env.IN_MEMORY === '1' || process.env.IN_MEMORY === 'true';
  const dataDir = inMemory ? undefined : (process.env.DATA_DIR ?? '.local-data');
  console.log('Starting Tatawwu locally (DynamoDB Local, SES emulator, gateway)…');
  const platform = await startPlatform({
    apiPort: port('PORT', 3000),
    sesPort: port('SES_PORT', 8005),
    dynamoPort: port('DYNAMODB_PORT', 8000),
    ...(dataDir && { dataDir }),
    ...(process.env.LOCAL_SES_URL && { sesEndpoint: process.env.LOCAL_SES_URL }),
    ...(process.env.LOCAL_DYNAMODB_URL && { dynamoEndpoint: process.env.LOCAL_DYNAMODB_URL }),
    ...(process.env.LOCAL_TABLE_NAME && { tableName: process.env.LOCAL_TABLE_NAME }),
  });
  const volunteerToken = await platform.issuer.mint({ sub: 'demo-volunteer', groups: ['volunteer'], email: 'volunteer@example.sa' });
  const reviewerToken = await platform.issuer.mint({ sub: 'demo-reviewer', groups: ['ministry-reviewer', 'ministry-admin'], email: 'reviewer@example.sa' });
  const lines = [
    '',
    '  Tatawwu is running locally',
    '',
    `  API            ${platform.apiUrl}/v1   (health: ${platform.apiUrl}/health)`,
    `  API reference  ${platform.apiUrl}/docs   (OpenAPI: ${platform.apiUrl}/openapi.json)`,
    `  Email inbox    ${platform.sesUrl}   (every email the platform sends)`,
    `  DynamoDB Local ${platform.dynamoEndpoint}   table ${platform.tableName}`,
    `  Data           ${dataDir ? `${dataDir}/ (kept across restarts; IN_MEMORY=1 to keep nothing)` : 'in memory (lost on stop)'}`,
    ...platform.banner.map((line) => `  ${line}`),
    '',
    '  Get a token (valid 1 h):',
    `    curl -s -X POST ${platform.apiUrl}/local/token -H 'content-type: application/json' \\`,
    `      -d '{"sub":"me","groups":["volunteer"],"email":"me@example.sa"}'`,
    '',
    '  Demo tokens (valid 1 h):',
    `    volunteer          ${volunteerToken}`,
    `    ministry reviewer  ${reviewerToken}`,
    '',
    '  Fill it with demo data: npm run seed      Stop: Ctrl-C',
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Tatawwu…`);
    await platform.stop();
    console.log('stopped (DynamoDB Local included).');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
};

main().catch((error: unknown) => {
  if (error instanceof LocalPlatformError) {
    console.error(`\nTatawwu could not start: ${error.message}\n`);
  } else {
    console.error('\nTatawwu could not start:', error);
  }
  process.exit(1);
});
