/**
 * The tests of the AWS calls sent without their clients (issue 17: shared/aws/*, s3-object.ts)
 * compare our requests with the real clients' on a request handler that answers without a
 * network. One copy of that handler and of what "the same request" means.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest, HttpResponse } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AwsRequestHandler } from '../../shared/aws/signed-sender.js';

export interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

/** A handler that answers `answers` in turn, then `otherwise(request)`, and keeps every request. */
export const answering = (answers: Answer[], otherwise: (request: HttpRequest) => Answer) => {
  const requests: HttpRequest[] = [];
  const handler: AwsRequestHandler = {
    async handle(request) {
      requests.push(request);
      const answer = answers.shift() ?? otherwise(request);
      return { response: new HttpResponse({ statusCode: answer.status, headers: { 'x-amzn-requestid': 'REQ1', ...answer.headers }, body: Buffer.from(answer.body) }) };
    },
  };
  return { requests, handler };
};

/** Only the client sends these (its user agent; a random invocation id) and the signature covers them. */
const CLIENT_ONLY = ['user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'authorization'];

const comparableAs = (request: HttpRequest, encoding: 'utf8' | 'hex') => ({
  ...request,
  body: request.body === undefined ? undefined : Buffer.from(request.body as string | Uint8Array).toString(encoding),
  headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !CLIENT_ONLY.includes(name))),
});

/** A request as compared: everything but the client-only headers, the body as text. */
export const comparable = (request: HttpRequest) => comparableAs(request, 'utf8');

/** `comparable` for a binary body (a file put to S3), compared byte for byte. */
export const comparableBytes = (request: HttpRequest) => comparableAs(request, 'hex');

/**
 * A local HTTP server standing in for an AWS endpoint (in a `describe`: it starts before the
 * tests and stops after them): it answers `endpoint.answers` in turn, then `otherwise`, and keeps
 * what it received. `requestHandler` sends a signed request there as it is (its host header and
 * signature unchanged).
 */
export const localAwsEndpoint = (options: { contentType: string; requestIdHeader: string; otherwise: Answer }) => {
  const endpoint = {
    answers: [] as Answer[],
    received: [] as Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: Buffer }>,
    requestHandler: {
      handle: (request, handlerOptions) => new NodeHttpHandler().handle(new HttpRequest({ ...request, protocol: 'http:', hostname: '127.0.0.1', port }), handlerOptions),
    } as AwsRequestHandler,
  };
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        endpoint.received.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks) });
        const answer = endpoint.answers.shift() ?? options.otherwise;
        response.writeHead(answer.status, { 'content-type': options.contentType, [options.requestIdHeader]: `REQ${endpoint.received.length}`, ...answer.headers }).end(answer.body);
      });
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.close();
  });
  beforeEach(() => {
    endpoint.answers = [];
    endpoint.received.length = 0;
  });
  return endpoint;
};
