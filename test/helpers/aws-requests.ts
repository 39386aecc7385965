/**
 * The tests of the AWS calls sent without their clients (issue 17: shared/aws/*, s3-object.ts)
 * compare our requests with the real clients' on a request handler that answers without a
 * network. One copy of that handler and of what "the same request" means.
 */
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
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
