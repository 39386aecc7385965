/**
 * The local platform for one test file: the real gateway and handlers on an ephemeral port,
 * on the shared DynamoDB Local and SES emulator, with a table of its own.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { TokenRequest } from '../../infra/local/issuer.js';
import { startPlatform, type Platform } from '../../infra/local/platform.js';

export interface TestPlatform extends Platform {
  token(request: TokenRequest): Promise<string>;
  /** Waits until the outbox relay has delivered every event written so far (and their consumers ran). */
  flushEvents(): Promise<void>;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: any }>;
}

export const startTestPlatform = async (): Promise<TestPlatform> => {
  const platform = await startPlatform({
    apiPort: 0,
    dynamoEndpoint: inject('dynamoEndpoint'),
    sesEndpoint: inject('sesUrl'),
    tableName: `t-${randomUUID().slice(0, 8)}`,
  });
  return {
    ...platform,
    token: (request) => platform.issuer.mint(request),
    async flushEvents() {
      const response = await fetch(`${platform.apiUrl}/local/events/flush`, { method: 'POST' });
      if (response.status !== 200) throw new Error(`POST /local/events/flush answered ${response.status}: ${await response.text()}`);
    },
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${platform.apiUrl}${path}`, { method, headers, ...(body !== undefined && { body }) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
  };
};
