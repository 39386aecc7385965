/**
 * Starts the real local stand-ins once for the whole test run: DynamoDB Local (in memory)
 * and the SES emulator. Each test file then makes its own table (see table.ts, platform.ts).
 */
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import * as sesModule from 'aws-ses-v2-local';
import { startDynamoLocal, type DynamoLocal } from '../../infra/local/dynamodb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesUrl: string;
  }
}

type SesServer = (config?: { host?: string; port?: number }) => Promise<import('node:http').Server>;
const sesServer: SesServer = ((sesModule as unknown as { default: { default?: SesServer } & SesServer }).default.default ??
  (sesModule as unknown as { default: SesServer }).default);

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

let dynamo: DynamoLocal | undefined;

export default async function setup(project: TestProject) {
  dynamo = await startDynamoLocal({ port: await freePort() });
  const ses = await sesServer({ host: '127.0.0.1', port: await freePort() });
  const address = ses.address();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesUrl', `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  return async () => {
    await new Promise<void>((resolve) => ses.close(() => resolve()));
    await dynamo?.stop();
  };
}
