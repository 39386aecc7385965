/**
 * X-Ray subsegments without the X-Ray SDK (issue 17). With active tracing, Lambda records the
 * function's segment and passes its id in `_X_AMZN_TRACE_ID`; what the Powertools tracer added
 * on top was a `## <handler>` subsegment per invocation (annotations `ColdStart` and `Service`,
 * the response as metadata, the error with its stack) and a subsegment per AWS call. This module
 * writes the same documents to the X-Ray daemon over UDP, the protocol the SDK itself uses, and
 * costs nothing at import: the Powertools tracer pulled aws-xray-sdk-core, semver and cls-hooked
 * (~116 KB, ~25 ms of every cold start) and installs async hooks that slow every promise.
 *
 * Nothing is sent when there is no trace header, when the trace is not sampled, or when
 * POWERTOOLS_TRACE_ENABLED is false (the local platform and the tests).
 */
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { MiddlewareObj } from '@middy/core';

export interface TraceHeader {
  readonly root: string;
  readonly parent: string;
  readonly sampled: boolean;
}

/** `Root=1-…;Parent=…;Sampled=1` (Lambda sets it per invocation). */
export const parseTraceHeader = (header: string | undefined): TraceHeader | undefined => {
  if (!header) return undefined;
  const parts = new Map(header.split(';').map((part) => part.split('=', 2).map((s) => s.trim()) as [string, string]));
  const root = parts.get('Root');
  const parent = parts.get('Parent');
  if (!root || !parent) return undefined;
  return { root, parent, sampled: parts.get('Sampled') === '1' };
};

/** `host:port`, or `udp:host:port tcp:host:port` (AWS_XRAY_DAEMON_ADDRESS). */
export const daemonAddress = (value = process.env.AWS_XRAY_DAEMON_ADDRESS ?? '127.0.0.1:2000'): { host: string; port: number } => {
  const udp = value.split(/\s+/).find((part) => part.startsWith('udp:')) ?? value.split(/\s+/)[0]!;
  const [host, port] = udp.replace(/^udp:/, '').split(':');
  return { host: host || '127.0.0.1', port: Number(port) || 2000 };
};

const newId = (): string => randomBytes(8).toString('hex');
const now = (): number => Date.now() / 1000;

/** What one UDP datagram to the daemon can carry (64 KB less headers). */
const MAX_DATAGRAM_BYTES = 63 * 1024;

let socket: Socket | undefined;
const send = (document: Record<string, unknown>): void => {
  const { host, port } = daemonAddress();
  socket ??= createSocket('udp4').unref();
  let message = Buffer.from(`{"format":"json","version":1}\n${JSON.stringify(document)}`);
  // A large response as metadata would make the whole subsegment undeliverable: keep the
  // subsegment, drop the metadata and say so.
  if (message.length > MAX_DATAGRAM_BYTES && document.metadata) {
    const { metadata: _dropped, ...rest } = document;
    message = Buffer.from(`{"format":"json","version":1}\n${JSON.stringify({ ...rest, annotations: { ...(rest.annotations as object), ResponseTooLarge: true } })}`);
  }
  socket.send(message, port, host, () => undefined);
};

interface Subsegment {
  readonly trace: TraceHeader;
  readonly id: string;
  readonly doc: Record<string, unknown> & { annotations: Record<string, unknown>; metadata: Record<string, Record<string, unknown>> };
}

const startSubsegment = (name: string, trace: TraceHeader, parentId: string, extra: Record<string, unknown> = {}): Subsegment => {
  const id = newId();
  return {
    trace,
    id,
    doc: { name, id, trace_id: trace.root, parent_id: parentId, start_time: now(), type: 'subsegment', annotations: {}, metadata: {}, ...extra },
  };
};

/** The X-Ray SDK's exception shape: message, type, and up to 50 stack frames. */
const cause = (error: unknown) => {
  const err = error instanceof Error ? error : new Error(String(error));
  const stack = (err.stack ?? '')
    .split('\n')
    .slice(1, 51)
    .map((line) => /at (?:(.+?) \()?(.+?):(\d+):\d+\)?$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ label: m[1] ?? 'anonymous', path: m[2], line: Number(m[3]) }));
  return { working_directory: process.cwd(), exceptions: [{ id: newId(), message: err.message, type: err.name, remote: false, stack }] };
};

const endSubsegment = (segment: Subsegment, error?: unknown, flags: Record<string, boolean> = { fault: true }): void => {
  segment.doc.end_time = now();
  if (error !== undefined) Object.assign(segment.doc, flags, { cause: cause(error) });
  if (Object.keys(segment.doc.annotations).length === 0) delete (segment.doc as Record<string, unknown>).annotations;
  if (Object.keys(segment.doc.metadata).length === 0) delete (segment.doc as Record<string, unknown>).metadata;
  send(segment.doc);
};

export interface Tracing {
  readonly serviceName: string;
  /** The `## <handler>` subsegment of the invocation being served, if it is traced. */
  readonly current: () => Subsegment | undefined;
}

/** Records X-Ray subsegments for the handler of this environment (one invocation at a time). */
export const createTracing = (serviceName: string): Tracing & { readonly middleware: <E, R>() => MiddlewareObj<E, R> } => {
  let coldStart = true;
  let handlerSegment: Subsegment | undefined;
  const close = (error?: unknown) => {
    if (handlerSegment) endSubsegment(handlerSegment, error);
    handlerSegment = undefined;
  };
  return {
    serviceName,
    current: () => handlerSegment,
    middleware: <E, R>(): MiddlewareObj<E, R> => ({
      before: () => {
        const trace = parseTraceHeader(process.env._X_AMZN_TRACE_ID);
        handlerSegment = trace?.sampled ? startSubsegment(`## ${process.env._HANDLER ?? 'index.handler'}`, trace, trace.parent) : undefined;
        if (handlerSegment) Object.assign(handlerSegment.doc.annotations, { ColdStart: coldStart, Service: serviceName });
        coldStart = false;
      },
      after: (request) => {
        if (handlerSegment && request.response !== undefined) {
          handlerSegment.doc.metadata[serviceName] = { [`${process.env._HANDLER ?? 'index.handler'} response`]: request.response };
        }
        close();
      },
      onError: (request) => close(request.error),
    }),
  };
};

/** The part of an AWS SDK v3 client this needs (its middleware stack). */
interface TraceableClient {
  readonly middlewareStack: {
    add(
      middleware: (next: (args: any) => Promise<any>, context: any) => (args: any) => Promise<any>,
      options: { step: 'build'; name: string; priority?: 'high' | 'low' | 'normal' },
    ): void;
  };
}

const SERVICE_NAMES: Readonly<Record<string, string>> = { DynamoDBClient: 'DynamoDB', SFNClient: 'SFN', SESv2Client: 'SES' };

/**
 * One `aws` subsegment for an AWS call made while a traced handler runs (what the X-Ray SDK's
 * `captureAWSv3Client` records: service, operation, region, request id, retries, table name),
 * and the trace header passed on in `request`, so downstream services join the trace. `call`
 * answers as a client's middleware does (`output.$metadata`) or throws the call's error.
 */
export const traceAwsCall = async <R extends { output?: { $metadata?: unknown } }>(
  tracing: Tracing | undefined,
  service: string,
  operation: string,
  args: { input?: Record<string, unknown>; request?: { headers?: Record<string, string> } },
  call: () => Promise<R>,
): Promise<R> => {
  const parent = tracing?.current();
  if (!parent) return call();
  const segment = startSubsegment(service, parent.trace, parent.id, { namespace: 'aws' });
  if (args.request?.headers) args.request.headers['X-Amzn-Trace-Id'] = `Root=${parent.trace.root};Parent=${segment.id};Sampled=1`;
  const aws: Record<string, unknown> = { operation, region: process.env.AWS_REGION };
  if (typeof args.input?.TableName === 'string') aws.table_name = args.input.TableName;
  segment.doc.aws = aws;
  try {
    const output = await call();
    const metadata = output?.output?.$metadata as { requestId?: string; attempts?: number; httpStatusCode?: number } | undefined;
    Object.assign(aws, { request_id: metadata?.requestId, retries: Math.max(0, (metadata?.attempts ?? 1) - 1) });
    if (metadata?.httpStatusCode) segment.doc.http = { response: { status: metadata.httpStatusCode } };
    endSubsegment(segment);
    return output;
  } catch (error) {
    const metadata = (error as { $metadata?: { requestId?: string; httpStatusCode?: number } }).$metadata;
    Object.assign(aws, { request_id: metadata?.requestId });
    if (metadata?.httpStatusCode) segment.doc.http = { response: { status: metadata.httpStatusCode } };
    // A 4xx answer (a failed condition, a throttle) is an error of the call, not a fault.
    const status = metadata?.httpStatusCode ?? 500;
    endSubsegment(segment, error, status >= 500 ? { fault: true } : { error: true, ...(status === 429 && { throttle: true }) });
    throw error;
  }
};

/** The subsegment's name of a client's calls (`DynamoDBClient` → `DynamoDB`, `KMSClient` → `KMS`). */
export const awsServiceName = (clientName: string | undefined): string => SERVICE_NAMES[clientName ?? ''] ?? (clientName ?? 'AWS').replace(/Client$/, '');

/** traceAwsCall for every call of an AWS SDK v3 client (a build-step middleware, around the retries). */
export const traceAwsClient = <C>(client: C, tracing: Tracing | undefined): C => {
  if (!tracing) return client;
  (client as unknown as TraceableClient).middlewareStack.add(
    (next, context: { clientName?: string; commandName?: string }) => (args: { input?: Record<string, unknown>; request?: { headers?: Record<string, string> } }) =>
      traceAwsCall(tracing, awsServiceName(context.clientName), (context.commandName ?? '').replace(/Command$/, ''), args, () => next(args)),
    { step: 'build', name: 'tatawwuXRay', priority: 'low' },
  );
  return client;
};
