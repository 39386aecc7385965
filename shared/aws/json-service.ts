/**
 * Calls of AWS JSON services without their clients (issue 17): awsJson1_0/1_1 (`POST /` with
 * `X-Amz-Target: <Service>.<Operation>`: KMS) and restJson1 (the operation's own path: SES v2).
 * The caller gives the body as the client serialises its input (members in the model's order,
 * blobs in base64: tests compare the requests with the clients' own); this sends it through
 * signed-sender.ts (the client's signer, retries and handler), records the X-Ray subsegment the
 * traced client recorded, and answers the parsed JSON output. An error answer throws an error
 * named by the service's code, found where the clients' JSON protocols look (the
 * `x-amzn-errortype` header, else the body's `code` or `__type`, without namespace or suffix),
 * with its `message`, `$fault` by the status and `$metadata` (an answer that is not JSON: the
 * parser's error, as the clients throw it).
 */
import { HttpRequest, type HttpResponse } from '@smithy/core/protocols';
import { tracedAwsCall } from '../powertools/tracer.js';
import { awsError, responseMetadata, signedSender, type AwsAccess, type AwsResponseMetadata } from './signed-sender.js';

export interface JsonService {
  /** The subsegment's name (`KMS`, `SES`), as the traced client named its calls; none where the client was not traced (Secrets Manager). */
  readonly traceName?: string;
  /** SigV4's service name (`kms`, `ses`). */
  readonly signingName: string;
  /** The regional endpoint's host, `<prefix>.<region>.amazonaws.com` (`kms`, `email`). */
  readonly endpointPrefix: string;
}

export interface JsonCall {
  /** The operation's name (the subsegment's `operation`). */
  readonly operation: string;
  /** restJson1: the operation's path. @default '/' */
  readonly path?: string;
  /** awsJson: `X-Amz-Target`. */
  readonly target?: string;
  readonly contentType: 'application/json' | 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';
  /** The body, as the client serialises the input. */
  readonly body: Record<string, unknown>;
}

const sanitizeErrorCode = (raw: string): string => {
  const code = raw.split(',')[0]!.split(':')[0]!;
  return code.includes('#') ? code.split('#')[1]! : code;
};

const jsonError = (response: HttpResponse, body: Uint8Array): Error => {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = body.length ? JSON.parse(Buffer.from(body).toString('utf8')) : {};
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch (error) {
    // Not JSON (a proxy's page): the clients throw the parser's error (no fault: transient), with the metadata.
    const parseError = error as SyntaxError & { $metadata?: AwsResponseMetadata };
    parseError.message += '\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';
    parseError.$metadata = responseMetadata(response);
    Object.defineProperty(parseError, '$response', { value: response, enumerable: false });
    return parseError;
  }
  const codeKey = Object.keys(data).find((key) => key.toLowerCase() === 'code');
  const raw = response.headers['x-amzn-errortype'] ?? (codeKey && data[codeKey] !== undefined ? String(data[codeKey]) : undefined) ?? (data.__type === undefined ? undefined : String(data.__type));
  const message = data.message ?? data.Message;
  return awsError(response, raw === undefined ? 'UnknownError' : sanitizeErrorCode(raw), typeof message === 'string' ? message : 'UnknownError');
};

/**
 * The calls of one service as its client would make them (one per process: its signer, clock
 * offset, retry capacity and connections). `endpoint` replaces the regional one (the SES
 * emulator locally).
 */
export const jsonService = (service: JsonService, access: AwsAccess & { readonly endpoint?: string }): ((call: JsonCall) => Promise<Record<string, unknown>>) => {
  const send = signedSender({ ...access, signingName: service.signingName, failure: (response, body) => (response.statusCode >= 200 && response.statusCode < 300 ? undefined : jsonError(response, body)) });
  const endpoint = new URL(access.endpoint ?? `https://${service.endpointPrefix}.${access.region}.amazonaws.com`);
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  return async ({ operation, path = '/', target, contentType, body }) => {
    const payload = JSON.stringify(body);
    const request = new HttpRequest({
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port && { port: Number(endpoint.port) }),
      method: 'POST',
      path: `${basePath}${path}`,
      query: {},
      headers: { 'content-type': contentType, ...(target && { 'x-amz-target': target }), 'content-length': String(Buffer.byteLength(payload)), host: endpoint.host },
      body: payload,
    });
    const { traceName } = service;
    const { output: { body: answer } } = await (traceName ? tracedAwsCall(traceName, operation, { input: body, request }, () => send(request)) : send(request));
    return answer.length ? (JSON.parse(Buffer.from(answer).toString('utf8')) as Record<string, unknown>) : {};
  };
};
